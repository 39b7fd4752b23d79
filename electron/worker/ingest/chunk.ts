import type { Chunk } from './types';

export type ChunkOptions = Readonly<{ maxChars?: number; overlapChars?: number }>;

/** Break classes, best first: end of sentence or paragraph, end of line, any whitespace. */
const SENTENCE = 3;
const LINE = 2;
const SPACE = 1;

/** Words whose trailing period does not end a sentence ("Mr. Smith", "U.S. Congress"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'capt', 'lt', 'sgt', 'gov', 'sen', 'rep', 'rev', 'hon',
  'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'vol', 'fig', 'e.g', 'i.e', 'cf', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'a.m', 'p.m',
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x2019 || c === 0x201d || c === 0xbb;
}

/**
 * Break class of the gap starting at `i` (a whitespace character): how good a place it is to end
 * a chunk or a sentence, looking at the text just before it.
 */
function breakClassAt(text: string, i: number): number {
  const next = text.charCodeAt(i);
  if (next === 10) {
    // A blank line is a paragraph break, which is as good as a sentence end.
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (text.charCodeAt(j) === 10) return SENTENCE;
  }
  let k = i - 1;
  while (k >= 0 && isCloser(text.charCodeAt(k))) k--;
  const p = text.charCodeAt(k);
  if (p === 33 || p === 63 || p === 0x2026) return SENTENCE; // ! ? …
  if (p === 46 && !isAbbreviation(text, k)) return SENTENCE; // .
  return next === 10 ? LINE : SPACE;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && dot - s < 8) {
    const c = text.charCodeAt(s - 1);
    if (isSpace(c) || c === 40 || c === 34) break;
    s--;
  }
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return true; // initials: "J. Smith"
  return ABBREVIATIONS.has(word);
}

/**
 * Sentence spans [start, end) within text[from, to): split at sentence ends and blank lines,
 * trimmed of surrounding whitespace. Linear time. Used by summaries and tests.
 */
export function splitSentences(text: string, from = 0, to = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = skipSpace(text, from, to);
  for (let i = s; i < to; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    if (breakClassAt(text, i) === SENTENCE) {
      const e = trimEnd(text, s, i);
      if (e > s) out.push([s, e]);
      s = skipSpace(text, i, to);
      i = s;
    }
  }
  const e = trimEnd(text, s, to);
  if (e > s) out.push([s, e]);
  return out;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, from: number, e: number): number {
  while (e > from && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Best end for a chunk starting at `start` with hard limit `limit`: the last sentence break in the
 * window's second half, else the last line break, else the last whitespace, else `limit` itself
 * (a giant token). Scans at most maxChars/2 characters, so chunking stays linear.
 */
function findEnd(text: string, start: number, limit: number, minEnd: number): number {
  let line = -1;
  let space = -1;
  for (let i = limit; i > minEnd; i--) {
    if (!isSpace(text.charCodeAt(i))) continue;
    const cls = breakClassAt(text, i);
    if (cls === SENTENCE) return i;
    if (cls === LINE && line < 0) line = i;
    else if (space < 0) space = i;
  }
  if (line > 0) return line;
  if (space > 0) return space;
  return limit > start ? limit : start + 1;
}

/**
 * Start of the next chunk: the first sentence start within the overlap window, else the first
 * word start in it, else exactly `end - overlap` (inside a giant token).
 */
function findNextStart(text: string, end: number, overlap: number, minStart: number): number {
  const from = Math.max(minStart, end - overlap);
  let word = -1;
  for (let i = from; i < end; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    const w = skipSpace(text, i, end);
    if (w >= end) break;
    if (breakClassAt(text, i) === SENTENCE) return w;
    if (word < 0) word = w;
    i = w;
  }
  if (word >= 0) return word;
  return overlap > 0 ? Math.max(from, minStart) : end;
}

/**
 * Splits text into overlapping chunks of at most `maxChars` characters, breaking at sentence
 * ends where possible, then at line breaks, whitespace, and finally a hard cut (a 50 MB line
 * still chunks in linear time). For every chunk `chunk.text === text.slice(chunk.start, chunk.end)`,
 * chunks never start or end with whitespace, and consecutive chunks share up to `overlapChars`.
 */
export function chunkText(text: string, options: ChunkOptions = {}): Chunk[] {
  const maxChars = Math.max(16, Math.floor(options.maxChars ?? 1200));
  // Overlap above a quarter of the window would let chunks creep forward too slowly.
  const overlap = Math.max(0, Math.min(Math.floor(options.overlapChars ?? 150), Math.floor(maxChars / 4)));
  const chunks: Chunk[] = [];
  const n = text.length;
  let start = skipSpace(text, 0, n);
  while (start < n) {
    let end: number;
    if (n - start <= maxChars) end = n;
    else end = findEnd(text, start, start + maxChars, start + Math.floor(maxChars / 2));
    end = avoidSplitSurrogate(text, start, end);
    const trimmed = trimEnd(text, start, end);
    if (trimmed > start) chunks.push({ index: chunks.length, text: text.slice(start, trimmed), start, end: trimmed });
    if (end >= n) break;
    const next = overlap > 0 && trimmed > start ? findNextStart(text, trimmed, overlap, start + 1) : end;
    start = skipSpace(text, avoidSplitSurrogate(text, start, next), n);
  }
  return chunks;
}

/** Never cut between the two halves of a surrogate pair (emoji, rare CJK). */
function avoidSplitSurrogate(text: string, start: number, i: number): number {
  if (i <= start + 1 || i >= text.length) return i;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}
