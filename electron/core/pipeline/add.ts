/**
 * add: bytes → sha256 → stored once under data_storage/<tenant or owner>/<sha256>.<ext> →
 * a new catalog row for this dataset, owned by the uploader. Adding the same content to the
 * same dataset again is a no-op that says so. No model is involved. Each file succeeds or
 * fails alone.
 *
 * Deduplication stops at the dataset: raw bytes are shared by hash, but a catalog row (id,
 * name, dates) is never reused from another dataset — that would show a grantee the owner's
 * private item id, file name and date just for uploading the same bytes (issue 12, part 3).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { DatasetId, UserId } from '../../../shared/domain/ids';
import type { CoreConfig } from '../config';
import type { Store } from '../store';
import type { DatasetRow } from '../store/repos/datasets-repo';
import { classifyFsError } from './fs-errors';
import { acceptFile, IMAGE_NOTE, imageBytesMatch, isImage } from './file-types';

export type AddInputItem = Readonly<{ name: string; bytes: Uint8Array }>;
export type AddItemResult = Readonly<{ name: string; status: 'added' | 'duplicate' | 'rejected'; dataId?: string; reason?: string }>;

/** Adds `items` to `dataset` as `uploaderId` (who becomes the owner of the new catalog rows). */
export async function addItems(
  store: Store,
  config: CoreConfig,
  home: string,
  dataset: DatasetRow,
  uploaderId: UserId,
  items: readonly AddInputItem[],
): Promise<AddItemResult[]> {
  if (items.length > config.maxFilesPerCall) {
    return items.map((i) => ({ name: i.name, status: 'rejected', reason: `too many files in one call (limit ${config.maxFilesPerCall})` }));
  }
  const out: AddItemResult[] = [];
  for (const item of items) out.push(await addOne(store, config, home, dataset, uploaderId, item));
  if (out.some((r) => r.status === 'added')) await store.datasets.touch(dataset.id);
  return out;
}

async function addOne(store: Store, config: CoreConfig, home: string, dataset: DatasetRow, uploaderId: UserId, item: AddInputItem): Promise<AddItemResult> {
  const accepted = acceptFile(item.name);
  if ('reason' in accepted) return { name: item.name, status: 'rejected', reason: accepted.reason };
  if (item.bytes.byteLength === 0) return { name: item.name, status: 'rejected', reason: 'the file is empty (0 bytes)' };
  // Cognify never parses an image, so its content is checked here, where a mismatch can still be refused.
  if (isImage(accepted.mime) && !imageBytesMatch(accepted.mime, item.bytes)) {
    return { name: item.name, status: 'rejected', reason: `the file is not a ${accepted.ext === 'png' ? 'PNG' : 'JPEG'} image` };
  }
  if (item.bytes.byteLength > config.maxFileBytes)
    return { name: item.name, status: 'rejected', reason: `the file is larger than the limit of ${formatBytes(config.maxFileBytes)}` };

  const hash = createHash('sha256').update(item.bytes).digest('hex');
  const datasetId = dataset.id as DatasetId;
  // Fast path: already in this dataset, nothing to write.
  const present = await store.data.inDatasetByHash(datasetId, hash);
  if (present) return duplicate(item.name, present.id);
  // Raw files live under the dataset owner's tenant (or user) folder; ids only, never names.
  const folder = dataset.tenant_id ?? dataset.owner_id;
  const rel = path.join('data_storage', folder, `${hash}.${accepted.ext}`);
  try {
    await writeOnce(path.join(home, rel), item.bytes);
  } catch (e) {
    return { name: item.name, status: 'rejected', reason: classifyFsError(e, 'storing the file').message };
  }
  // Checked again inside the insert's transaction: a concurrent add of the same bytes may have won.
  const { row, created } = await store.data.addToDataset(datasetId, {
    name: item.name,
    extension: accepted.ext,
    mime_type: accepted.mime,
    size: item.bytes.byteLength,
    content_hash: hash,
    raw_location: rel,
    owner_id: uploaderId,
    tenant_id: dataset.tenant_id,
  });
  if (!created) return duplicate(item.name, row.id);
  return isImage(accepted.mime) ? { name: item.name, status: 'added', dataId: row.id, reason: IMAGE_NOTE } : { name: item.name, status: 'added', dataId: row.id };
}

/** The same content is already in this dataset (the id is of that dataset's own row). */
const duplicate = (name: string, dataId: string): AddItemResult => ({ name, status: 'duplicate', dataId, reason: 'this content is already in the dataset' });

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
