/**
 * The records the per-dataset stores write and return, shared by the worker's store
 * interfaces (electron/worker/stores.ts) and the main ↔ worker protocol, so both speak
 * exactly one definition.
 */
import type { GraphEdge, GraphNode } from './graph';

/** Everything one data item asserts in the graph; written as one idempotent unit. */
export type ItemGraph = Readonly<{ dataId: string; nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }>;

export type NodeDetails = Readonly<{
  node: GraphNode;
  /** Edges touching the node with the node at the other end. */
  relations: readonly Readonly<{ edge: GraphEdge; other: GraphNode }>[];
  /** Data items (documents) whose content asserts this node. */
  dataIds: readonly string[];
}>;

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
