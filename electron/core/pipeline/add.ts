/**
 * add: bytes → sha256 → stored once under data_storage/<tenant or user>/<sha256>.<ext> →
 * a data row linked to the dataset. Adding the same content to the same dataset again is
 * a no-op that says so. No model is involved. Each file succeeds or fails alone.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { DataId } from '../../../shared/domain/ids';
import type { CoreConfig } from '../config';
import type { Store } from '../store';
import type { DatasetRow } from '../store/repos/datasets-repo';
import { classifyFsError } from './fs-errors';
import { acceptFile } from './file-types';

export type AddInputItem = Readonly<{ name: string; bytes: Uint8Array }>;
export type AddItemResult = Readonly<{ name: string; status: 'added' | 'duplicate' | 'rejected'; dataId?: string; reason?: string }>;

export async function addItems(
  store: Store,
  config: CoreConfig,
  home: string,
  dataset: DatasetRow,
  items: readonly AddInputItem[],
): Promise<AddItemResult[]> {
  if (items.length > config.maxFilesPerCall) {
    return items.map((i) => ({ name: i.name, status: 'rejected', reason: `too many files in one call (limit ${config.maxFilesPerCall})` }));
  }
  const out: AddItemResult[] = [];
  for (const item of items) out.push(await addOne(store, config, home, dataset, item));
  if (out.some((r) => r.status === 'added')) await store.datasets.touch(dataset.id);
  return out;
}

async function addOne(store: Store, config: CoreConfig, home: string, dataset: DatasetRow, item: AddInputItem): Promise<AddItemResult> {
  const accepted = acceptFile(item.name);
  if ('reason' in accepted) return { name: item.name, status: 'rejected', reason: accepted.reason };
  if (item.bytes.byteLength === 0) return { name: item.name, status: 'rejected', reason: 'the file is empty (0 bytes)' };
  if (item.bytes.byteLength > config.maxFileBytes)
    return { name: item.name, status: 'rejected', reason: `the file is larger than the limit of ${formatBytes(config.maxFileBytes)}` };

  const hash = createHash('sha256').update(item.bytes).digest('hex');
  // Raw files live under the dataset owner's tenant (or user) folder; ids only, never names.
  const folder = dataset.tenant_id ?? dataset.owner_id;
  const rel = path.join('data_storage', folder, `${hash}.${accepted.ext}`);
  let data = await store.data.byOwnerAndHash(dataset.owner_id, hash);
  if (!data) {
    try {
      await writeOnce(path.join(home, rel), item.bytes);
    } catch (e) {
      return { name: item.name, status: 'rejected', reason: classifyFsError(e, 'storing the file').message };
    }
    data = await store.data.create({
      name: item.name,
      extension: accepted.ext,
      mime_type: accepted.mime,
      size: item.bytes.byteLength,
      content_hash: hash,
      raw_location: rel,
      owner_id: dataset.owner_id,
      tenant_id: dataset.tenant_id,
    });
  }
  const linked = await store.data.link(dataset.id, data.id as DataId);
  return linked ? { name: item.name, status: 'added', dataId: data.id } : { name: item.name, status: 'duplicate', dataId: data.id, reason: 'this content is already in the dataset' };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file under the final name. */
async function writeOnce(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await fs.access(file);
    return; // stored already (same content hash)
  } catch {
    /* not there yet */
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Turns raw text into a named text item. */
export function textItem(text: string, index: number): AddInputItem {
  const words = text.trim().split(/\s+/).slice(0, 6).join('_').replace(/[^\p{L}\p{N}_-]/gu, '').slice(0, 60);
  return { name: `text_${index + 1}${words ? `_${words}` : ''}.txt`, bytes: new TextEncoder().encode(text) };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
