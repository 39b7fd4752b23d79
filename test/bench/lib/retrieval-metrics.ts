/**
 * How the retrieval benchmark judges a ranked list (pure): answer passages are located in the
 * extracted text by their verbatim snippet, and each question's list is scored against them.
 */

/** A ranked result reduced to what judging needs: its file and cited character range. */
export type Cited = Readonly<{ file: string; start: number; end: number }>;
export type Scores = Readonly<{ recall5: number; mrr10: number; ndcg10: number; page5: number }>;

/** Lists are judged over their first K results. */
export const K = 10;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every range of `snippet` in `text`, its words matched across any whitespace. */
export function locateAll(text: string, snippet: string): [number, number][] {
  const re = new RegExp(snippet.trim().split(/\s+/).map(escapeRe).join('\\s+'), 'g');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

/**
 * One question's scores for one ranked list. A passage hit: a result from the answer's file whose
 * range overlaps one of the answer's ranges; a page hit: a result from that file. Results without
 * a citation (null) keep their place and never count. One relevant passage per question, so
 * nDCG@10 is 1 / log2(1 + rank) of the first passage hit (later hits on it add nothing).
 */
export function scoreList(list: readonly (Cited | null)[], file: string, ranges: readonly (readonly [number, number])[]): Scores {
  const top = list.slice(0, K);
  const passage = top.findIndex((h) => h !== null && h.file === file && ranges.some(([s, e]) => h.start < e && h.end > s));
  const page = top.findIndex((h) => h !== null && h.file === file);
  return {
    recall5: passage >= 0 && passage < 5 ? 1 : 0,
    mrr10: passage >= 0 ? 1 / (passage + 1) : 0,
    ndcg10: passage >= 0 ? 1 / Math.log2(passage + 2) : 0,
    page5: page >= 0 && page < 5 ? 1 : 0,
  };
}

/** The mean of each score over `xs` (NaN when empty), with their count. */
export function meanScores(xs: readonly Scores[]): Scores & { n: number } {
  const n = xs.length;
  const sum = (f: (s: Scores) => number) => (n ? xs.reduce((a, s) => a + f(s), 0) / n : Number.NaN);
  return { n, recall5: sum((s) => s.recall5), mrr10: sum((s) => s.mrr10), ndcg10: sum((s) => s.ndcg10), page5: sum((s) => s.page5) };
}
