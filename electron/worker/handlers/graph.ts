/** The graph view's reads (graph.* procedures), over this dataset's graph and stored text. */
import type { NodeSource } from '../../../shared/domain/graph';
import type { ResultOf } from '../../../shared/worker-protocol';
import { overviewOf, withPlaces } from '../layout/overview';
import { parseChunkId } from '../pipeline/ids';
import { onStores } from './lane';
import type { DatasetStores } from './lane';
import type { HandlersFor } from './types';

const MAX_SOURCES = 20;

/**
 * Reads that return nodes add their stored layout positions (graph.read, graph.neighbourhood,
 * graph.find), from whatever layout exists, fresh or not: a slightly old position is still the
 * right neighbourhood, and these reads never wait for a layout. graph.overview does wait: it
 * lays the graph out when the stored layout is missing or stale.
 */
export const graphHandlers: HandlersFor<'graph.'> = {
  'graph.read': onStores(async (req, { graph }, ctx) => {
    const slice = await graph.readGraph({ nodeLimit: req.nodeLimit, edgeLimit: req.edgeLimit, offset: req.offset, ...(req.types ? { types: req.types } : {}) });
    return { ...slice, nodes: withPlaces(slice.nodes, await ctx.session.layout().peek()) };
  }),
  'graph.neighbourhood': onStores(async (req, { graph }, ctx) => {
    const slice = await graph.neighbourhood(req.nodeId, req.depth, req.nodeLimit);
    return { ...slice, nodes: withPlaces(slice.nodes, await ctx.session.layout().peek()) };
  }),
  'graph.overview': onStores(async (req, { graph }, ctx) => overviewOf(await ctx.session.layout().ensure(graph), req)),
  'graph.node': onStores((req, stores) => nodeWithSources(stores, req.nodeId)),
  'graph.counts': onStores(async (_req, { graph }) => ({ ...(await graph.countsByType()) })),
  'graph.find': onStores(async (req, { graph }, ctx) => withPlaces(await graph.findByName(req.query, req.limit, req.types), await ctx.session.layout().peek())),
};

/** A node, its relations, and the passages (chunk ranges in extracted text) that assert it. */
async function nodeWithSources(stores: DatasetStores, nodeId: string): Promise<ResultOf<'graph.node'>> {
  const details = await stores.graph.nodeDetails(nodeId);
  if (!details) return null;
  const chunkIds = new Set<string>();
  if (details.node.type === 'DocumentChunk') chunkIds.add(details.node.id);
  for (const { other } of details.relations) if (other.type === 'DocumentChunk') chunkIds.add(other.id);
  const sources: NodeSource[] = [];
  for (const id of [...chunkIds].sort(byChunkOrder).slice(0, MAX_SOURCES)) {
    const ref = parseChunkId(id);
    if (!ref) continue;
    sources.push({ dataId: ref.dataId, chunkId: id, start: ref.start, end: ref.end, text: await stores.docs.slice(ref.dataId, ref.start, ref.end) });
  }
  return { node: details.node, relations: details.relations.map((r) => ({ edge: r.edge, other: r.other })), sources };
}

function byChunkOrder(a: string, b: string): number {
  const x = parseChunkId(a);
  const y = parseChunkId(b);
  if (!x || !y) return a.localeCompare(b);
  return x.dataId.localeCompare(y.dataId) || x.index - y.index;
}
