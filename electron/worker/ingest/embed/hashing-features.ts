/**
 * Feature hashing of a text into a fixed number of signed buckets: word unigrams, word bigrams
 * and character 3-grams of each word (with boundary marks). Used by the hashing embedder and as
 * the word-vector embedder's fallback for texts with no known word.
 */
import { addHashed, hashString } from './hash';
import { wordTokens } from './tokenize';

// Distinct seeds keep the three feature kinds from colliding systematically ("ab" the word vs "ab" the n-gram).
const SEED_WORD = 0x9e3779b9;
const SEED_BIGRAM = 0x7f4a7c15;
const SEED_CHAR = 0x94d049bb;
const SEED_RAW = 0x2545f491;

// Words carry most of the meaning; char 3-grams add robustness to inflection and typos
// ("physician"/"physicians") without drowning the word signal (a word yields several 3-grams).
const W_WORD = 1;
const W_BIGRAM = 0.6;
const W_CHAR = 0.25;

/**
 * Accumulates the hashed features of `text` into `acc` (not normalised). Never leaves `acc` all
 * zero: a text without any word (empty, punctuation only) hashes its trimmed raw form instead,
 * so every text gets a deterministic, non-zero vector.
 */
export function accumulateHashedFeatures(text: string, acc: Float64Array): void {
  const words = wordTokens(text);
  if (words.length === 0) {
    addHashed(acc, hashString(text.trim() || '\u2205', SEED_RAW), 1);
    return;
  }
  let prev: string | undefined;
  for (const w of words) {
    addHashed(acc, hashString(w, SEED_WORD), W_WORD);
    if (prev !== undefined) addHashed(acc, hashString(`${prev} ${w}`, SEED_BIGRAM), W_BIGRAM);
    prev = w;
    const padded = `<${w}>`;
    for (let i = 0; i + 3 <= padded.length; i++) addHashed(acc, hashString(padded.slice(i, i + 3), SEED_CHAR), W_CHAR);
  }
  // Signed buckets can, in theory, cancel out exactly; keep the "never all zero" promise anyway.
  if (acc.every((x) => x === 0)) addHashed(acc, hashString(text.trim(), SEED_RAW), 1);
}
