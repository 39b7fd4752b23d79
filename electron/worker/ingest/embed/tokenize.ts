/**
 * Word tokenisation shared by the embedders: lowercase runs of letters/digits, keeping internal
 * apostrophes and hyphens ("doctor's", "well-known") so callers can decide how to split them.
 */

/** Letters (with combining marks) and digits, optionally joined by ' or - (curly quotes normalised first). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*/gu;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02BC\uFF07]/g;

/** Lowercased word tokens of `text`, in order. */
export function wordTokens(text: string): string[] {
  const lower = text.toLowerCase().replace(CURLY_APOSTROPHES, "'");
  return lower.match(WORD) ?? [];
}

/** Removes diacritics ("café" → "cafe"); used only as a fallback lookup for unknown words. */
export function stripDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * English clitics the GloVe vocabulary (as shipped by wink) does not contain: they are expanded to
 * the word they stand for, so "doesn't" still carries its negation.
 */
const CLITICS: ReadonlyArray<readonly [suffix: string, word: string]> = [
  ["n't", 'not'],
  ["'s", ''], // possessive or "is": too ambiguous and too frequent to matter; drop it
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'d", 'would'],
  ["'m", 'am'],
];
const IRREGULAR_NEGATIONS: Readonly<Record<string, readonly string[]>> = {
  "can't": ['can', 'not'],
  "won't": ['will', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
};

/**
 * Splits a token with an apostrophe into vocabulary-friendly words:
 * "doctor's" → ["doctor"], "don't" → ["do", "not"], "o'brien" → ["o", "brien"].
 */
export function splitApostrophes(token: string): string[] {
  const irregular = IRREGULAR_NEGATIONS[token];
  if (irregular) return [...irregular];
  for (const [suffix, word] of CLITICS) {
    if (token.endsWith(suffix) && token.length > suffix.length) {
      const base = token.slice(0, -suffix.length);
      return word ? [...base.split("'"), word] : base.split("'");
    }
  }
  return token.split("'");
}
