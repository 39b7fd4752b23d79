/**
 * The two per-dataset store interfaces the dataset worker writes and reads through.
 * `kuzu` is imported only by graph/, `@lancedb/lancedb` only by vectors/; everything else
 * sees these interfaces (Cognee's "dataset database handlers": chosen per dataset).
 */
import type { GraphEdge, GraphNode, GraphSlice, NodeType } from '../../shared/domain/graph';

/** Everything one data item asserts in the graph; written as one idempotent unit. */
export type ItemGraph = Readonly<{ dataId: string; nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }>;

export type NodeDetails = Readonly<{
  node: GraphNode;
  /** Edges touching the node with the node at the other end. */
  relations: readonly Readonly<{ edge: GraphEdge; other: GraphNode }>[];
  /** Data items (documents) whose content asserts this node. */
  dataIds: readonly string[];
}>;

export interface GraphStore {
  /** Removes what `dataId` asserted earlier, then writes `item`: re-running is a no-op. */
  writeItem(item: ItemGraph): Promise<void>;
  /** Removes nodes/edges only `dataId` asserts; shared ones lose `dataId` from their provenance. */
  deleteData(dataId: string): Promise<void>;
  /** Drops every node and edge. */
  wipe(): Promise<void>;
  /** Stable order (by type, then id); `truncated` when limits cut it. */
  /** `offset` pages through the stable order: page n is `offset = n * nodeLimit`. */
  readGraph(opts: Readonly<{ nodeLimit: number; edgeLimit: number; types?: readonly NodeType[]; offset?: number }>): Promise<GraphSlice>;
  neighbourhood(nodeId: string, depth: 1 | 2 | 3, nodeLimit: number): Promise<GraphSlice>;
  nodeDetails(nodeId: string): Promise<NodeDetails | null>;
  countsByType(): Promise<Readonly<Record<string, number>>>;
  findByName(query: string, limit: number, types?: readonly NodeType[]): Promise<readonly GraphNode[]>;
  /** Runs a read-only Cypher query; write clauses are refused before reaching the engine. */
  cypherRead(query: string, limit: number): Promise<readonly Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Indexed fields, one LanceDB table each (Cognee's collection names). */
export const VECTOR_TABLES = ['DocumentChunk_text', 'Entity_name', 'TextSummary_text', 'EntityType_name'] as const;
export type VectorTable = (typeof VECTOR_TABLES)[number];

export type VectorRow = Readonly<{
  /** Unique per row. A node asserted by two items has two rows (one per dataId). */
  id: string;
  /** The graph node this row indexes (chunk id, entity id, summary id). */
  nodeId: string;
  dataId: string;
  /** Chunk the text came from ('' when not tied to one chunk). */
  chunkId: string;
  text: string;
  /** Character range in the data item's extracted text (-1 when not applicable). */
  start: number;
  end: number;
  vector: Float32Array;
}>;

export type VectorHit = Readonly<{ row: Omit<VectorRow, 'vector'>; score: number }>;

export interface VectorStore {
  /** Records the embedder on first write; a different id or dimension later is an error. */
  ensureEmbedder(embedderId: string, dimension: number): Promise<void>;
  embedderInfo(): Promise<Readonly<{ embedderId: string; dimension: number }> | null>;
  /** Replaces every row of `dataId` in each given table with `rows` (idempotent). */
  writeItem(dataId: string, rows: Readonly<Partial<Record<VectorTable, readonly VectorRow[]>>>): Promise<void>;
  deleteData(dataId: string): Promise<void>;
  wipe(): Promise<void>;
  /** Vector similarity; higher score is better. */
  searchVector(table: VectorTable, vector: Float32Array, k: number): Promise<readonly VectorHit[]>;
  /** BM25 full-text. */
  searchText(table: VectorTable, query: string, k: number): Promise<readonly VectorHit[]>;
  /** Vector + full-text fused with reciprocal-rank fusion. */
  searchHybrid(table: VectorTable, vector: Float32Array, query: string, k: number): Promise<readonly VectorHit[]>;
  count(table: VectorTable): Promise<number>;
  close(): Promise<void>;
}
