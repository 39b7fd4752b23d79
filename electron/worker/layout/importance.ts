/**
 * How central each entity is: weighted PageRank over the entity graph, scaled so the most central
 * is 1. Labels and node sizes follow it.
 *
 * Computed here on flat arrays rather than with graphology-metrics' pagerank: on a 50,000-entity
 * graph that one took 6.9 s on the (busy) build machine (it walks graphology's per-node objects),
 * this took 0.3 s for the same answer (power iteration, damping 0.85, dangling nodes'
 * rank spread evenly, stopping when the total change falls under TOLERANCE).
 */
import type { SimpleGraph } from './simple-graph';
import { weightedDegrees } from './simple-graph';

const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

export function importance(g: SimpleGraph): Float32Array {
  const n = g.n;
  const out = new Float32Array(n).fill(1);
  if (n === 0 || g.source.length === 0) return out;
  const strength = weightedDegrees(g);
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (strength[i] === 0) dangling += rank[i]!;
    next.fill((1 - DAMPING) / n + (DAMPING * dangling) / n);
    for (let e = 0; e < g.source.length; e++) {
      const a = g.source[e]!;
      const b = g.target[e]!;
      const w = g.weight[e]!;
      next[b]! += (DAMPING * rank[a]! * w) / strength[a]!;
      next[a]! += (DAMPING * rank[b]! * w) / strength[b]!;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - rank[i]!);
    [rank, next] = [next, rank];
    if (change < TOLERANCE) break;
  }
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, rank[i]!);
  for (let i = 0; i < n; i++) out[i] = rank[i]! / max;
  return out;
}
