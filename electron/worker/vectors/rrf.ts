/** Rank fusion and ordering of vector-store hits. Pure. */
import { reciprocalRankFusion } from '../../../shared/rank-fusion';
import type { VectorHit } from '../stores';

export { RRF_K } from '../../../shared/rank-fusion';

/** Fuses hit lists ranked best-first (by row id) and keeps the best `k`, scored by fusion. */
export function fuseRrf(lists: readonly (readonly VectorHit[])[], k: number): VectorHit[] {
  return reciprocalRankFusion(lists, (h) => h.row.id)
    .slice(0, k)
    .map(({ item, score }) => ({ row: item.row, score }));
}

/** Sorts hits best-first, ties by id. */
export function sortHits(hits: VectorHit[]): VectorHit[] {
  return hits.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
}
