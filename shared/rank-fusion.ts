/**
 * Rank fusion. Reciprocal-rank fusion: score(d) = Σ w_i / (k + rank_i(d)), the standard k = 60
 * and weights of 1 unless given. Weighted score sum: each list's scores divided by its best,
 * then Σ w_i · scaled_i(d). Used to fuse vector and full-text hits inside a dataset.
 * Ties break by key, so the order is stable from run to run. Pure.
 */
export const RRF_K = 60;

type Acc<T> = Map<string, { item: T; score: number; key: string }>;

function ranked<T>(acc: Acc<T>): Array<{ item: T; score: number }> {
  return [...acc.values()]
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item, score }) => ({ item, score }));
}

function add<T>(acc: Acc<T>, item: T, id: string, score: number): void {
  const prev = acc.get(id);
  if (prev) prev.score += score;
  else acc.set(id, { item, score, key: id });
}

export function reciprocalRankFusion<T>(lists: readonly (readonly T[])[], key: (item: T) => string, k = RRF_K, weights?: readonly number[]): Array<{ item: T; score: number }> {
  const acc: Acc<T> = new Map();
  lists.forEach((list, l) => {
    const w = weights?.[l] ?? 1;
    if (w === 0) return;
    list.forEach((item, rank) => add(acc, item, key(item), w / (k + rank + 1)));
  });
  return ranked(acc);
}

/**
 * Weighted sum of scores, each list's scores divided by its best (BM25 scores are unbounded and
 * cosines are not, so a list's top item brings its full weight whatever the engine's scale);
 * scores at or below 0 bring nothing. Every item of every list stays in, so a search with no
 * keyword match still lists its nearest vectors. Lists are best-first.
 */
export function weightedScoreFusion<T>(lists: readonly (readonly T[])[], key: (item: T) => string, score: (item: T) => number, weights: readonly number[]): Array<{ item: T; score: number }> {
  const acc: Acc<T> = new Map();
  lists.forEach((list, l) => {
    const w = weights[l] ?? 1;
    const best = list.reduce((m, it) => Math.max(m, score(it)), 0);
    for (const item of list) add(acc, item, key(item), best > 0 ? (w * Math.max(0, score(item))) / best : 0);
  });
  return ranked(acc);
}
