/**
 * Answers from a stored layout: the overview (communities and the most important entities, or
 * one community's members) and positions for nodes other reads return. No engine call: the
 * layout holds the entity graph it was computed from.
 */
import type { Community, GraphEdge, GraphNode, GraphOverview } from '../../../shared/domain/graph';
import type { LoadedLayout } from './layout-data';
import { saneWeight } from './simple-graph';

export type OverviewRequest = Readonly<{ nodeLimit: number; edgeLimit: number; communityLimit: number; community?: number }>;

const EMPTY_BOUNDS = { minX: 0, minY: 0, maxX: 0, maxY: 0 };

export function overviewOf(layout: LoadedLayout | null, req: OverviewRequest): GraphOverview {
  if (!layout || layout.size === 0) {
    return { layout: 'none', version: layout?.data.version ?? '', totalEntities: 0, totalRelations: 0, communities: [], totalCommunities: 0, nodes: [], edges: [], truncated: false, bounds: EMPTY_BOUNDS };
  }
  const d = layout.data;
  const one = req.community === undefined ? undefined : d.communities.find((c) => c.id === req.community);
  const communities = req.community === undefined ? d.communities.slice(0, req.communityLimit) : one ? [one] : [];
  const candidates = req.community === undefined ? null : layout.members(req.community);
  const chosen = mostImportant(layout, candidates, communities, req.nodeLimit);
  return {
    layout: 'ready',
    version: d.version,
    totalEntities: layout.size,
    totalRelations: d.edges.source.length,
    communities: [...communities],
    totalCommunities: d.communities.length,
    nodes: chosen.map((i) => nodeAt(layout, i)),
    edges: strongest(layout, layout.edgesAmong(chosen), req.edgeLimit).map((e) => edgeAt(layout, e)),
    truncated: chosen.length < (candidates ? candidates.length : layout.size),
    bounds: boundsOf(layout),
  };
}

/**
 * Up to `limit` node indices, most important first. Every listed community's most central
 * member comes first, so a small community still shows one named node at the overview;
 * the rest go by importance across the pool (all nodes, or `pool`).
 */
function mostImportant(layout: LoadedLayout, pool: readonly number[] | null, communities: readonly Community[], limit: number): number[] {
  const { importance, ids } = layout.data;
  const byImportance = (a: number, b: number) => importance[b]! - importance[a]! || (ids[a]! < ids[b]! ? -1 : 1);
  const chosen = new Set<number>();
  for (const c of communities) {
    if (chosen.size >= limit) break;
    const top = c.topMemberIds[0] === undefined ? undefined : layout.indexOf(c.topMemberIds[0]);
    if (top !== undefined) chosen.add(top);
  }
  const all = pool ? [...pool] : [...ids.keys()];
  for (const i of all.sort(byImportance)) {
    if (chosen.size >= limit) break;
    chosen.add(i);
  }
  return [...chosen].sort(byImportance);
}

/** At most `limit` of `edges`: the heaviest, then those between the most important nodes; in edge order. */
function strongest(layout: LoadedLayout, edges: number[], limit: number): number[] {
  if (edges.length <= limit) return edges;
  const { weight, source, target } = layout.data.edges;
  const { importance } = layout.data;
  const score = (e: number) => saneWeight(weight[e]!) * 1000 + importance[source[e]!]! + importance[target[e]!]!;
  return edges
    .sort((a, b) => score(b) - score(a) || a - b)
    .slice(0, limit)
    .sort((a, b) => a - b);
}

export function nodeAt(layout: LoadedLayout, i: number): GraphNode {
  const d = layout.data;
  const kind = d.kinds[i];
  return {
    id: d.ids[i]!,
    type: 'Entity',
    name: d.names[i]!,
    ...(kind ? { kind } : {}),
    ...placeOf(layout, i),
  };
}

/** The layout's properties of node i, as GraphNode fields. */
function placeOf(layout: LoadedLayout, i: number): Pick<GraphNode, 'x' | 'y' | 'community' | 'importance'> {
  const d = layout.data;
  // Positions are stored to 0.1 (Float32 columns): rounding again gives the short decimal back.
  return { x: Math.round(d.x[i]! * 10) / 10, y: Math.round(d.y[i]! * 10) / 10, community: d.community[i]!, importance: Math.round(d.importance[i]! * 1e4) / 1e4 };
}

/** Edge ids are rebuilt as the graph builds them (source|relation|target), so they match graph.read's. */
function edgeAt(layout: LoadedLayout, e: number): GraphEdge {
  const d = layout.data;
  const source = d.ids[d.edges.source[e]!]!;
  const target = d.ids[d.edges.target[e]!]!;
  const relation = d.relations[d.edges.relation[e]!]!;
  return { id: `${source}|${relation}|${target}`, source, target, relation, weight: d.edges.weight[e]! };
}

/** `nodes` with their layout positions added where the layout has them (entities laid out so far). */
export function withPlaces<N extends GraphNode>(nodes: readonly N[], layout: LoadedLayout | null): N[] {
  if (!layout) return [...nodes];
  return nodes.map((n) => {
    const i = n.type === 'Entity' ? layout.indexOf(n.id) : undefined;
    return i === undefined ? n : { ...n, ...placeOf(layout, i) };
  });
}

function boundsOf(layout: LoadedLayout): GraphOverview['bounds'] {
  const { x, y } = layout.data;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  return { minX, minY, maxX, maxY };
}
