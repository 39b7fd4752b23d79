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

/** Where a passage's answer sentence starts before the text is cut to begin near it. */
const EXCERPT_LEAD = 200;

/**
 * The part of a hit's passage to show, with its answer sentence (offsets in the item's text)
 * made relative to it. The headings a passage opens with are left out (the hit shows its heading
 * path above it), and a passage whose answer lies deep inside starts at the answer's sentence,
 * after an ellipsis, so the clamped preview shows the answer and not the passage's first lines.
 */
export function answerExcerpt(
  passage: Readonly<{ text: string; start: number; answer?: Readonly<{ start: number; end: number }> | undefined; headingPath?: readonly string[] | undefined }>,
): { text: string; answer: [number, number] | null } {
  const skip = leadingHeadings(passage.text, passage.headingPath ?? []);
  const text = passage.text.slice(skip);
  const a = passage.answer;
  if (!a) return { text, answer: null };
  const s = Math.max(0, Math.min(text.length, a.start - passage.start - skip));
  const e = Math.max(s, Math.min(text.length, a.end - passage.start - skip));
  if (e === s) return { text, answer: null };
  if (s <= EXCERPT_LEAD) return { text, answer: [s, e] };
  const lead = '… ';
  return { text: lead + text.slice(s), answer: [lead.length, lead.length + e - s] };
}

/** How many characters of `text` are the headings of `path` it opens with (each on its own line), and the space after them. */
function leadingHeadings(text: string, path: readonly string[]): number {
  let at = 0;
  for (;;) {
    const line = /^[^\n]*/.exec(text.slice(at))![0].trim();
    const rest = text.slice(at + line.length);
    if (!line || !path.includes(line) || !/^\s*\n/.test(rest)) return at;
    at += line.length + /^\s*/.exec(rest)![0].length;
  }
}
