import type { GraphStore, VectorStore } from '../stores';
import type { DocTextStore } from './doc-text-store';

/** Removes everything one item asserted (graph, vectors, text); entities other items assert stay. */
export async function forgetItem(dataId: string, deps: Readonly<{ graph: GraphStore; vectors: VectorStore; docs: DocTextStore }>): Promise<void> {
  await deps.vectors.deleteData(dataId);
  await deps.graph.deleteData(dataId);
  await deps.docs.delete(dataId);
}
