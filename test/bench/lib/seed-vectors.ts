/**
 * Seeds a dataset's LanceDB chunk table directly through the worker's vector store adapter,
 * before any worker opens it: rows of real sentences embedded by the local embedder, cited to
 * data items that exist in system.db. Used where cognify would be too slow for the budget.
 */
import type { Embedder } from '../../../electron/worker/ingest/types';
import type { VectorRow } from '../../../electron/worker/stores';
import { LanceVectorStore } from '../../../electron/worker/vectors/lance-vector-store';

/** Writes `texts` as DocumentChunk_text rows spread over `dataIds` (one writeItem per item). */
export async function seedChunks(dir: string, embedder: Embedder, dataIds: readonly string[], texts: readonly string[]): Promise<void> {
  const store = await LanceVectorStore.open(dir);
  try {
    await store.ensureEmbedder(embedder.id, embedder.dimension);
    const per = Math.ceil(texts.length / dataIds.length);
    for (let d = 0; d < dataIds.length; d++) {
      const dataId = dataIds[d]!;
      const part = texts.slice(d * per, (d + 1) * per);
      if (part.length === 0) continue;
      const vectors = await embedder.embed(part);
      let pos = 0;
      const rows: VectorRow[] = part.map((text, i) => {
        const start = pos;
        pos += text.length + 1;
        const chunkId = `chunk:${dataId}:${i}:${start}:${start + text.length}`;
        return { id: chunkId, nodeId: chunkId, dataId, chunkId, text, start, end: start + text.length, vector: vectors[i]! };
      });
      await store.writeItem(dataId, { DocumentChunk_text: rows });
    }
  } finally {
    await store.close(); // compacts and folds the new rows into the full-text index
  }
}
