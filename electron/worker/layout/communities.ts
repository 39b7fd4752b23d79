/**
 * Communities of the entity graph: Louvain (graphology-communities-louvain) for a full layout,
 * with ids dense and largest first; for an incremental one, the old communities kept and new
 * entities joined to their neighbours', so colours and open clusters survive a cognify.
 */
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';

import { seededRandom } from './seeded-random';
import { neighbourLists } from './simple-graph';
import type { SimpleGraph } from './simple-graph';

/** Each node's community, 0 = the largest. Deterministic for a given graph. */
export function detectCommunities(graph: Graph): Int32Array {
  const n = graph.order;
  const raw = n === 0 ? {} : louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(0x6b656e) });
  const byRaw = new Map<number, number[]>();
  // Louvain makes each unrelated entity a community of one; they are one group here (the
  // layout packs them together), so hundreds of singletons do not crowd the community list.
  const UNRELATED = -1;
  for (let i = 0; i < n; i++) {
    const c = graph.degree(String(i)) === 0 ? UNRELATED : (raw[String(i)] ?? -2 - i);
    const list = byRaw.get(c);
    if (list) list.push(i);
    else byRaw.set(c, [i]);
  }
  // Largest first; ties by their first member, so the numbering does not depend on Louvain's.
  const groups = [...byRaw.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const out = new Int32Array(n);
  groups.forEach((members, id) => {
    for (const i of members) out[i] = id;
  });
  return out;
}

/**
 * Communities for an incremental layout: kept entities keep theirs (their places were laid out by
 * them, so a community stays one region of the picture), and each new entity joins the community
 * most of its already-assigned neighbours are in, in rounds, so chains of new entities follow.
 * New entities related to nothing assigned form new communities, one per group of them related
 * to each other. `kept[i]` is node i's old community, or -1 for a new node.
 */
export function inheritCommunities(g: SimpleGraph, kept: Int32Array): Int32Array {
  const out = Int32Array.from(kept);
  const adjacency = neighbourLists(g);
  let pending = [...out.keys()].filter((i) => out[i]! < 0);
  while (pending.length > 0) {
    const round: [number, number][] = [];
    for (const i of pending) {
      const votes = new Map<number, number>();
      for (const j of adjacency[i]!) if (out[j]! >= 0) votes.set(out[j]!, (votes.get(out[j]!) ?? 0) + 1);
      const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (best) round.push([i, best[0]]);
    }
    if (round.length === 0) break;
    for (const [i, c] of round) out[i] = c;
    pending = pending.filter((i) => out[i]! < 0);
  }
  let fresh = out.reduce((m, c) => Math.max(m, c), -1) + 1;
  for (const start of pending) {
    if (out[start]! >= 0) continue;
    const queue = [start];
    out[start] = fresh;
    while (queue.length > 0) {
      for (const j of adjacency[queue.pop()!]!) {
        if (out[j]! >= 0) continue;
        out[j] = fresh;
        queue.push(j);
      }
    }
    fresh++;
  }
  return out;
}
