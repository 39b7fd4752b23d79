/**
 * Start-up sweep: removes the engine files of datasets that no longer exist. Deleting a dataset
 * removes its rows before its files (so nothing can reach it meanwhile); a crash between the two
 * leaves files nobody can open, and this reclaims them. Runs before any worker starts, and only
 * touches `databases/<uuid>/<uuid>.*` entries whose dataset id has no row.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { isUuid } from '../../../shared/domain/ids';
import { datasetPaths, removeDatasetFiles } from '../datasets/paths';
import type { Store } from '../store';

export async function sweepOrphanDatasetFiles(home: string, store: Store): Promise<number> {
  const root = path.join(home, 'databases');
  let owners: string[];
  try {
    owners = await fs.readdir(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let removed = 0;
  for (const owner of owners.filter(isUuid)) {
    const ids = new Set((await fs.readdir(path.join(root, owner))).map((name) => name.split('.')[0]!).filter(isUuid));
    for (const id of ids) {
      if (await store.datasets.byId(id)) continue;
      await removeDatasetFiles(datasetPaths(home, owner, id));
      removed++;
    }
  }
  return removed;
}
