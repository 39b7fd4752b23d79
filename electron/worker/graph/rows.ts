/** Conversions between Kùzu result rows and the domain graph types. Pure; no engine import. */
import type { GraphEdge, GraphNode, NodeType } from '../../../shared/domain/graph';

export type NodeRow = Readonly<{ id: string; type: string; name: string | null; kind: string | null; description: string | null }>;
export type EdgeRow = Readonly<{ id: string; source: string; target: string; relation: string | null; weight: number | null }>;

/** Cypher projection producing a NodeRow from variable `v`. */
export const nodeCols = (v: string) =>
  `${v}.id AS id, ${v}.type AS type, ${v}.name AS name, ${v}.kind AS kind, ${v}.description AS description`;
/** Cypher projection producing an EdgeRow from edge `e` between `a` and `b`. */
export const edgeCols = (e: string, a: string, b: string) =>
  `${e}.id AS id, ${a}.id AS source, ${b}.id AS target, ${e}.relation AS relation, ${e}.weight AS weight`;

export function toNode(r: NodeRow): GraphNode {
  return {
    id: r.id,
    type: r.type as NodeType,
    name: r.name ?? '',
    ...(r.kind ? { kind: r.kind } : {}),
    ...(r.description ? { description: r.description } : {}),
  };
}

export function toEdge(r: EdgeRow): GraphEdge {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    relation: r.relation ?? '',
    ...(r.weight !== null && r.weight !== undefined ? { weight: Number(r.weight) } : {}),
  };
}

/** Stable node order used by every read: by type, then id. */
export function compareNodes(a: GraphNode, b: GraphNode): number {
  return a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareEdges(a: GraphEdge, b: GraphEdge): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Makes an engine value safe to send anywhere (bigint → number or string, internal ids dropped). */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(plainValue);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== '_id' && k !== '_src' && k !== '_dst') out[k] = plainValue(x);
    return out;
  }
  return v;
}
