/** vectors.* kinds: one-to-one with VectorStore, all inside the engine lane. */
import type { HandlersFor } from './types';

export const vectorHandlers: HandlersFor<'vectors.'> = {
  'vectors.ensureEmbedder': { serial: true, run: async (r, c) => (await c.session.vectors().ensureEmbedder(r.embedderId, r.dimension), null) },
  'vectors.embedderInfo': { serial: true, run: (_r, c) => c.session.vectors().embedderInfo() },
  'vectors.writeItem': { serial: true, run: async (r, c) => (await c.session.vectors().writeItem(r.dataId, r.rows), null) },
  'vectors.deleteData': { serial: true, run: async (r, c) => (await c.session.vectors().deleteData(r.dataId), null) },
  'vectors.wipe': { serial: true, run: async (_r, c) => (await c.session.vectors().wipe(), null) },
  'vectors.searchVector': { serial: true, run: (r, c) => c.session.vectors().searchVector(r.table, r.vector, r.k) },
  'vectors.searchText': { serial: true, run: (r, c) => c.session.vectors().searchText(r.table, r.query, r.k) },
  'vectors.searchHybrid': { serial: true, run: (r, c) => c.session.vectors().searchHybrid(r.table, r.vector, r.query, r.k) },
  'vectors.count': { serial: true, run: (r, c) => c.session.vectors().count(r.table) },
};
