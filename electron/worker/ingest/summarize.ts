import { splitSentences } from './chunk';
import type { Chunk, ParsedDocument } from './types';

/** Longest chunk summary, in characters (one or two sentences, cut only if a sentence is huge). */
const CHUNK_SUMMARY_CHARS = 400;
const DOCUMENT_SUMMARY_CHARS = 1200;
/** Sentences considered for the document summary; beyond this we sample evenly to stay fast. */
const MAX_DOC_SENTENCES = 2000;

const STOP = new Set(
  `a an the and or but if of at by for with about against between into through during before after above below to from up down in out
  on off over under again further then once here there when where why how all any both each few more most other some such no nor not
  only own same so than too very can will just should now is are was were be been being have has had having do does did i me my we
  our you your he him his she her it its they them their what which who whom this that these those am would could may might must shall
  also upon us let one`.split(/\s+/),
);

/** Content words of a sentence, lower case, stopwords and short tokens removed. */
function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (w.length > 2 && !STOP.has(w)) out.add(w.replace(/s$/, ''));
  return out;
}

/**
 * Centrality of each sentence: how much of its vocabulary it shares with the others, weighted
 * by how many sentences use each word (a TextRank-like score in one pass, linear in words).
 * Normalised by log length so long sentences do not win by size alone.
 */
function centrality(sentences: readonly string[]): number[] {
  const bags = sentences.map(contentWords);
  const df = new Map<string, number>();
  for (const bag of bags) for (const w of bag) df.set(w, (df.get(w) ?? 0) + 1);
  return bags.map((bag) => {
    let score = 0;
    for (const w of bag) score += (df.get(w) ?? 1) - 1;
    return bag.size === 0 ? 0 : score / Math.log2(bag.size + 2);
  });
}

function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return s.slice(0, cut > max / 2 ? cut : max);
}

/** Picks the `k` best-scoring sentences and returns them in text order. */
function pick(texts: readonly string[], scores: readonly number[], k: number, maxChars: number): string {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const chosen: number[] = [];
  let len = 0;
  for (const [, i] of order) {
    if (chosen.length >= k) break;
    const t = texts[i]!;
    if (chosen.length > 0 && len + t.length + 1 > maxChars) continue;
    chosen.push(i);
    len += t.length + 1;
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => texts[i]!)
    .join(' ');
}

/**
 * Extractive summary of one chunk: its one or two most central sentences, in order, verbatim
 * (so every summary sentence can be found in the source). A chunk of one giant sentence is cut
 * at a word boundary.
 */
export function summarizeChunk(chunk: Pick<Chunk, 'text'>): string {
  const sentences = splitSentences(chunk.text).map(([a, b]) => chunk.text.slice(a, b));
  if (sentences.length === 0) return '';
  if (sentences.length === 1) return cap(sentences[0]!, CHUNK_SUMMARY_CHARS);
  const k = sentences.length >= 5 ? 2 : 1;
  const summary = pick(sentences, centrality(sentences), k, CHUNK_SUMMARY_CHARS);
  return summary || cap(sentences[0]!, CHUNK_SUMMARY_CHARS);
}

/**
 * Extractive summary of a whole document: the 3–5 most central sentences across it, in document
 * order, verbatim. Long documents are sampled evenly to keep this linear-time.
 */
export function summarizeDocument(doc: ParsedDocument, chunks: readonly Chunk[]): string {
  void chunks; // sentences come from the document text itself, so chunk overlap cannot repeat them
  let spans = splitSentences(doc.text).filter(([a, b]) => b - a >= 20 && b - a <= 600);
  if (spans.length === 0) spans = splitSentences(doc.text);
  if (spans.length === 0) return '';
  if (spans.length > MAX_DOC_SENTENCES) {
    const step = spans.length / MAX_DOC_SENTENCES;
    spans = Array.from({ length: MAX_DOC_SENTENCES }, (_, i) => spans[Math.floor(i * step)]!);
  }
  const sentences = spans.map(([a, b]) => doc.text.slice(a, b));
  if (sentences.length <= 3) return cap(sentences.join(' '), DOCUMENT_SUMMARY_CHARS);
  const k = Math.min(5, Math.max(3, Math.round(sentences.length / 20)));
  const scores = centrality(sentences);
  // A mild lead bias: openings often state what a document is about.
  for (let i = 0; i < Math.min(3, scores.length); i++) scores[i]! *= 1.2;
  return pick(sentences, scores, k, DOCUMENT_SUMMARY_CHARS) || cap(sentences[0]!, DOCUMENT_SUMMARY_CHARS);
}
