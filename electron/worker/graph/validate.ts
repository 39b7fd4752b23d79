/** Argument checks for the graph store, run before anything reaches native code. */
import { AppError } from '../../../shared/domain/errors';
import { NODE_TYPES } from '../../../shared/domain/graph';
import type { GraphEdge, GraphNode, NodeType } from '../../../shared/domain/graph';
import type { ItemGraph } from '../stores';

export const MAX_READ_LIMIT = 100_000;
const MAX_ID = 512;
const MAX_TEXT = 100_000;

export function checkId(s: unknown, what: string): string {
  if (typeof s !== 'string' || s.length === 0 || s.length > MAX_ID) throw new AppError('invalid_input', `${what} must be a non-empty string`);
  // Kùzu keeps "a" and "a\u0000b" as two keys, then cannot reopen the file (see parse/index.ts).
  if (s.includes('\u0000')) throw new AppError('invalid_input', `${what} must not contain a NUL character`);
  return s;
}

export function checkLimit(n: unknown, what: string, max = MAX_READ_LIMIT): number {
  if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > max) throw new AppError('invalid_input', `${what} must be an integer from 1 to ${max}`);
  return n as number;
}

export function checkTypes(types: readonly NodeType[] | undefined): readonly NodeType[] | undefined {
  if (types === undefined) return undefined;
  if (!Array.isArray(types) || types.some((t) => !(NODE_TYPES as readonly string[]).includes(t)))
    throw new AppError('invalid_input', `types must be a list of ${NODE_TYPES.join(', ')}`);
  return types;
}

function optText(s: unknown, what: string): void {
  if (s !== undefined && (typeof s !== 'string' || s.length > MAX_TEXT)) throw new AppError('invalid_input', `${what} must be a string`);
  if (typeof s === 'string' && s.includes('\u0000')) throw new AppError('invalid_input', `${what} must not contain a NUL character`);
}

/**
 * Validates an item and removes duplicate ids (the last occurrence wins). Every edge must join
 * two nodes of the same item, so an edge never outlives the provenance of its endpoints.
 */
export function normaliseItem(item: ItemGraph): Readonly<{ dataId: string; nodes: GraphNode[]; edges: GraphEdge[] }> {
  if (!item || typeof item !== 'object' || !Array.isArray(item.nodes) || !Array.isArray(item.edges))
    throw new AppError('invalid_input', 'An item graph needs dataId, nodes and edges');
  const dataId = checkId(item.dataId, 'dataId');
  const nodes = new Map<string, GraphNode>();
  for (const n of item.nodes) {
    checkId(n?.id, 'node id');
    if (!(NODE_TYPES as readonly string[]).includes(n.type)) throw new AppError('invalid_input', `Unknown node type "${String(n.type)}"`);
    if (typeof n.name !== 'string' || n.name.length > MAX_TEXT) throw new AppError('invalid_input', 'node name must be a string');
    optText(n.name, 'node name');
    optText(n.kind, 'node kind');
    optText(n.description, 'node description');
    nodes.set(n.id, n);
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of item.edges) {
    checkId(e?.id, 'edge id');
    if (!nodes.has(e.source) || !nodes.has(e.target))
      throw new AppError('invalid_input', `Edge ${e.id} must join two nodes of the same item`);
    if (typeof e.relation !== 'string' || e.relation.length === 0 || e.relation.length > MAX_ID)
      throw new AppError('invalid_input', 'edge relation must be a non-empty string');
    if (e.weight !== undefined && !Number.isFinite(e.weight)) throw new AppError('invalid_input', 'edge weight must be a finite number');
    edges.set(e.id, e);
  }
  return { dataId, nodes: [...nodes.values()], edges: [...edges.values()] };
}
