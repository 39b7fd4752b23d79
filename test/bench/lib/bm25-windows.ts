/**
 * The floor of the retrieval benchmark: plain BM25 (k1 1.2, b 0.75) over fixed, non-overlapping
 * 120-word windows of each document's extracted text. Lower-cased letter-and-digit tokens, no
 * stemming, no stop words, no fields: what anyone gets from thirty lines of code. Each window
 * keeps its character range, so it is judged exactly like a search hit's citation.
 */
export type Window = Readonly<{ file: string; start: number; end: number }>;
export type ScoredWindow = Window & Readonly<{ score: number }>;

const TOKEN = /[\p{L}\p{N}]+/gu;
export const WINDOW_WORDS = 120;
const K1 = 1.2;
const B = 0.75;

const tokens = (s: string): string[] => (s.toLowerCase().match(TOKEN) ?? []) as string[];

export class Bm25Windows {
  readonly windows: Window[] = [];
  readonly #tf: Map<string, number>[] = [];
  readonly #len: number[] = [];
  readonly #df = new Map<string, number>();

  /** Cuts `text` into windows of WINDOW_WORDS words (the last one may be shorter). */
  add(file: string, text: string): void {
    const words = [...text.matchAll(TOKEN)];
    for (let i = 0; i < words.length; i += WINDOW_WORDS) {
      const part = words.slice(i, i + WINDOW_WORDS);
      const tf = new Map<string, number>();
      for (const w of part) {
        const t = w[0].toLowerCase();
        tf.set(t, (tf.get(t) ?? 0) + 1);
      }
      for (const t of tf.keys()) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
      const last = part.at(-1)!;
      this.windows.push({ file, start: part[0]!.index, end: last.index + last[0].length });
      this.#tf.push(tf);
      this.#len.push(part.length);
    }
  }

  /** The best `k` windows for `query`, ties by file name then position. */
  search(query: string, k: number): ScoredWindow[] {
    const n = this.windows.length;
    const avg = this.#len.reduce((a, b) => a + b, 0) / Math.max(1, n);
    const terms = [...new Set(tokens(query))].filter((t) => this.#df.has(t));
    const idf = terms.map((t) => Math.log(1 + (n - this.#df.get(t)! + 0.5) / (this.#df.get(t)! + 0.5)));
    const out: ScoredWindow[] = [];
    for (let i = 0; i < n; i++) {
      const tf = this.#tf[i]!;
      let score = 0;
      terms.forEach((t, j) => {
        const f = tf.get(t);
        if (f) score += (idf[j]! * f * (K1 + 1)) / (f + K1 * (1 - B + (B * this.#len[i]!) / avg));
      });
      if (score > 0) out.push({ ...this.windows[i]!, score });
    }
    return out
      .sort((a, b) => b.score - a.score || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start))
      .slice(0, k);
  }
}
