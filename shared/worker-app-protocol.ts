/**
 * The application-level requests main sends to a dataset worker (ingestion, search, graph
 * reads for the UI), inside the `app` kind of worker-protocol.ts — the only way main reaches a
 * dataset's stores. Each kind maps to one result type; progress events carry the item stage.
 */
import type { SearchHit, SearchType, GraphReport } from './contract/search';
import type { Settings } from './contract/settings';
import type { GraphEdge, GraphNode, GraphSlice, NodeType } from './domain/graph';

export type EmbedderSettings = Settings['embedding'];
export type LlmSettings = Settings['llm'];

export type AppRequest = Readonly<
  | { kind: 'ingest.item'; dataId: string; dataName: string; rawPath: string; embedder: EmbedderSettings; llm: LlmSettings | null; chunkSize?: number; chunkOverlap?: number }
  | { kind: 'ingest.forgetItem'; dataId: string }
  | { kind: 'ingest.wipe' }
  | { kind: 'docs.read'; dataId: string }
  | { kind: 'search.run'; searchType: SearchType; query: string; topK: number; onlyContext: boolean; embedder: EmbedderSettings; llm: LlmSettings | null }
  | { kind: 'view.graph'; nodeLimit: number; edgeLimit: number; offset: number; types?: readonly NodeType[] }
  | { kind: 'view.neighbourhood'; nodeId: string; depth: 1 | 2 | 3; nodeLimit: number }
  | { kind: 'view.node'; nodeId: string }
  | { kind: 'view.counts' }
  | { kind: 'view.find'; query: string; limit: number; types?: readonly NodeType[] }
  | { kind: 'stats' }
>;

export type AppRequestKind = AppRequest['kind'];

export type NodeSource = Readonly<{ dataId: string; chunkId: string; start: number; end: number; text: string }>;

export type AppResults = {
  'ingest.item': { chunks: number; entities: number; relations: number; textChars: number; embedderId: string; dimension: number };
  'ingest.forgetItem': { ok: true };
  'ingest.wipe': { ok: true };
  'docs.read': { text: string | null };
  'search.run': { hits: SearchHit[]; answer?: string; context?: string; rows?: Record<string, unknown>[]; report?: GraphReport };
  'view.graph': GraphSlice;
  'view.neighbourhood': GraphSlice;
  'view.node': { node: GraphNode; relations: { edge: GraphEdge; other: GraphNode }[]; sources: NodeSource[] } | null;
  'view.counts': Record<string, number>;
  'view.find': GraphNode[];
  'stats': { nodes: number; edges: number; vectors: Record<string, number> };
};

export type AppResult<K extends AppRequestKind> = AppResults[K];

/** Progress while an app request runs (ingest stages). */
export type AppProgress = Readonly<{ stage: 'classify' | 'parse' | 'chunk' | 'extract' | 'summarize' | 'embed' | 'write'; bytes: number }>;
