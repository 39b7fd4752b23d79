/**
 * The last step of the default ranking: the best fused candidates re-scored by how well each
 * covers the query's words in meaning (Embedder.softMatch), so a paraphrased answer that BM25
 * placed just outside the top can move up. Pure given `softMatch`.
 */
import { sortHits } from '../vectors/rrf';
import type { VectorHit } from '../stores';

/**
 * (1 − weight) · the fused score scaled by the best candidate's + weight · the soft match, in
 * [0, 1]; best first, equal scores by the rows' content key (rrf.ts), so the order is the same
 * for the same files in any dataset.
 */
export function softRerank(candidates: readonly VectorHit[], softMatch: (text: string) => number, weight: number): VectorHit[] {
  const best = candidates.reduce((m, h) => Math.max(m, h.score), 0);
  return sortHits(candidates.map((h) => ({ row: h.row, score: (1 - weight) * (best > 0 ? h.score / best : 0) + weight * softMatch(h.row.text) })));
}
