/** Splitting text into plain and highlighted parts for the query's words. Pure. */

import { queryTerms, wholeWordPattern } from '../../../../shared/search-terms';

export type TextPart = Readonly<{ text: string; hit: boolean }>;

/**
 * The distinct words of a query worth highlighting: two letters or more, no stop words ("the",
 * "and", "of" mark every passage and hide the words that matter), lower-cased, longest first.
 */
export function queryWords(query: string): string[] {
  return queryTerms(query);
}

/**
 * Splits `text` into parts, marking case-insensitive occurrences of the words as whole words
 * only (so "the" marks "The" but not "their", "art" not "Artist"). Concatenated parts equal `text`.
 */
export function splitHighlights(text: string, words: readonly string[]): TextPart[] {
  const re = wholeWordPattern(words);
  if (!re || text.length === 0) return text ? [{ text, hit: false }] : [];
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (m[0].length === 0) continue;
    if (i > last) parts.push({ text: text.slice(last, i), hit: false });
    parts.push({ text: m[0], hit: true });
    last = i + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** Splits a document around one character range [start, end) — the cited passage. */
export function splitRange(text: string, start: number, end: number): { before: string; passage: string; after: string } {
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  return { before: text.slice(0, s), passage: text.slice(s, e), after: text.slice(e) };
}
