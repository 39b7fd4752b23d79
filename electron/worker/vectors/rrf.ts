/** Reciprocal-rank fusion of ranked hit lists. Pure. */
import type { VectorHit } from '../stores';

/** The usual constant: dampens the weight of the very first ranks. */
export const RRF_K = 60;

/**
 * Fuses lists ranked best-first: score = Σ 1 / (RRF_K + rank). Ties break by row id so the
 * order is stable from run to run.
 */
export function fuseRrf(lists: readonly (readonly VectorHit[])[], k: number): VectorHit[] {
  const acc = new Map<string, { hit: VectorHit; score: number }>();
  for (const list of lists) {
    list.forEach((hit, i) => {
      const prev = acc.get(hit.row.id);
      const add = 1 / (RRF_K + i + 1);
      if (prev) prev.score += add;
      else acc.set(hit.row.id, { hit, score: add });
    });
  }
  return [...acc.values()]
    .sort((a, b) => b.score - a.score || (a.hit.row.id < b.hit.row.id ? -1 : a.hit.row.id > b.hit.row.id ? 1 : 0))
    .slice(0, k)
    .map(({ hit, score }) => ({ row: hit.row, score }));
}

/** Sorts hits best-first, ties by id. */
export function sortHits(hits: VectorHit[]): VectorHit[] {
  return hits.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
}
