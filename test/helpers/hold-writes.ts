/**
 * Holds a dataset's write turn in the host's real dataset queue, so a cognify run started now
 * waits (its files stay queued) until the test lets go: a run that is slow enough to cancel, or
 * to reload the page under, without sleeping and without a test hook in the product.
 */
import type { PooledEngines } from '../../electron/core/datasets/pooled-engines';
import type { Core } from '../../electron/core/core';

/** `release` lets the queue go on and waits until it has; calling it again is harmless. */
export type Hold = Readonly<{ release: () => Promise<void> }>;

export async function holdWrites(core: Core, datasetId: string): Promise<Hold> {
  const row = await core.services.store.datasets.byId(datasetId);
  if (!row) throw new Error(`no dataset ${datasetId}`);
  const { queue } = core.services.engines as PooledEngines;
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let entered!: () => void;
  const holding = new Promise<void>((r) => (entered = r));
  const done = queue.withDataset({ ownerId: row.owner_id, datasetId }, 'write', async () => {
    entered();
    await gate;
  });
  await holding;
  return {
    release: async () => {
      open();
      await done;
    },
  };
}
