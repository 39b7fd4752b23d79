/**
 * The extracted text of each data item, one file per item beside the dataset's engines
 * (`<dataset_id>.docs/<data_id>.txt`). Chunk offsets point into it, so the document view and
 * every citation read exactly the text that was chunked. Its headings, when the format has
 * them, sit beside it (`<data_id>.headings.json`): a hit's heading path is read from there, so
 * the vector tables need no column for it and items cognified before it simply have none.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../../shared/domain/errors';
import { isUuid } from '../../../shared/domain/ids';
import { headingPathAt, headingPaths } from '../ingest/parse/headings';
import type { Heading } from '../ingest/types';

/** An item's headings and the heading path at each, ready to answer "which section is offset n in". */
export type HeadingIndex = Readonly<{ headings: readonly Heading[]; paths: readonly (readonly string[])[] }>;

export class DocTextStore {
  constructor(private readonly dir: string) {}

  /** `<graph>.kuzu` → `<graph>.docs` */
  static besideGraph(graphPath: string): DocTextStore {
    return new DocTextStore(graphPath.replace(/\.kuzu$/, '') + '.docs');
  }

  private file(dataId: string): string {
    if (!isUuid(dataId)) throw new AppError('invalid_input', 'dataId must be a UUID');
    return path.join(this.dir, `${dataId}.txt`);
  }

  private headingsFile(dataId: string): string {
    return this.file(dataId).replace(/\.txt$/, '.headings.json');
  }

  /**
   * Atomic writes (temp file + rename): a crash leaves the old text or the new, never half. The
   * headings go first, so the text (which every reader needs) is the last thing to change.
   */
  async write(dataId: string, text: string, headings: readonly Heading[] = []): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const headingsFile = this.headingsFile(dataId);
    if (headings.length > 0) await atomicWrite(headingsFile, JSON.stringify(headings));
    else await fs.rm(headingsFile, { force: true });
    await atomicWrite(this.file(dataId), text);
  }

  /** The item's headings, or null when it has none (or was cognified before headings were kept). */
  async headingIndex(dataId: string): Promise<HeadingIndex | null> {
    let raw: string;
    try {
      raw = await fs.readFile(this.headingsFile(dataId), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const headings = JSON.parse(raw) as Heading[];
    return { headings, paths: headingPaths(headings) };
  }

  /** Heading paths at several offsets of several items, each item's headings read once. */
  async headingPathsAt(refs: readonly Readonly<{ dataId: string; start: number }>[]): Promise<Array<readonly string[]>> {
    const byItem = new Map<string, Promise<HeadingIndex | null>>();
    return Promise.all(
      refs.map(async ({ dataId, start }) => {
        let index = byItem.get(dataId);
        if (!index) byItem.set(dataId, (index = this.headingIndex(dataId)));
        const idx = await index;
        return idx ? headingPathAt(idx.headings, idx.paths, start) : [];
      }),
    );
  }

  async read(dataId: string): Promise<string | null> {
    try {
      return await fs.readFile(this.file(dataId), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async slice(dataId: string, start: number, end: number): Promise<string> {
    const text = await this.read(dataId);
    return text === null ? '' : text.slice(start, end);
  }

  async delete(dataId: string): Promise<void> {
    await fs.rm(this.file(dataId), { force: true });
    await fs.rm(this.headingsFile(dataId), { force: true });
  }

  async wipe(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}

async function atomicWrite(file: string, data: string): Promise<void> {
  const tmp = `${file}.tmp`;
  await fs.writeFile(tmp, data, 'utf8');
  await fs.rename(tmp, file);
}
