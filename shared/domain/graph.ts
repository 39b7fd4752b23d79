/**
 * The knowledge-graph model written by cognify and read by search and the graph view.
 * Node ids are deterministic (derived from dataset + content) so writes are upserts.
 *
 * Each shape is defined once, as a zod schema, and its type is inferred from it: the contract
 * (shared/contract/views.ts re-exports these schemas) and the stores speak the same type, so
 * nothing copies a slice from one into the other. Types are shallowly readonly; their arrays
 * stay plain so a store's result is the contract's output as is.
 */
import { z } from 'zod';

export const NODE_TYPES = ['Document', 'DocumentChunk', 'Entity', 'EntityType', 'TextSummary'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Entity categories the offline extractor can assign. */
export const ENTITY_KINDS = ['person', 'place', 'organization', 'date', 'concept'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const GraphNodeSchema = z.object({
  id: z.string(),
  type: z.enum(NODE_TYPES),
  name: z.string(),
  /** Entity kind / sub-type for Entity nodes, the format for Document nodes. */
  kind: z.string().optional(),
  description: z.string().optional(),
});
export type GraphNode = Readonly<z.infer<typeof GraphNodeSchema>>;

export const GraphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  /** is_part_of, contains, mentions, is_a, made_from, or a relation verb between entities. */
  relation: z.string(),
  weight: z.number().optional(),
});
export type GraphEdge = Readonly<z.infer<typeof GraphEdgeSchema>>;

export const GraphSliceSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  /** True when limits cut the result short. */
  truncated: z.boolean(),
  totalNodes: z.number(),
  totalEdges: z.number(),
});
export type GraphSlice = Readonly<z.infer<typeof GraphSliceSchema>>;

/** A passage of a source document, cited by character range in the document's extracted text. */
export const CitationSchema = z.object({
  dataId: z.string(),
  dataName: z.string(),
  chunkId: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
});
export type Citation = Readonly<z.infer<typeof CitationSchema>>;

/** A citation as a dataset worker knows it: item names live in main's catalog, which adds `dataName`. */
export type NodeSource = Omit<Citation, 'dataName'>;
