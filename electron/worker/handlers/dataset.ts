/** The whole dataset: wipe it, count what it holds. */
import { VECTOR_TABLES } from '../stores';
import { afterWhichTheLayoutIsStale, onStores } from './lane';
import type { HandlersFor } from './types';

export const datasetHandlers: HandlersFor<'dataset.'> = {
  'dataset.wipe': onStores(async (_req, stores, ctx) => {
    await afterWhichTheLayoutIsStale(ctx, stores, async () => {
      await stores.vectors.wipe();
      await stores.graph.wipe();
      await stores.docs.wipe();
    });
    return { ok: true };
  }),
  'dataset.stats': onStores(async (_req, { graph, vectors }) => {
    const counts = await graph.countsByType();
    const vectorsByTable: Record<string, number> = {};
    for (const t of VECTOR_TABLES) vectorsByTable[t] = await vectors.count(t);
    const slice = await graph.readGraph({ nodeLimit: 1, edgeLimit: 1 });
    return { nodes: Object.values(counts).reduce((a, b) => a + b, 0), edges: slice.totalEdges, vectors: vectorsByTable };
  }),
};
