/**
 * The last-resort embedder: feature hashing, no model, no files. It captures shared words and
 * spellings (near-duplicates land close) but knows no synonyms ("doctor" vs "physician").
 */
import type { Embedder } from '../types';
import { accumulateHashedFeatures } from './hashing-features';
import { l2NormalizeInPlace } from './vector-math';

/** Default bucket count: enough to keep collisions rare for chunk-sized texts, small to store. */
export const HASHING_DIMENSION = 256;

/** Hashing embedder: word unigrams + bigrams + char 3-grams into `dimension` signed buckets, L2-normalised. */
export class HashingEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;

  constructor(dimension: number = HASHING_DIMENSION) {
    if (!Number.isInteger(dimension) || dimension < 8) throw new RangeError(`hashing dimension must be an integer >= 8, got ${dimension}`);
    this.dimension = dimension;
    // The version suffix changes whenever the features or weights change, so stored vectors can be told apart.
    this.id = `hashing-${dimension}@1`;
  }

  /** Embeds one text synchronously (the async `embed` is this in a loop). */
  embedOne(text: string): Float32Array {
    const acc = new Float64Array(this.dimension);
    accumulateHashedFeatures(text, acc);
    return Float32Array.from(l2NormalizeInPlace(acc));
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }
}
