/**
 * Where a dataset's engine files live. Only UUIDs become path segments: no user-supplied
 * string ever reaches the file system.
 *   <home>/databases/<owner>/<dataset>.kuzu       Kùzu graph (+ .wal and other companions)
 *   <home>/databases/<owner>/<dataset>.lance.db/  LanceDB tables
 *   <home>/databases/<owner>/<dataset>.lock       held by the one worker serving it
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../../shared/domain/errors';
import { isUuid } from '../../../shared/domain/ids';
import type { DatasetRef } from '../engines';

export type DatasetPaths = Readonly<{ dir: string; graph: string; vectors: string; lock: string }>;

export function datasetPaths(home: string, ownerUserId: string, datasetId: string): DatasetPaths {
  if (typeof home !== 'string' || !path.isAbsolute(home)) throw new AppError('internal', 'The data folder must be an absolute path');
  if (!isUuid(ownerUserId) || !isUuid(datasetId)) throw new AppError('invalid_input', 'Dataset and owner ids must be UUIDs');
  const owner = ownerUserId.toLowerCase();
  const id = datasetId.toLowerCase();
  const dir = path.join(home, 'databases', owner);
  return { dir, graph: path.join(dir, `${id}.kuzu`), vectors: path.join(dir, `${id}.lance.db`), lock: path.join(dir, `${id}.lock`) };
}

/** Stable map key for a dataset. */
export function refKey(ref: DatasetRef): string {
  return `${ref.ownerId.toLowerCase()}/${ref.datasetId.toLowerCase()}`;
}

/**
 * Removes every file of one dataset: the graph and its companions (.wal, .shadow, …), the lock
 * and its journal, and the lance directory — everything named `<datasetId>.*` in the owner's
 * folder. The worker must be stopped first.
 */
export async function removeDatasetFiles(p: DatasetPaths): Promise<void> {
  const prefix = `${path.basename(p.lock, '.lock')}.`;
  let names: string[];
  try {
    names = await fs.readdir(p.dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const name of names) if (name.startsWith(prefix)) await fs.rm(path.join(p.dir, name), { recursive: true, force: true });
}
