/**
 * Cognee's KnowledgeGraph shape and the tolerant parsing of an LLM's reply into it.
 * Models vary in small ways (ids vs names, `source_node_id` vs `source`, fenced JSON); we accept
 * those, normalise, and reject anything else with a clear AppError instead of crashing.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';

export type GraphNode = { name: string; type: string; description: string };
export type GraphEdge = { source: string; target: string; relationship_name: string };
/** What `extractGraph` returns (Cognee's KnowledgeGraph without node ids: names are the keys). */
export type KnowledgeGraph = { nodes: GraphNode[]; edges: GraphEdge[] };

const label = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

const NodeSchema = z
  .object({
    id: label.nullish(),
    name: label.nullish(),
    type: z.string().nullish(),
    description: z.string().nullish(),
  })
  .refine((n) => !!(n.name || n.id), 'a node needs a name');

const EdgeSchema = z
  .object({
    source: label.optional(),
    source_node_id: label.optional(),
    target: label.optional(),
    target_node_id: label.optional(),
    relationship_name: z.string().optional(),
    relationship: z.string().optional(),
  })
  .refine((e) => !!(e.source ?? e.source_node_id) && !!(e.target ?? e.target_node_id), 'an edge needs a source and a target')
  .refine((e) => !!(e.relationship_name ?? e.relationship)?.trim(), 'an edge needs a relationship_name');

const GraphSchema = z.object({
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema).default([]),
});

/** "Works At" / "works-at" / "worksAt" → "works_at", the form Cognee stores. */
export function toSnakeCase(s: string): string {
  return s
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** Takes the JSON object out of a reply that may be wrapped in ``` fences or prose. */
function jsonText(reply: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(reply);
  const body = (fenced ? fenced[1]! : reply).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

/**
 * Parses and normalises an LLM reply into a {@link KnowledgeGraph}:
 * nodes deduplicated by name (case-insensitive, first description kept unless empty), edges
 * resolved through node ids or names, relationship names snake_cased, and edges whose ends are
 * not nodes dropped (a graph store cannot hold dangling edges).
 * Throws AppError('provider_error') with the reason when the reply is not JSON or not a graph.
 */
export function parseKnowledgeGraph(reply: string): KnowledgeGraph {
  let json: unknown;
  try {
    json = JSON.parse(jsonText(reply));
  } catch {
    throw new AppError('provider_error', `The LLM reply is not JSON: ${JSON.stringify(reply.slice(0, 120))}`, { reply: reply.slice(0, 2_000) });
  }
  // Some models wrap the graph: {"knowledge_graph": {...}} / {"graph": {...}}.
  if (json && typeof json === 'object' && !('nodes' in json)) {
    const inner = Object.values(json).find((v) => v && typeof v === 'object' && 'nodes' in v);
    if (inner) json = inner;
  }
  const parsed = GraphSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('provider_error', `The LLM reply is not a valid knowledge graph: ${z.prettifyError(parsed.error).slice(0, 400)}`, { reply: reply.slice(0, 2_000) });
  }

  const nodes: GraphNode[] = [];
  const byKey = new Map<string, GraphNode>();
  const alias = new Map<string, GraphNode>(); // lowercased id or name → node
  for (const n of parsed.data.nodes) {
    const name = (n.name || n.id)!;
    const key = name.toLowerCase();
    let node = byKey.get(key);
    if (!node) {
      node = { name, type: n.type?.trim() || 'Entity', description: n.description?.trim() ?? '' };
      byKey.set(key, node);
      nodes.push(node);
    } else if (!node.description && n.description?.trim()) {
      node.description = n.description.trim();
    }
    alias.set(key, node);
    if (n.id) alias.set(n.id.toLowerCase(), node);
  }

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const e of parsed.data.edges) {
    const source = alias.get((e.source ?? e.source_node_id)!.toLowerCase());
    const target = alias.get((e.target ?? e.target_node_id)!.toLowerCase());
    const relationship_name = toSnakeCase((e.relationship_name ?? e.relationship)!);
    if (!source || !target || !relationship_name) continue;
    const k = `${source.name}\u0000${relationship_name}\u0000${target.name}`;
    if (seen.has(k)) continue;
    seen.add(k);
    edges.push({ source: source.name, target: target.name, relationship_name });
  }
  return { nodes, edges };
}
