/** Graph data → cytoscape element definitions. Pure, so it can be tested without a canvas. */
import type { ElementDefinition } from 'cytoscape';

import type { GraphData, GraphEdge, GraphNode } from '../../store/views';
import { colorKeyOf, PALETTE } from './palette';

const MAX_LABEL = 40;

/** Shortens long names so labels do not swamp the canvas; the full name is in the details panel. */
export function shortLabel(name: string): string {
  const s = name.replace(/\s+/g, ' ').trim();
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

/**
 * Builds elements for the visible nodes (types not in `hidden`) and the edges between them.
 * Edges with an endpoint that is hidden or missing are dropped: cytoscape refuses dangling edges.
 */
export function toElements(
  graph: Pick<GraphData, 'nodes' | 'edges'>,
  hidden: ReadonlySet<string>,
  labelled: ReadonlySet<string>,
): ElementDefinition[] {
  const visible = new Set<string>();
  const out: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    if (hidden.has(n.type) || visible.has(n.id)) continue;
    visible.add(n.id);
    out.push(nodeElement(n, labelled.has(n.id)));
  }
  const seenEdges = new Set<string>();
  for (const e of graph.edges) {
    if (!visible.has(e.source) || !visible.has(e.target) || seenEdges.has(e.id)) continue;
    seenEdges.add(e.id);
    out.push(edgeElement(e));
  }
  return out;
}

function nodeElement(n: GraphNode, labelled: boolean): ElementDefinition {
  const key = colorKeyOf(n);
  return {
    group: 'nodes',
    data: { id: n.id, label: labelled ? shortLabel(n.name) : '', type: n.type, colorKey: key, color: PALETTE[key] },
    classes: n.type,
  };
}

function edgeElement(e: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { id: `e:${e.id}`, source: e.source, target: e.target, relation: e.relation } };
}

/** Merges a neighbourhood into the loaded graph without duplicates (expansions). */
export function mergeGraph<G extends Pick<GraphData, 'nodes' | 'edges'>>(base: G, extra: Pick<GraphData, 'nodes' | 'edges'>): G {
  const nodeIds = new Set(base.nodes.map((n) => n.id));
  const edgeIds = new Set(base.edges.map((e) => e.id));
  return {
    ...base,
    nodes: [...base.nodes, ...extra.nodes.filter((n) => !nodeIds.has(n.id))],
    edges: [...base.edges, ...extra.edges.filter((e) => !edgeIds.has(e.id))],
  };
}
