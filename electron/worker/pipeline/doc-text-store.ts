/**
 * The extracted text of each data item, one file per item beside the dataset's engines
 * (`<dataset_id>.docs/<data_id>.txt`). Chunk offsets point into it, so the document view and
 * every citation read exactly the text that was chunked.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../../shared/domain/errors';
import { isUuid } from '../../../shared/domain/ids';

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

  /** Atomic write (temp file + rename): a crash leaves the old text or the new, never half. */
  async write(dataId: string, text: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.file(dataId);
    const tmp = `${file}.tmp`;
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, file);
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
  }

  async wipe(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
