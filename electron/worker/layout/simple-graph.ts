/**
 * The entity graph as the layout algorithms want it: nodes 0..n-1, undirected, no self loops,
 * one edge per pair whose weight sums the relations between the two entities (an entity pair
 * related three ways attracts three times as much as a pair related once).
 */
import Graph from 'graphology';

export type SimpleGraph = Readonly<{ n: number; source: Int32Array; target: Int32Array; weight: Float32Array }>;

export function simplify(n: number, source: ArrayLike<number>, target: ArrayLike<number>, weight: ArrayLike<number>): SimpleGraph {
  const sums = new Map<number, number>();
  for (let e = 0; e < source.length; e++) {
    const a = source[e]!;
    const b = target[e]!;
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
    const key = a < b ? a * n + b : b * n + a;
    sums.set(key, (sums.get(key) ?? 0) + saneWeight(weight[e]!));
  }
  const m = sums.size;
  const out = { n, source: new Int32Array(m), target: new Int32Array(m), weight: new Float32Array(m) };
  let e = 0;
  for (const [key, w] of sums) {
    out.source[e] = Math.floor(key / n);
    out.target[e] = key % n;
    out.weight[e] = w;
    e++;
  }
  return out;
}

/**
 * Relation weights are evidence counts or strengths, small positive numbers. Anything else (a
 * missing weight, or one read back absurdly large, as a few co-occurrence edges are on Kùzu
 * 0.11.3) counts as one ordinary relation instead of pulling the layout apart.
 */
export const MAX_WEIGHT = 1000;
export function saneWeight(w: number): number {
  return Number.isFinite(w) && w > 0 && w <= MAX_WEIGHT ? w : 1;
}

/** A graphology graph of `g` (node keys are the indices as strings), for Louvain and PageRank. */
export function toGraphology(g: SimpleGraph): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < g.n; i++) graph.addNode(String(i));
  for (let e = 0; e < g.source.length; e++) graph.addEdge(String(g.source[e]), String(g.target[e]), { weight: g.weight[e] });
  return graph;
}

/** Weighted degree of every node. */
export function weightedDegrees(g: SimpleGraph): Float32Array {
  const d = new Float32Array(g.n);
  for (let e = 0; e < g.source.length; e++) {
    d[g.source[e]!]! += g.weight[e]!;
    d[g.target[e]!]! += g.weight[e]!;
  }
  return d;
}

/** The nodes marked in `keep` and the edges among them, renumbered; `indexOf[k]` is sub-node k's index in `g`. */
export function subgraph(g: SimpleGraph, keep: Uint8Array): { sub: SimpleGraph; indexOf: Int32Array } {
  const indexOf: number[] = [];
  const subIndex = new Int32Array(g.n).fill(-1);
  for (let i = 0; i < g.n; i++) if (keep[i]) subIndex[i] = indexOf.push(i) - 1;
  const edges: number[] = [];
  for (let e = 0; e < g.source.length; e++) if (keep[g.source[e]!] && keep[g.target[e]!]) edges.push(e);
  const sub = {
    n: indexOf.length,
    source: Int32Array.from(edges, (e) => subIndex[g.source[e]!]!),
    target: Int32Array.from(edges, (e) => subIndex[g.target[e]!]!),
    weight: Float32Array.from(edges, (e) => g.weight[e]!),
  };
  return { sub, indexOf: Int32Array.from(indexOf) };
}

/** Each node's neighbours. */
export function neighbourLists(g: SimpleGraph): number[][] {
  const out: number[][] = Array.from({ length: g.n }, () => []);
  for (let e = 0; e < g.source.length; e++) {
    out[g.source[e]!]!.push(g.target[e]!);
    out[g.target[e]!]!.push(g.source[e]!);
  }
  return out;
}
