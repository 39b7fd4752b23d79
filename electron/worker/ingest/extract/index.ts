import type { EntityKind } from '../../../../shared/domain/graph';
import { chunkText } from '../chunk';
import type { Chunk, ExtractedEntity, Extraction, ParsedDocument } from '../types';
import { sentenceCandidates, type Candidate } from './candidates';
import { buildRelations } from './link';
import { ChunkLocator } from './locate';
import { bestName, describe, majorityKind, mergeSurnames, type Group } from './merge';
import { verbRelation } from './relations';
import { SpanTyper } from './typing';
import { analyse } from './wink';

export { CO_OCCURRENCE, CO_OCCURRENCE_WEIGHT, VERB_RELATION_WEIGHT } from './link';

/** wink handles text in pieces this size; pieces end at sentence breaks, so no sentence is split. */
const SEGMENT_CHARS = 50_000;

type MentionRec = Candidate & { sentence: number };

/** Statistics of the last extraction in this process, for benchmarks and logs. */
export const lastExtractionStats = { words: 0, compromiseCalls: 0 };

/**
 * Offline entity and relation extraction for one document. wink-nlp tags the text (fast);
 * runs of proper nouns become person / place / organization entities (typed by word lists,
 * then compromise for what those leave open); wink's dates become date entities; recurring
 * keyphrases become concepts. A lone surname merges into the one multi-word person it matches.
 * Relations are named by the verb linking two entities in a sentence, with co-occurrence as a
 * weaker fallback. Mention offsets refer to `doc.text`; chunk indices to `chunks`.
 */
export function extractEntities(doc: ParsedDocument, chunks: readonly Chunk[]): Extraction {
  const typer = new SpanTyper();
  const mentions: MentionRec[] = [];
  const links: Array<{ a: number; b: number; relation: string }> = [];
  const sentences: Array<{ start: number; end: number; first: number; last: number }> = [];
  const lowerVocab = new Set<string>();
  let words = 0;

  for (const seg of chunkText(maskGiantTokens(doc.text), { maxChars: SEGMENT_CHARS, overlapChars: 0 })) {
    for (const s of analyse(seg.text, seg.start)) {
      for (const t of s.tokens) {
        if (t.pos === 'PUNCT') continue;
        words++;
        if (t.pos !== 'PROPN' && /^\p{Ll}+$/u.test(t.text)) lowerVocab.add(t.text);
      }
      const first = mentions.length;
      const cands = sentenceCandidates(s, typer);
      for (let i = 0; i < cands.length; i++) {
        mentions.push({ ...cands[i]!, sentence: sentences.length });
        if (i === 0) continue;
        const relation = verbRelation(s.tokens.slice(cands[i - 1]!.tokEnd, cands[i]!.tokStart));
        if (relation) links.push({ a: mentions.length - 2, b: mentions.length - 1, relation });
      }
      sentences.push({ start: s.start, end: s.end, first, last: mentions.length });
    }
  }
  lastExtractionStats.words = words;
  lastExtractionStats.compromiseCalls = typer.compromiseCalls;

  // A capitalised word opening a sentence that also appears in lower case is a common word ("Let").
  const live = mentions.map((m) => !!m.key && !(m.sentenceInitial && lowerVocab.has(m.name.toLowerCase())));

  const groups = new Map<string, Group>();
  mentions.forEach((m, i) => {
    if (!live[i]) return;
    const g = groups.get(m.key);
    if (g) g.ids.push(i);
    else groups.set(m.key, { ids: [i], kind: 'concept' });
  });
  for (const g of groups.values()) g.kind = majorityKind(g.ids.map((i) => mentions[i]!));
  const alias = mergeSurnames(groups);
  const finalKey = (i: number): string | undefined => {
    if (!live[i]) return undefined;
    const k = alias.get(mentions[i]!.key) ?? mentions[i]!.key;
    return groups.has(k) ? k : undefined;
  };
  const named = new Set<string>();
  for (const [key, g] of groups) if (g.ids.some((i) => mentions[i]!.proper)) named.add(key);
  pruneConcepts(groups, links, finalKey, words, named);

  const locate = new ChunkLocator(chunks);
  const entities: ExtractedEntity[] = [];
  for (const [key, g] of groups) {
    const first = mentions[g.ids[0]!]!;
    const sent = sentences[first.sentence]!;
    entities.push({
      key,
      name: displayName(g.ids.map((i) => mentions[i]!), g.kind),
      kind: g.kind,
      description: describe(doc.text.slice(sent.start, sent.end)),
      mentions: g.ids.map((i) => {
        const m = mentions[i]!;
        return { chunkIndex: locate.chunkOf(m.start, m.end), start: m.start, end: m.end };
      }),
    });
  }
  entities.sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start);

  const kindOf = (key: string): EntityKind => groups.get(key)?.kind ?? 'concept';
  const relations = buildRelations({ spans: mentions, links, sentences, keyOf: finalKey, kindOf, locate });
  return { entities, relations };
}

/**
 * Blanks out runs of 100+ non-space characters (base64, minified code, a 50 MB line): they hold
 * no names, and wink's tokenizer is slow on them. Same-length replacement keeps every offset.
 */
function maskGiantTokens(text: string): string {
  return text.replace(/\S{100,}/g, (m) => ' '.repeat(m.length));
}

/** Named entities show their fullest capitalised form ("Government", not "governments"). */
function displayName(ms: ReadonlyArray<Readonly<{ name: string; proper: boolean }>>, kind: EntityKind): string {
  const proper = ms.filter((m) => m.proper);
  if (kind === 'concept' && proper.length * 2 < ms.length) return bestName(ms.map((m) => m.name), false);
  return bestName((proper.length ? proper : ms).map((m) => m.name), kind !== 'concept');
}

/**
 * Keeps the concepts worth a graph node: proper names, keyphrases mentioned at least twice, or
 * keyphrases linked by a verb to a named entity ("Curie discovered polonium"), capped by document length so a long text
 * does not turn every noun into a node. Removes the rest from `groups`.
 */
function pruneConcepts(
  groups: Map<string, Group>,
  links: ReadonlyArray<{ a: number; b: number }>,
  keyOf: (i: number) => string | undefined,
  words: number,
  named: ReadonlySet<string>,
): void {
  const linkedToNamed = new Set<string>();
  for (const l of links) {
    const a = keyOf(l.a);
    const b = keyOf(l.b);
    if (!a || !b) continue;
    if (groups.get(a)?.kind !== 'concept') linkedToNamed.add(b);
    if (groups.get(b)?.kind !== 'concept') linkedToNamed.add(a);
  }
  const scored: Array<[string, number]> = [];
  for (const [key, g] of groups) {
    if (g.kind !== 'concept') continue;
    // Untyped proper names ("Nobel Prize") are kept even when mentioned once.
    const score = g.ids.length + (linkedToNamed.has(key) || named.has(key) ? 2 : 0);
    if (score >= 2) scored.push([key, score]);
    else groups.delete(key);
  }
  const cap = 30 + Math.floor(words / 250);
  if (scored.length <= cap) return;
  scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [key] of scored.slice(cap)) groups.delete(key);
}
