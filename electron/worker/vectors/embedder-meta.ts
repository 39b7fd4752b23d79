/**
 * The embedder a dataset's vectors were made with, kept as a small JSON file inside the lance
 * directory so it is deleted with the vectors and can never disagree with them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../../shared/domain/errors';

export type EmbedderMeta = Readonly<{ embedderId: string; dimension: number }>;

export const META_FILE = '_kenning_embedder.json';

export async function readMeta(dir: string): Promise<EmbedderMeta | null> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, META_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const m = JSON.parse(raw) as Partial<EmbedderMeta>;
    if (typeof m.embedderId === 'string' && Number.isInteger(m.dimension)) return { embedderId: m.embedderId, dimension: m.dimension! };
  } catch {
    // fall through: unreadable metadata
  }
  throw new AppError('corrupt', 'The vector index metadata is damaged');
}

/** Writes atomically (temp file + rename) so a crash never leaves half a file. */
export async function writeMeta(dir: string, meta: EmbedderMeta): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `${META_FILE}.${process.pid}.tmp`);
  await fs.writeFile(tmp, JSON.stringify(meta));
  await fs.rename(tmp, path.join(dir, META_FILE));
}

export async function removeMeta(dir: string): Promise<void> {
  await fs.rm(path.join(dir, META_FILE), { force: true });
}
