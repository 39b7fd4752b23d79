/** Rank fusion, ordering and the tie-break key of vector-store hits. Pure. */
import { createHash } from 'node:crypto';

import { reciprocalRankFusion } from '../../../shared/rank-fusion';
import type { VectorHit } from '../stores';

export { RRF_K } from '../../../shared/rank-fusion';

/**
 * A row's tie-break key, unique per row: its content first (a digest of its text, then its
 * character range), its row id last. Equal scores must rank the same for the same files in
 * any dataset, but row ids embed the data item's id, which is random per ingest (issue 15: two
 * ingests of the same files ranked reciprocal-rank ties, which are common, differently).
 * Only rows of identical text at the same range in different items still fall to the id.
 */
export function tieKey(text: string, start: number, end: number, id: string): string {
  const digest = createHash('md5').update(text).digest('hex').slice(0, 16);
  return `${digest}:${start}:${end}:${id}`;
}

export const hitKey = (h: VectorHit): string => tieKey(h.row.text, h.row.start, h.row.end, h.row.id);

/** Fuses hit lists ranked best-first and keeps the best `k`, scored by fusion; ties by {@link tieKey}. */
export function fuseRrf(lists: readonly (readonly VectorHit[])[], k: number): VectorHit[] {
  return reciprocalRankFusion(lists, hitKey)
    .slice(0, k)
    .map(({ item, score }) => ({ row: item.row, score }));
}

/** Sorts hits best-first, ties by {@link tieKey}. */
export function sortHits(hits: VectorHit[]): VectorHit[] {
  const keys = new Map(hits.map((h) => [h, hitKey(h)]));
  return hits.sort((a, b) => b.score - a.score || (keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0));
}
