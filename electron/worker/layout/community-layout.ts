/**
 * A full layout in two levels, so the communities the overview names are the clusters the eye
 * sees. A single force layout of a co-occurrence graph is one disc: its hubs relate to everything
 * and communities bleed into each other (measured on 38 State of the Union addresses: 1,931
 * entities, 12,700 relations, eight communities of 80–370 members drawn as overlapping regions of
 * one disc). So:
 *  1. the communities are laid out as one node each (mass and size from their membership,
 *     related by the relations between their members), with ForceAtlas2's `adjustSizes` keeping
 *     their discs apart;
 *  2. each community's members are laid out by ForceAtlas2 on the relations inside it, and that
 *     picture is fitted into the community's disc.
 * Relations across communities then shape where communities sit, not where members sit.
 */
import { fa2Settings, runForceAtlas2 } from './forceatlas2';
import type { Positions } from './place-new-nodes';
import { subgraph } from './simple-graph';
import type { SimpleGraph } from './simple-graph';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Iterations of the community-level layout: one node per community, so it is cheap. */
const COMMUNITY_ITERATIONS = 500;
/** A community's disc, relative to the room its members need, leaves a margin round it. */
const DISC_MARGIN = 1.25;
/**
 * Node-iterations all the communities' layouts may spend together (an iteration costs ~12 µs a
 * node with Barnes-Hut on the build machine): shared out so that a community of s members gets
 * iterations ∝ 1/√s, within MIN_ITERATIONS..MAX_ITERATIONS. A 2,000-entity graph gets the
 * maximum everywhere; at 50,000 every community gets the minimum.
 */
const NODE_ITERATIONS = 1_500_000;
const MIN_ITERATIONS = 30;
const MAX_ITERATIONS = 300;
/** The share of a community's members its disc must hold. */
const FIT_QUANTILE = 0.95;

export type CommunityLayoutOptions = Readonly<{
  /** The radius a community of one member fills; s members fill unit·√s. */
  unit: number;
  random: () => number;
  deadline: number;
  signal?: AbortSignal;
  /** Overrides each community's iteration count (benchmarks). */
  iterations?: number;
}>;

export async function layOutByCommunity(g: SimpleGraph, community: Int32Array, o: CommunityLayoutOptions): Promise<Positions> {
  const k = community.reduce((m, c) => Math.max(m, c + 1), 0);
  const members: number[][] = Array.from({ length: k }, () => []);
  community.forEach((c, i) => members[c]!.push(i));
  const radius = Float32Array.from(members, (m) => o.unit * Math.sqrt(m.length));
  const centres = await layOutCommunities(g, community, members, radius, o);
  const out: Positions = { x: new Float32Array(g.n), y: new Float32Array(g.n) };
  const perRootSize = NODE_ITERATIONS / members.reduce((sum, m) => sum + Math.sqrt(m.length), 0);
  for (let c = 0; c < k; c++) {
    const share = Math.round(perRootSize / Math.sqrt(members[c]!.length));
    const iterations = o.iterations ?? Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, share));
    const inside = await layOutMembers(g, members[c]!, iterations, o);
    fitIntoDisc(out, members[c]!, inside, { x: centres.x[c]!, y: centres.y[c]!, r: radius[c]! });
  }
  return out;
}

/** Step 1: one node per community (numbered largest first), started on a sunflower spiral. */
async function layOutCommunities(g: SimpleGraph, community: Int32Array, members: number[][], radius: Float32Array, o: CommunityLayoutOptions): Promise<Positions> {
  const k = members.length;
  const x = new Float32Array(k);
  const y = new Float32Array(k);
  let area = 0;
  for (let c = 0; c < k; c++) {
    area += members[c]!.length;
    const r = o.unit * DISC_MARGIN * 1.5 * Math.sqrt(area);
    x[c] = r * Math.cos(c * GOLDEN_ANGLE);
    y[c] = r * Math.sin(c * GOLDEN_ANGLE);
  }
  if (k < 2) return { x, y };
  const links = new Map<number, number>();
  for (let e = 0; e < g.source.length; e++) {
    const a = community[g.source[e]!]!;
    const b = community[g.target[e]!]!;
    if (a === b) continue;
    const key = a < b ? a * k + b : b * k + a;
    links.set(key, (links.get(key) ?? 0) + g.weight[e]!);
  }
  const source = new Int32Array(links.size);
  const target = new Int32Array(links.size);
  const weight = new Float32Array(links.size);
  let e = 0;
  for (const [key, w] of links) {
    source[e] = Math.floor(key / k);
    target[e] = key % k;
    // Damped: two communities with many relations should touch, not pile onto each other.
    weight[e] = Math.sqrt(w);
    e++;
  }
  const size = radius.map((r) => r * DISC_MARGIN);
  const mass = Float32Array.from(members, (m) => 1 + m.length);
  await runForceAtlas2(
    { x, y, size, mass, source, target, weight },
    {
      iterations: COMMUNITY_ITERATIONS,
      settings: fa2Settings(k, { adjustSizes: true, scalingRatio: 2, gravity: 1, barnesHutOptimize: false }),
      deadline: o.deadline,
      ...(o.signal ? { signal: o.signal } : {}),
    },
  );
  return { x, y };
}

/** Step 2: the members of one community, laid out on the relations among them, around (0, 0). */
async function layOutMembers(g: SimpleGraph, nodes: readonly number[], iterations: number, o: CommunityLayoutOptions): Promise<Positions> {
  const keep = new Uint8Array(g.n);
  for (const i of nodes) keep[i] = 1;
  const { sub } = subgraph(g, keep);
  // subgraph() numbers the kept nodes in index order; `nodes` is in index order too.
  const r0 = o.unit * Math.sqrt(sub.n);
  const pos: Positions = { x: new Float32Array(sub.n), y: new Float32Array(sub.n) };
  for (let i = 0; i < sub.n; i++) {
    const r = r0 * Math.sqrt(o.random());
    const a = o.random() * 2 * Math.PI;
    pos.x[i] = r * Math.cos(a);
    pos.y[i] = r * Math.sin(a);
  }
  if (sub.n < 3 || sub.source.length === 0) return sunflower(sub.n, o.unit);
  await runForceAtlas2({ ...pos, ...sub }, { iterations, settings: fa2Settings(sub.n), deadline: o.deadline, ...(o.signal ? { signal: o.signal } : {}) });
  return pos;
}

/** Nodes with nothing to arrange them by: packed evenly in a disc. */
function sunflower(n: number, unit: number): Positions {
  const pos: Positions = { x: new Float32Array(n), y: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const r = unit * Math.sqrt(i + 0.5);
    pos.x[i] = r * Math.cos(i * GOLDEN_ANGLE);
    pos.y[i] = r * Math.sin(i * GOLDEN_ANGLE);
  }
  return pos;
}

/** Scales `inside` about its centroid so FIT_QUANTILE of it lies within `disc`, and writes it there. */
function fitIntoDisc(out: Positions, nodes: readonly number[], inside: Positions, disc: Readonly<{ x: number; y: number; r: number }>): void {
  const n = nodes.length;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += inside.x[i]!;
    cy += inside.y[i]!;
  }
  cx /= n;
  cy /= n;
  const d = Array.from(inside.x, (x, i) => Math.hypot(x - cx, inside.y[i]! - cy)).sort((a, b) => a - b);
  const reach = d[Math.min(n - 1, Math.floor(n * FIT_QUANTILE))] ?? 0;
  const f = reach > 0 ? disc.r / reach : 1;
  nodes.forEach((node, i) => {
    out.x[node] = disc.x + (inside.x[i]! - cx) * f;
    out.y[node] = disc.y + (inside.y[i]! - cy) * f;
  });
}
