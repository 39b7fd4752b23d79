/** graph.* kinds: one-to-one with GraphStore, all inside the engine lane. */
import type { HandlersFor } from './types';

export const graphHandlers: HandlersFor<'graph.'> = {
  'graph.writeItem': { serial: true, run: async (r, c) => (await c.session.graph().writeItem(r.item), null) },
  'graph.deleteData': { serial: true, run: async (r, c) => (await c.session.graph().deleteData(r.dataId), null) },
  'graph.wipe': { serial: true, run: async (_r, c) => (await c.session.graph().wipe(), null) },
  'graph.read': {
    serial: true,
    run: (r, c) => c.session.graph().readGraph({ nodeLimit: r.nodeLimit, edgeLimit: r.edgeLimit, ...(r.types ? { types: r.types } : {}) }),
  },
  'graph.neighbourhood': { serial: true, run: (r, c) => c.session.graph().neighbourhood(r.nodeId, r.depth, r.nodeLimit) },
  'graph.nodeDetails': { serial: true, run: (r, c) => c.session.graph().nodeDetails(r.nodeId) },
  'graph.counts': { serial: true, run: (_r, c) => c.session.graph().countsByType() },
  'graph.findByName': { serial: true, run: (r, c) => c.session.graph().findByName(r.query, r.limit, r.types) },
  'graph.cypherRead': { serial: true, run: (r, c) => c.session.graph().cypherRead(r.query, r.limit) },
};
