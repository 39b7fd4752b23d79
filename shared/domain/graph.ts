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
  /** Where the dataset's stored layout puts the node (entities only, once a layout exists). */
  x: z.number().optional(),
  y: z.number().optional(),
  /** The node's community in the stored layout. */
  community: z.number().int().optional(),
  /** 0–1: the node's PageRank in the entity graph, scaled so the most central entity is 1. */
  importance: z.number().optional(),
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

/** A community of the stored layout: where it sits and what it is about. */
export const CommunitySchema = z.object({
  id: z.number().int(),
  size: z.number().int(),
  /** The members' centroid, in layout units. */
  x: z.number(),
  y: z.number(),
  /** Most members lie within this distance of the centroid. */
  radius: z.number(),
  /** Its one to three most central entity names. */
  label: z.string(),
  /** Its most central members, most central first. */
  topMemberIds: z.array(z.string()),
});
export type Community = Readonly<z.infer<typeof CommunitySchema>>;

/**
 * What the graph view opens with: the dataset's communities and its most important entities
 * (or one community's members), at the positions the dataset worker computed and stored.
 */
export const GraphOverviewSchema = z.object({
  /** `none`: the dataset has no entity yet, so nothing was laid out. */
  layout: z.enum(['ready', 'none']),
  /** The graph version the layout was computed for. */
  version: z.string(),
  totalEntities: z.number(),
  totalRelations: z.number(),
  /** Largest first; bounded by the request's communityLimit. */
  communities: z.array(CommunitySchema),
  /** How many communities exist in all. */
  totalCommunities: z.number(),
  /** Entities (with x, y, community, importance), most important first. */
  nodes: z.array(GraphNodeSchema),
  /** Relations between the returned nodes. */
  edges: z.array(GraphEdgeSchema),
  /** True when the node limit left members out. */
  truncated: z.boolean(),
  bounds: z.object({ minX: z.number(), minY: z.number(), maxX: z.number(), maxY: z.number() }),
});
export type GraphOverview = Readonly<z.infer<typeof GraphOverviewSchema>>;

/** A passage of a source document, cited by character range in the document's extracted text. */
export const CitationSchema = z.object({
  dataId: z.string(),
  dataName: z.string(),
  chunkId: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  /** Titles of the sections the passage sits under, outermost first ("Backup › Recovering"); absent when the document has no headings. */
  headingPath: z.array(z.string()).optional(),
  /** The sentence of the passage that best answers the query (offsets in the item's text, within [start, end)). Search hits only. */
  answer: z.object({ start: z.number(), end: z.number() }).optional(),
});
export type Citation = Readonly<z.infer<typeof CitationSchema>>;

/** A citation as a dataset worker knows it: item names live in main's catalog, which adds `dataName`. */
export type NodeSource = Omit<Citation, 'dataName'>;
