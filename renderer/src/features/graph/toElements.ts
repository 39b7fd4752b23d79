/** Graph data → cytoscape element definitions. Pure, so it can be tested without a canvas. */
import type { ElementDefinition } from 'cytoscape';

import type { GraphData, GraphEdge, GraphNode } from '../../store/views';
import type { Community } from './lod';
import { colorKeyOf, communityColour, PALETTE } from './palette';

const MAX_LABEL = 40;

/** Shortens long names so labels do not swamp the canvas; the full name is in the details panel. */
export function shortLabel(name: string): string {
  const s = name.replace(/\s+/g, ' ').trim();
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

/** Cluster node ids: never an entity id (those start with `entity:`). */
export const clusterId = (community: number) => `cluster:${community}`;

export type ElementOptions = Readonly<{
  /** Node types not drawn. */
  hidden: ReadonlySet<string>;
  /** Communities drawn as clusters (the overview); empty without a stored layout. */
  communities?: readonly Community[];
  /** Communities whose members are on the canvas: their cluster is drawn open (an outline). */
  open?: ReadonlySet<number>;
}>;

/** Communities smaller than this get no cluster: their members are shown as they are. */
export const MIN_CLUSTER_SIZE = 3;

/**
 * Builds elements for the visible nodes (types not hidden), the edges between them, and a
 * cluster per community. Nodes carry their stored layout position when they have one; the
 * canvas places the others beside their neighbours. Labels are not decided here: the canvas
 * shows them by priority, where they fit (labels.ts). Edges with an endpoint that is hidden
 * or missing are dropped: cytoscape refuses dangling edges.
 */
export function toElements(graph: Pick<GraphData, 'nodes' | 'edges'>, o: ElementOptions): ElementDefinition[] {
  const visible = new Set<string>();
  const degree = new Map<string, number>();
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const out: ElementDefinition[] = [];
  for (const c of o.communities ?? []) if (c.size >= MIN_CLUSTER_SIZE) out.push(clusterElement(c, o.open?.has(c.id) ?? false));
  for (const n of graph.nodes) {
    if (o.hidden.has(n.type) || visible.has(n.id)) continue;
    visible.add(n.id);
    out.push(nodeElement(n, degree.get(n.id) ?? 0));
  }
  const seenEdges = new Set<string>();
  for (const e of graph.edges) {
    if (!visible.has(e.source) || !visible.has(e.target) || seenEdges.has(e.id)) continue;
    seenEdges.add(e.id);
    out.push(edgeElement(e));
  }
  return out;
}

/** Entity size follows importance (PageRank); other types have fixed sizes. */
function sizeOf(n: GraphNode): number {
  if (n.importance !== undefined) return Math.round(10 + 24 * Math.sqrt(n.importance));
  return n.type === 'Document' ? 26 : n.type === 'Entity' ? 16 : n.type === 'EntityType' ? 14 : 10;
}

/**
 * Who gets a label first when labels would collide: documents (landmarks), then entities by
 * importance, or by connections on the canvas when there is no layout.
 */
function priorityOf(n: GraphNode, degree: number): number {
  if (n.type === 'Document') return 2000 + degree;
  if (n.importance !== undefined) return 1000 * n.importance;
  return n.type === 'Entity' ? Math.min(999, degree) : Math.min(500, degree) / 10;
}

function nodeElement(n: GraphNode, degree: number): ElementDefinition {
  const key = colorKeyOf(n);
  const importance = n.importance ?? 0;
  return {
    group: 'nodes',
    data: {
      id: n.id,
      name: shortLabel(n.name),
      type: n.type,
      colorKey: key,
      typeColor: PALETTE[key],
      communityColor: communityColour(n.community),
      community: n.community ?? -1,
      size: sizeOf(n),
      // Labels keep one size on screen whatever the zoom (useLabels.ts sets labelSize at rest), larger for important entities.
      labelPx: Math.round(11 + 7 * Math.sqrt(importance)) + (n.type === 'Document' ? 1 : 0),
      labelSize: Math.round(11 + 7 * Math.sqrt(importance)),
      priority: priorityOf(n, degree),
      placed: n.x !== undefined && n.y !== undefined,
    },
    classes: n.type,
    ...(n.x !== undefined && n.y !== undefined ? { position: { x: n.x, y: n.y } } : {}),
  };
}

/** Clusters of at least this many members are named before any entity; smaller ones only where room is left. */
export const NAMED_FIRST = 20;
const clusterPriority = (size: number) => (size >= NAMED_FIRST ? 1_000_000 + size : 10 * size);

/** A community as one round cluster covering its members, labelled with its central entities. */
function clusterElement(c: Community, open: boolean): ElementDefinition {
  const colour = communityColour(c.id);
  return {
    group: 'nodes',
    data: {
      id: clusterId(c.id),
      name: c.label,
      type: 'cluster',
      community: c.id,
      members: c.size,
      typeColor: colour,
      communityColor: colour,
      // A little larger than the disc most members lie in, so the cluster reads as holding them.
      size: Math.round(2.3 * c.radius + 16),
      // Cluster labels grow with the cluster and the zoom, within CLUSTER_LABEL_PX (useLabels.ts).
      fontSize: Math.round(12 + 2.2 * Math.sqrt(c.size)),
      labelSize: Math.round(12 + 2.2 * Math.sqrt(c.size)),
      priority: clusterPriority(c.size),
      placed: true,
    },
    classes: open ? 'cluster open' : 'cluster',
    position: { x: c.x, y: c.y },
  };
}

function edgeElement(e: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { id: `e:${e.id}`, source: e.source, target: e.target, relation: e.relation } };
}

/** Merges nodes and edges into the loaded graph without duplicates (expansions, opened clusters). */
export function mergeGraph<G extends Pick<GraphData, 'nodes' | 'edges'>>(base: G, extra: Pick<GraphData, 'nodes' | 'edges'>): G {
  const nodeIds = new Set(base.nodes.map((n) => n.id));
  const edgeIds = new Set(base.edges.map((e) => e.id));
  return {
    ...base,
    nodes: [...base.nodes, ...extra.nodes.filter((n) => !nodeIds.has(n.id))],
    edges: [...base.edges, ...extra.edges.filter((e) => !edgeIds.has(e.id))],
  };
}
