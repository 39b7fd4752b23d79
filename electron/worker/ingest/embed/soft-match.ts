/**
 * Soft word matching over the word-vector table, for re-ranking the default search's best
 * candidates: a question in paraphrase ("remove a folder") shares few words with its answer
 * ("delete a directory tree"), so BM25 ranks the answer low, and a whole-chunk SIF vector
 * dilutes the few words that do correspond. Matching word by word keeps them.
 * Deterministic and pure given the table.
 */
import { wordTokens } from './tokenize';
import type { WordVectorTable } from './word-vector-table';

export class WordSimilarity {
  readonly #table: WordVectorTable;
  /** 1 / the length of each row (cosines from the shared table without a normalised copy of it). */
  readonly #invNorm: Float32Array;

  constructor(table: WordVectorTable) {
    this.#table = table;
    const { dimension: dim, count } = table.meta;
    this.#invNorm = new Float32Array(count);
    for (let r = 0; r < count; r++) {
      let n = 0;
      for (let d = 0; d < dim; d++) n += table.vectors[r * dim + d]! ** 2;
      this.#invNorm[r] = n > 0 ? 1 / Math.sqrt(n) : 0;
    }
  }

  /**
   * How well `text` covers the query's words in meaning, in [0, 1]: each query word's best
   * cosine to a word of the text (1 for the word itself), rescaled so `threshold` and below
   * count 0, averaged with rarer words weighing more (weight log(2 + frequency rank)). A word
   * the table lacks (a name, a code identifier) weighs most and counts only where it appears
   * verbatim. `queryWords`: lower-cased, function words already dropped.
   */
  softMatch(queryWords: readonly string[], text: string, threshold: number): number {
    const dim = this.#table.meta.dimension;
    const v = this.#table.vectors;
    const inv = this.#invNorm;
    const index = this.#table.index;
    const words = new Set(wordTokens(text));
    const rows: number[] = [];
    for (const w of words) {
      const r = index.get(w);
      if (r !== undefined) rows.push(r);
    }
    const unknownWeight = Math.log(2 + this.#table.meta.count);
    let total = 0;
    let got = 0;
    for (const q of queryWords) {
      const qr = index.get(q);
      const weight = qr === undefined ? unknownWeight : Math.log(2 + qr);
      total += weight;
      if (words.has(q)) {
        got += weight;
        continue;
      }
      if (qr === undefined) continue;
      let best = -1;
      const base = qr * dim;
      for (const r of rows) {
        let dot = 0;
        const o = r * dim;
        for (let d = 0; d < dim; d++) dot += v[base + d]! * v[o + d]!;
        const cos = dot * inv[qr]! * inv[r]!;
        if (cos > best) best = cos;
      }
      if (best > threshold) got += (weight * (best - threshold)) / (1 - threshold);
    }
    return total > 0 ? got / total : 0;
  }
}
