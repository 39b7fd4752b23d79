/**
 * Reciprocal-rank fusion: score(d) = Σ 1 / (k + rank_i(d)), the standard k = 60. Used both to
 * fuse vector and full-text hits inside a dataset and to merge per-dataset lists in main.
 * Ties break by key, so the order is stable from run to run.
 */
export const RRF_K = 60;

export function reciprocalRankFusion<T>(lists: readonly (readonly T[])[], key: (item: T) => string, k = RRF_K): Array<{ item: T; score: number }> {
  const acc = new Map<string, { item: T; score: number; key: string }>();
  for (const list of lists) {
    list.forEach((item, rank) => {
      const id = key(item);
      const add = 1 / (k + rank + 1);
      const prev = acc.get(id);
      if (prev) prev.score += add;
      else acc.set(id, { item, score: add, key: id });
    });
  }
  return [...acc.values()]
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item, score }) => ({ item, score }));
}
