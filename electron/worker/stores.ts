/**
 * The two per-dataset store interfaces the dataset worker writes and reads through.
 * `kuzu` is imported only by graph/, `@lancedb/lancedb` only by vectors/; everything else
 * sees these interfaces (Cognee's "dataset database handlers": chosen per dataset).
 */
import type { GraphNode, GraphSlice, NodeType } from '../../shared/domain/graph';
import type { ItemGraph, NodeDetails, VectorHit, VectorRow, VectorTable } from '../../shared/domain/store-records';

export { VECTOR_TABLES } from '../../shared/domain/store-records';
export type { ItemGraph, NodeDetails, VectorHit, VectorRow, VectorTable } from '../../shared/domain/store-records';

/**
 * The entity projection of the graph: Entity nodes and the relations between two entities.
 * Passages, documents, summaries and type nodes are scaffolding the graph view does not lay out.
 */
export type EntityGraph = Readonly<{
  version: EntityGraphVersion;
  nodes: readonly Readonly<{ id: string; name: string; kind: string | null }>[];
  edges: readonly Readonly<{ source: string; target: string; relation: string; weight: number }>[];
}>;

/** What changes whenever the entity graph may have changed: its sizes and the items written into it. */
export type EntityGraphVersion = Readonly<{ entities: number; relations: number; items: readonly string[] }>;

/** What a graph write found: the items it replaced (written before), whose old vectors must go too. */
export type WriteReport = Readonly<{ rewritten: readonly string[] }>;

/** One item's vector rows, per table. */
export type ItemVectors = Readonly<{ dataId: string; rows: Readonly<Partial<Record<VectorTable, readonly VectorRow[]>>> }>;

export interface GraphStore {
  /** Removes what `dataId` asserted earlier, then writes `item`: re-running is a no-op. */
  writeItem(item: ItemGraph): Promise<WriteReport>;
  /** `writeItem` for several items in one transaction: all of them are written, or none. */
  writeItems(items: readonly ItemGraph[]): Promise<WriteReport>;
  /** Removes nodes/edges only `dataId` asserts; shared ones lose `dataId` from their provenance. */
  deleteData(dataId: string): Promise<void>;
  /** Drops every node and edge. */
  wipe(): Promise<void>;
  /** Stable order (by type, then id); `truncated` when limits cut it; `offset` pages through it (page n: `n * nodeLimit`). */
  readGraph(opts: Readonly<{ nodeLimit: number; edgeLimit: number; types?: readonly NodeType[]; offset?: number }>): Promise<GraphSlice>;
  neighbourhood(nodeId: string, depth: 1 | 2 | 3, nodeLimit: number): Promise<GraphSlice>;
  nodeDetails(nodeId: string): Promise<NodeDetails | null>;
  countsByType(): Promise<Readonly<Record<string, number>>>;
  findByName(query: string, limit: number, types?: readonly NodeType[]): Promise<readonly GraphNode[]>;
  /** Every entity and every entity–entity relation (for the layout the graph view uses). */
  entityGraph(): Promise<EntityGraph>;
  /** A cheap fingerprint of the entity graph: a stored layout whose version differs is stale. */
  entityGraphVersion(): Promise<EntityGraphVersion>;
  /** Runs a read-only Cypher query; write clauses are refused before reaching the engine. */
  cypherRead(query: string, limit: number): Promise<readonly Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface VectorStore {
  /** Records the embedder on first write; a different id or dimension later is an error. */
  ensureEmbedder(embedderId: string, dimension: number): Promise<void>;
  embedderInfo(): Promise<Readonly<{ embedderId: string; dimension: number }> | null>;
  /** Replaces every row of `dataId` in each given table with `rows` (idempotent). */
  writeItem(dataId: string, rows: ItemVectors['rows']): Promise<void>;
  /**
   * Writes several items with one add per table. Rows of items listed in `replace` are removed
   * first; the others must be new to the store (the graph's WriteReport says which), which
   * spares a scan of the table per batch.
   */
  writeItems(items: readonly ItemVectors[], replace: readonly string[]): Promise<void>;
  deleteData(dataId: string): Promise<void>;
  wipe(): Promise<void>;
  /** Vector similarity; higher score is better. */
  searchVector(table: VectorTable, vector: Float32Array, k: number): Promise<readonly VectorHit[]>;
  /** BM25 full-text. */
  searchText(table: VectorTable, query: string, k: number): Promise<readonly VectorHit[]>;
  /** Vector + full-text fused: by reciprocal rank, or as `options` say (the default search's settings). */
  searchHybrid(table: VectorTable, vector: Float32Array, query: string, k: number, options?: HybridOptions): Promise<readonly VectorHit[]>;
  count(table: VectorTable): Promise<number>;
  close(): Promise<void>;
}

/** How a hybrid search fuses its halves (electron/worker/search/search-tuning.ts chooses them; defaults: plain RRF). */
export type HybridOptions = Readonly<{
  fusion?: 'rrf' | 'sum';
  textWeight?: number;
  vectorWeight?: number;
  rrfK?: number;
  /** Each half fetches depth × k before fusing. */
  depth?: number;
}>;
