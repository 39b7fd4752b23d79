/**
 * Deterministic graphs shaped like Kenning's: documents, chunks, summaries, entity types and
 * entities with names, 1 node per 3.5 elements (2.5 edges per node, as in FACTS.md).
 */
import type { GraphEdge, GraphNode, GraphSlice } from '../../../shared/domain/graph';
import { rng } from '../lib/stats';

const KINDS = ['person', 'place', 'organization', 'date', 'concept'] as const;

export function makeGraph(elements: number, seed = 1): GraphSlice {
  const r = rng(seed);
  const nNodes = Math.round(elements / 3.5);
  const nEdges = elements - nNodes;
  const nodes: GraphNode[] = [];
  for (const k of KINDS) nodes.push({ id: `type:${k}`, type: 'EntityType', name: k });
  const docs = Math.max(1, Math.round(nNodes / 200));
  for (let d = 0; d < docs; d++) nodes.push({ id: `doc:${d}`, type: 'Document', name: `Document ${d}.txt`, kind: 'text' });
  while (nodes.length < nNodes) {
    const i = nodes.length;
    const x = r();
    if (x < 0.25) nodes.push({ id: `chunk:${i}`, type: 'DocumentChunk', name: `Document §${i}` });
    else if (x < 0.35) nodes.push({ id: `summary:${i}`, type: 'TextSummary', name: `Summary §${i}` });
    else nodes.push({ id: `entity:${i}`, type: 'Entity', name: `Entity number ${i}`, kind: KINDS[i % KINDS.length]! });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < nEdges) {
    const a = nodes[Math.floor(r() * nodes.length)]!;
    const b = nodes[Math.floor(r() * nodes.length)]!;
    if (a.id === b.id) continue;
    const id = `${a.id}|rel|${b.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, source: a.id, target: b.id, relation: a.type === 'Entity' && b.type === 'Entity' ? 'co_occurs_with' : 'contains' });
  }
  return { nodes, edges, truncated: false, totalNodes: nodes.length, totalEdges: edges.length };
}
