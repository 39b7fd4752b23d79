/**
 * The knowledge-graph model written by cognify and read by search and the graph view.
 * Node ids are deterministic (derived from dataset + content) so writes are upserts.
 */
export const NODE_TYPES = ['Document', 'DocumentChunk', 'Entity', 'EntityType', 'TextSummary'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Entity categories the offline extractor can assign. */
export const ENTITY_KINDS = ['person', 'place', 'organization', 'date', 'concept'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type GraphNode = Readonly<{
  id: string;
  type: NodeType;
  name: string;
  /** Entity kind / sub-type for Entity nodes, the format for Document nodes. */
  kind?: string;
  description?: string;
}>;

export type GraphEdge = Readonly<{
  id: string;
  source: string;
  target: string;
  /** is_part_of, contains, mentions, is_a, made_from, or a relation verb between entities. */
  relation: string;
  weight?: number;
}>;

export type GraphSlice = Readonly<{
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** True when limits cut the result short. */
  truncated: boolean;
  totalNodes: number;
  totalEdges: number;
}>;

/** A passage of a source document, cited by character range in the document's extracted text. */
export type Citation = Readonly<{
  dataId: string;
  dataName: string;
  chunkId: string;
  start: number;
  end: number;
  text: string;
}>;
