/** Reciprocal-rank fusion: score(d) = Σ 1 / (k + rank_i(d)), the standard k = 60. */
export function reciprocalRankFusion<T>(lists: readonly (readonly T[])[], key: (item: T) => string, k = 60): Array<{ item: T; score: number }> {
  const acc = new Map<string, { item: T; score: number }>();
  for (const list of lists) {
    list.forEach((item, rank) => {
      const id = key(item);
      const prev = acc.get(id);
      const add = 1 / (k + rank + 1);
      if (prev) prev.score += add;
      else acc.set(id, { item, score: add });
    });
  }
  return [...acc.values()].sort((a, b) => b.score - a.score);
}
