/**
 * The application requests a dataset worker serves (shared/worker-app-protocol.ts), over
 * the stores it owns. One function per kind; the switch is exhaustive.
 */
import { AppError } from '../../../shared/domain/errors';
import type { AppProgress, AppRequest, AppResult, AppResults, NodeSource } from '../../../shared/worker-app-protocol';
import { createChatClient } from '../ingest/llm';
import { DocTextStore } from '../pipeline/doc-text-store';
import { forgetItem } from '../pipeline/forget-item';
import { parseChunkId } from '../pipeline/ids';
import { runSearch } from '../search/run-search';
import type { GraphStore, VectorStore } from '../stores';
import { VECTOR_TABLES } from '../stores';
import { embedderFor, embedderForRecorded } from './embedders';

export type AppStores = Readonly<{ graph: GraphStore; vectors: VectorStore; docs: DocTextStore }>;
export type AppCallContext = Readonly<{ progress: (p: AppProgress) => void; signal: AbortSignal }>;

const MAX_SOURCES = 20;

export async function handleAppRequest(req: AppRequest, stores: AppStores, ctx: AppCallContext): Promise<AppResults[AppRequest['kind']]> {
  const { graph, vectors, docs } = stores;
  switch (req.kind) {
    case 'ingest.item': {
      // Parsers and NLP models load on the first ingest only: a worker that just searches starts faster.
      const { cognifyItem } = await import('../pipeline/cognify-item');
      // req.embedder and req.llm are the dataset owner's (main resolves them), whoever started the run.
      const embedder = await embedderFor(req.embedder);
      const chat = req.llm?.enabled ? createChatClient(req.llm) : undefined;
      const r = await cognifyItem(
        { dataId: req.dataId, dataName: req.dataName, rawPath: req.rawPath, ...(req.chunkSize ? { chunkSize: req.chunkSize } : {}), ...(req.chunkOverlap ? { chunkOverlap: req.chunkOverlap } : {}) },
        { graph, vectors, docs, embedder, chat, signal: ctx.signal, progress: (stage, bytes) => ctx.progress({ stage, bytes }) },
      );
      return { ...r, dimension: embedder.dimension } satisfies AppResult<'ingest.item'>;
    }
    case 'ingest.forgetItem':
      await forgetItem(req.dataId, stores);
      return { ok: true };
    case 'ingest.wipe':
      await vectors.wipe();
      await graph.wipe();
      await docs.wipe();
      return { ok: true };
    case 'docs.read':
      return { text: await docs.read(req.dataId) };
    case 'search.run': {
      // req.embedder is the dataset owner's (it embeds the query); req.llm is the caller's (it only answers).
      const recorded = await vectors.embedderInfo();
      return runSearch(
        { searchType: req.searchType, query: req.query, topK: req.topK, onlyContext: req.onlyContext },
        { graph, vectors, docs, embedder: () => embedderForRecorded(req.embedder, recorded), chat: () => createChatClient(req.llm) },
      );
    }
    case 'view.graph':
      return graph.readGraph({ nodeLimit: req.nodeLimit, edgeLimit: req.edgeLimit, offset: req.offset, ...(req.types ? { types: req.types } : {}) }) as Promise<AppResult<'view.graph'>>;
    case 'view.neighbourhood':
      return graph.neighbourhood(req.nodeId, req.depth, req.nodeLimit) as Promise<AppResult<'view.neighbourhood'>>;
    case 'view.node':
      return nodeWithSources(stores, req.nodeId);
    case 'view.counts':
      return { ...(await graph.countsByType()) };
    case 'view.find':
      return [...(await graph.findByName(req.query, req.limit, req.types))];
    case 'stats': {
      const counts = await graph.countsByType();
      const vectorsByTable: Record<string, number> = {};
      for (const t of VECTOR_TABLES) vectorsByTable[t] = await vectors.count(t);
      const slice = await graph.readGraph({ nodeLimit: 1, edgeLimit: 1 });
      return { nodes: Object.values(counts).reduce((a, b) => a + b, 0), edges: slice.totalEdges, vectors: vectorsByTable };
    }
    default:
      throw new AppError('invalid_input', `Unknown request ${(req as { kind: string }).kind}`);
  }
}

/** A node, its relations, and the passages (chunk ranges in extracted text) that assert it. */
async function nodeWithSources(stores: AppStores, nodeId: string): Promise<AppResult<'view.node'>> {
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
