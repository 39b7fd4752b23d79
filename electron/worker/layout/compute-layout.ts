/**
 * Lays out a dataset's entity graph: communities (Louvain), importance (PageRank), positions
 * (community-layout.ts: ForceAtlas2 with Barnes-Hut, per community), and what the overview says
 * about each community. Pure apart from the clock: the graph comes in, the layout goes out.
 *
 * Cost is bounded: each community's iterations shrink as it grows, and a deadline stops the
 * force layout early on a slow machine, keeping the positions reached so far.
 *
 * Incremental: when a previous layout covers most of the graph (KEEP_SHARE, NEW_SHARE), its
 * entities keep their places and communities their ids, and only the new entities are placed,
 * beside the ones they relate to (place-new-nodes.ts). Otherwise (first run, or the graph
 * changed a lot) everything is laid out afresh.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

import { AppError } from '../../../shared/domain/errors';
import { summarizeCommunities } from './community-summary';
import { detectCommunities, inheritCommunities } from './communities';
import { importance } from './importance';
import type { LayoutData } from './layout-data';
import { layOutByCommunity } from './community-layout';
import { placeNewNodes } from './place-new-nodes';
import type { Positions } from './place-new-nodes';
import { seededRandom } from './seeded-random';
import { simplify, toGraphology, weightedDegrees } from './simple-graph';
import type { EntityGraph } from '../stores';

/** The force layout stops here whatever is left (the positions reached are kept). */
const DEFAULT_BUDGET_MS = 30_000;
/** The radius, in force-layout units, a lone node occupies in its community's disc. */
const SEED_UNIT = 14;
/** Layout units between neighbouring entities, on average (the renderer's node sizes assume it). */
const SPACING = 40;
/** Reuse the previous layout when at least this share of its nodes is still there ... */
const KEEP_SHARE = 0.5;
/** ... and new nodes are at most this share of the graph. */
const NEW_SHARE = 0.25;

export type ComputeOptions = Readonly<{
  version: string;
  previous?: LayoutData | null;
  signal?: AbortSignal;
  budgetMs?: number;
  /** Overrides the iteration count (benchmarks). */
  iterations?: number;
}>;

export async function computeLayout(graph: EntityGraph, o: ComputeOptions): Promise<LayoutData> {
  const started = Date.now();
  const cols = columns(graph);
  const simple = simplify(cols.ids.length, cols.edges.source, cols.edges.target, cols.edges.weight);
  // Each phase below runs whole (seconds at 50,000 entities): between them the worker answers what waited.
  await yieldTo(o.signal);
  const rank = importance(simple);
  await yieldTo(o.signal);
  const random = seededRandom(0x4b656e6e);
  const reuse = o.previous ? reusable(cols.ids, o.previous) : null;
  const deadline = started + (o.budgetMs ?? DEFAULT_BUDGET_MS);
  const signalOpt = o.signal ? { signal: o.signal } : {};

  let pos: Positions;
  let community: Int32Array;
  if (reuse && o.previous) {
    const prev = o.previous;
    community = inheritCommunities(simple, Int32Array.from(reuse, (j) => (j < 0 ? -1 : prev.community[j]!)));
    pos = { x: new Float32Array(simple.n), y: new Float32Array(simple.n) };
    const kept = new Uint8Array(simple.n);
    reuse.forEach((j, i) => {
      if (j < 0) return;
      pos.x[i] = prev.x[j]!;
      pos.y[i] = prev.y[j]!;
      kept[i] = 1;
    });
    placeNewNodes(simple, pos, kept, { spacing: SPACING, random });
  } else {
    community = detectCommunities(toGraphology(simple));
    await yieldTo(o.signal);
    pos = await layOutByCommunity(simple, community, { unit: SEED_UNIT, random, deadline, ...signalOpt, ...(o.iterations ? { iterations: o.iterations } : {}) });
    const scale = scaleFor(pos);
    for (let i = 0; i < simple.n; i++) {
      pos.x[i] = Math.round(pos.x[i]! * scale * 10) / 10;
      pos.y[i] = Math.round(pos.y[i]! * scale * 10) / 10;
    }
  }
  const communities = summarizeCommunities({ ...cols, ...pos, community, importance: rank, degree: weightedDegrees(simple) });
  return {
    version: o.version,
    computedAt: new Date().toISOString(),
    computeMs: Date.now() - started,
    mode: reuse ? 'incremental' : 'full',
    fullLayoutSize: reuse && o.previous ? o.previous.fullLayoutSize : simple.n,
    ...cols,
    ...pos,
    community,
    importance: rank,
    communities,
  };
}

/** Lets the event loop run (reads, pings, cancels), then stops if the layout was cancelled. */
async function yieldTo(signal: AbortSignal | undefined): Promise<void> {
  await nextTurn();
  if (signal?.aborted) throw new AppError('cancelled', 'The layout was cancelled');
}

/** The entity graph as columns: nodes in the store's order, edges as node indices. */
function columns(g: EntityGraph): Pick<LayoutData, 'ids' | 'names' | 'kinds' | 'relations' | 'edges'> {
  const index = new Map<string, number>();
  g.nodes.forEach((n, i) => index.set(n.id, i));
  const relations: string[] = [];
  const relIndex = new Map<string, number>();
  // In a fixed order (the store gives none), so the same graph always lays out the same way.
  const kept = g.edges
    .filter((e) => index.has(e.source) && index.has(e.target))
    .map((e) => ({ ...e, s: index.get(e.source)!, t: index.get(e.target)! }))
    .sort((a, b) => a.s - b.s || a.t - b.t || (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0));
  const edges = { source: new Int32Array(kept.length), target: new Int32Array(kept.length), relation: new Int32Array(kept.length), weight: new Float32Array(kept.length) };
  kept.forEach((e, k) => {
    let r = relIndex.get(e.relation);
    if (r === undefined) {
      r = relations.length;
      relations.push(e.relation);
      relIndex.set(e.relation, r);
    }
    edges.source[k] = e.s;
    edges.target[k] = e.t;
    edges.relation[k] = r;
    edges.weight[k] = e.weight;
  });
  return { ids: g.nodes.map((n) => n.id), names: g.nodes.map((n) => n.name), kinds: g.nodes.map((n) => n.kind), relations, edges };
}

/**
 * For each node, its index in the previous layout (-1 when new), or null when the previous layout
 * covers too little of the graph for an incremental run to look right.
 */
function reusable(ids: readonly string[], previous: LayoutData): Int32Array | null {
  const prevIndex = new Map<string, number>();
  previous.ids.forEach((id, j) => prevIndex.set(id, j));
  const map = Int32Array.from(ids, (id) => prevIndex.get(id) ?? -1);
  const kept = map.reduce((n, j) => n + (j >= 0 ? 1 : 0), 0);
  // Counted from the last full layout, so a run of small incremental ones cannot drift for ever.
  const grown = ids.length - Math.min(kept, previous.fullLayoutSize);
  if (kept === 0 || kept < previous.ids.length * KEEP_SHARE || grown > ids.length * NEW_SHARE) return null;
  return map;
}

/**
 * The factor that makes the average spacing between nodes SPACING: the disc holding 90% of the
 * nodes around their centre, shared out among them. Outliers do not count, so one far-flung
 * component does not shrink everything else.
 */
function scaleFor(pos: Positions): number {
  const n = pos.x.length;
  if (n < 2) return 1;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += pos.x[i]!;
    cy += pos.y[i]!;
  }
  cx /= n;
  cy /= n;
  const d = Array.from(pos.x, (x, i) => Math.hypot(x - cx, pos.y[i]! - cy)).sort((a, b) => a - b);
  const r90 = d[Math.floor(n * 0.9)]!;
  const spacing = Math.sqrt((Math.PI * r90 * r90 * 0.9) / n);
  return spacing > 0 ? SPACING / spacing : 1;
}
