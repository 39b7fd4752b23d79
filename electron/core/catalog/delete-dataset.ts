import fs from 'node:fs/promises';
import path from 'node:path';

import type { DataId } from '../../../shared/domain/ids';
import type { Caller } from '../access/caller';
import type { Services } from '../services';
import type { DatasetRow } from '../store/repos/datasets-repo';

/**
 * Deletes a dataset: its rows first (ACLs, links and runs cascade), so nobody can reach it any
 * more and a request already running against it sees it as gone; then its worker is stopped and
 * its engine files removed; then raw files no other data row still references.
 */
export async function deleteDatasetEverywhere(services: Services, caller: Caller, dataset: DatasetRow): Promise<void> {
  const { store, engines } = services;
  await services.cognify.cancelAndWait(dataset.id);
  const items = await store.data.inDataset(dataset.id);
  await store.datasets.delete(dataset.id);
  await engines.deleteDataset({ ownerId: dataset.owner_id, datasetId: dataset.id });
  for (const item of items) await dropIfOrphan(services, item.id as DataId);
  await store.audit.record({ actorId: caller.userId, action: 'dataset.delete', datasetId: dataset.id, detail: { name: dataset.name } });
}

/** Removes a data row (and its raw file if unused) once no dataset links it. */
export async function dropIfOrphan(services: Services, dataId: DataId): Promise<void> {
  const { store, home } = services;
  if ((await store.data.linkCount(dataId)) > 0) return;
  const row = await store.data.byId(dataId);
  if (!row) return;
  await store.data.delete(dataId);
  if ((await store.data.rawLocationUses(row.raw_location)) === 0) {
    const file = path.resolve(home, row.raw_location);
    // Defence in depth: raw locations are built from ids, but never delete outside the home.
    if (file.startsWith(path.resolve(home) + path.sep)) await fs.rm(file, { force: true });
  }
}
