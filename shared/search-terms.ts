/**
 * The words of a search query that carry meaning, and which of them a text contains as whole
 * words. Shared by main (each merged hit's matched terms, and the tie-break of the ranking) and
 * the renderer (highlighting), so what is highlighted is exactly what is listed as matched.
 * Pure; no dependencies.
 */

/**
 * English function words: marking "the" in every passage (issue 17) hides the words that
 * matter. Short on purpose: only words that carry no topic on their own.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our
  ours ourselves out over own same she should so some such than that the their theirs them themselves then there these
  they this those through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves`.split(/\s+/),
);

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/** The distinct meaningful words of a query, lower-cased, longest first (so a longer word wins where two overlap). */
export function queryTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  return [...new Set(words)].sort((a, b) => b.length - a.length); // stable: equal lengths keep the query's order
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A case-insensitive pattern matching any of `terms` as a whole word: no letter or digit of any
 * script directly before or after ("the" never matches inside "their"). Null without terms.
 */
export function wholeWordPattern(terms: readonly string[]): RegExp | null {
  const usable = terms.filter((t) => t.length > 0);
  if (usable.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** The terms (as given, in the given order) that occur in `text` as whole words. */
export function matchedTerms(text: string, terms: readonly string[]): string[] {
  const re = wholeWordPattern(terms);
  if (!re) return [];
  const found = new Set<string>();
  for (const m of text.matchAll(re)) found.add(m[0].toLowerCase());
  return terms.filter((t) => found.has(t.toLowerCase()));
}
