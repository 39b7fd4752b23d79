/**
 * Deterministic 32-bit string hashing for the feature-hashing embedders.
 * FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so that the low bits (the bucket)
 * and the top bit (the sign) are well mixed even for short, similar strings.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hashes `s` with a `seed` that separates feature namespaces (words, bigrams, char n-grams). */
export function hashString(s: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

/** murmur3 finaliser: avalanches all input bits into all output bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Adds `weight` to one signed bucket of `acc` chosen by `h`. The sign bit makes collisions cancel
 * on average instead of piling up, which keeps hashed vectors of unrelated texts near-orthogonal.
 */
export function addHashed(acc: Float64Array, h: number, weight: number): void {
  const bucket = h % acc.length;
  acc[bucket] = acc[bucket]! + (h & 0x80000000 ? -weight : weight);
}
