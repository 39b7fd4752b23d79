/**
 * GRAPH_REPORT: hubs (degree and PageRank), bridges between clusters and counts by type,
 * computed from the graph alone (no model). Clusters come from label propagation over the
 * entity subgraph; a bridge is a node whose neighbours fall in several clusters.
 */
import type { GraphSlice } from '../../../shared/domain/graph';
import type { GraphReport } from '../../../shared/contract/search';

export function graphReport(slice: GraphSlice, countsByType: Readonly<Record<string, number>>, top = 10): GraphReport {
  const ids = slice.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj: number[][] = ids.map(() => []);
  for (const e of slice.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    adj[s]!.push(t);
    adj[t]!.push(s);
  }
  const pr = pagerank(adj);
  const labels = labelPropagation(adj);
  const clusterCount = new Set(labels).size;
  const byDegree = ids.map((_, i) => i).sort((a, b) => adj[b]!.length - adj[a]!.length || pr[b]! - pr[a]!);
  const hubs = byDegree.slice(0, top).map((i) => {
    const n = slice.nodes[i]!;
    return { id: n.id, name: n.name, type: n.type, degree: adj[i]!.length, pagerank: round(pr[i]!) };
  });
  const bridges = ids
    .map((_, i) => ({ i, linked: new Set(adj[i]!.map((j) => labels[j])).size }))
    .filter((b) => b.linked >= 2)
    .sort((a, b) => b.linked - a.linked || adj[b.i]!.length - adj[a.i]!.length)
    .slice(0, top)
    .map(({ i, linked }) => {
      const n = slice.nodes[i]!;
      return { id: n.id, name: n.name, type: n.type, clustersLinked: linked };
    });
  return { countsByType: { ...countsByType }, hubs, bridges, clusters: clusterCount };
}

/** Power iteration, damping 0.85, dangling mass spread evenly. */
export function pagerank(adj: readonly number[][], iterations = 30, d = 0.85): number[] {
  const n = adj.length;
  if (n === 0) return [];
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - d) / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const out = adj[i]!;
      if (out.length === 0) dangling += rank[i]!;
      else for (const j of out) next[j]! += (d * rank[i]!) / out.length;
    }
    for (let i = 0; i < n; i++) next[i]! += (d * dangling) / n;
    rank = next;
  }
  return rank;
}

/** Deterministic label propagation (ties broken by smallest label, nodes visited in order). */
export function labelPropagation(adj: readonly number[][], rounds = 10): number[] {
  const labels = adj.map((_, i) => i);
  for (let r = 0; r < rounds; r++) {
    let changed = false;
    for (let i = 0; i < adj.length; i++) {
      const counts = new Map<number, number>();
      for (const j of adj[i]!) counts.set(labels[j]!, (counts.get(labels[j]!) ?? 0) + 1);
      let best = labels[i]!;
      let bestCount = 0;
      for (const [l, c] of counts) if (c > bestCount || (c === bestCount && l < best)) [best, bestCount] = [l, c];
      if (best !== labels[i]) {
        labels[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return labels;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
