import type { EntityKind } from '../../../../shared/domain/graph';
import { chunkText } from '../chunk';
import type { Chunk, EntityAlias, ExtractedEntity, Extraction, ParsedDocument } from '../types';
import { normaliseKey, sentenceCandidates, type Candidate } from './candidates';
import { contextKind } from './context';
import { definedTerms, type DefinedTerm } from './defined-terms';
import { definedInitialisms } from './initialisms';
import { buildRelations } from './link';
import { ChunkLocator } from './locate';
import { bestName, describe, majorityKind, Merges, mergeSurnames, type Group } from './merge';
import { definitionLinks, prepositionRelation, REFERS_TO, TYING_PREPOSITIONS, verbRelation } from './relations';
import { SpanTyper } from './typing';
import { mergeVariants } from './variants';
import { WeakSpans } from './weak-spans';
import { analyse, type Sentence } from './wink';

export { CO_OCCURRENCE, CO_OCCURRENCE_MIN_COUNT, VERB_RELATION_WEIGHT } from './link';

/** wink handles text in pieces this size; pieces end at sentence breaks, so no sentence is split. */
const SEGMENT_CHARS = 50_000;

type MentionRec = Candidate & {
  sentence: number;
  /** What the words around this mention say about its kind (untyped names only). */
  context?: 'person' | 'place' | undefined;
  /** The line of a glossary block that defines this term. */
  defined?: boolean;
  /** A capitalised name in a heading or a quoted title, where capitals prove little (weak-spans.ts). */
  weak?: boolean;
};

/** Statistics of the last extraction in this process, for benchmarks and logs. */
export const lastExtractionStats = { words: 0, compromiseCalls: 0 };

/**
 * Offline entity and relation extraction for one document. wink-nlp tags the text (fast);
 * runs of proper nouns become person / place / organization entities (typed by word lists, a
 * gazetteer, then compromise for what those leave open, then the words around the mentions);
 * calendar dates become date entities; terms a glossary defines and recurring keyphrases become
 * concepts. Names that are one entity merge, each merge recorded as an alias with its reason: a
 * lone surname into the one full name, an initialism into the phrase it abbreviates, a place
 * into its fuller name, a plural, a one-off misspelling. Relations are named by the verb linking
 * two entities in a sentence; co-occurrence only where a pair recurs more than chance explains.
 * Mention offsets refer to `doc.text`; chunk indices to `chunks`.
 */
export function extractEntities(doc: ParsedDocument, chunks: readonly Chunk[]): Extraction {
  const typer = new SpanTyper();
  const mentions: MentionRec[] = [];
  const links: Array<{ a: number; b: number; relation: string }> = [];
  const sentences: Array<{ start: number; end: number; first: number; last: number }> = [];
  const lowerVocab = new Set<string>();
  const terms = definedTerms(doc.text);
  let nextTerm = 0;
  let words = 0;

  for (const seg of chunkText(maskGiantTokens(doc.text), { maxChars: SEGMENT_CHARS, overlapChars: 0 })) {
    for (const s of analyse(seg.text, seg.start)) {
      for (const t of s.tokens) {
        if (t.pos === 'PUNCT') continue;
        words++;
        if (t.pos !== 'PROPN' && /^\p{Ll}+$/u.test(t.text)) lowerVocab.add(t.text);
      }
      while (nextTerm < terms.length && terms[nextTerm]!.end <= s.start) nextTerm++;
      const inSentence: DefinedTerm[] = [];
      for (let k = nextTerm; k < terms.length && terms[k]!.start < s.end; k++) inSentence.push(terms[k]!);
      const first = mentions.length;
      const cands = withDefinedTerms(s, sentenceCandidates(s, typer), inSentence, typer);
      for (let i = 0; i < cands.length; i++) {
        const c = cands[i]!;
        mentions.push({ ...c, sentence: sentences.length, context: c.proper && c.kind === 'concept' ? contextKind(s.tokens, c.tokStart, c.tokEnd) : undefined });
        if (i === 0) continue;
        const gap = s.tokens.slice(cands[i - 1]!.tokEnd, c.tokStart);
        const named = (x: Candidate): boolean => x.proper || x.kind === 'date';
        const relation = verbRelation(gap) ?? (named(c) && named(cands[i - 1]!) ? prepositionRelation(gap) : undefined);
        if (relation) links.push({ a: mentions.length - 2, b: mentions.length - 1, relation });
      }
      sentences.push({ start: s.start, end: s.end, first, last: mentions.length });
    }
  }
  links.push(...definitionLinks(terms, mentions));
  lastExtractionStats.words = words;
  lastExtractionStats.compromiseCalls = typer.compromiseCalls;

  const weak = new WeakSpans(doc.text);
  for (const m of mentions) {
    if (m.tokEnd - m.tokStart === 1 && m.proper && weak.isLineInitial(m.start)) m.sentenceInitial = true;
    m.weak = m.proper && weak.isWeak(m.start);
  }
  const live = liveMentions(mentions, lowerVocab);
  const groups = new Map<string, Group>();
  mentions.forEach((m, i) => {
    if (!live[i]) return;
    const g = groups.get(m.key);
    if (g) g.ids.push(i);
    else groups.set(m.key, { ids: [i], kind: 'concept' });
  });
  for (const g of groups.values()) g.kind = groupKind(g.ids.map((i) => mentions[i]!));

  const merges = new Merges();
  const termKeys = terms.map((t) => normaliseKey(t.text));
  terms.forEach((t, i) => {
    if (t.aliasOf !== undefined) merges.merge(groups, termKeys[i]!, termKeys[t.aliasOf]!, 'defined-together');
  });
  const liveSpans = mentions.map((m, i) => ({ ...m, i })).filter((m) => live[m.i]);
  for (const [abbr, full] of definedInitialisms(doc.text, liveSpans)) merges.merge(groups, liveSpans[abbr]!.key, liveSpans[full]!.key, 'initialism');
  const info = (key: string) => {
    const g = groups.get(key);
    return g && { kind: g.kind, proper: mostlyProper(g.ids.map((i) => mentions[i]!)), mentions: g.ids.length };
  };
  mergeVariants(groups, info, merges);
  mergeSurnames(groups, merges, (key) => mostlyProper(groups.get(key)?.ids.map((i) => mentions[i]!) ?? []));
  for (const g of groups.values()) g.kind = groupKind(g.ids.map((i) => mentions[i]!));

  const finalKey = (i: number): string | undefined => {
    if (!live[i]) return undefined;
    const k = merges.resolve(mentions[i]!.key);
    return groups.has(k) ? k : undefined;
  };
  const kept = new Set<string>();
  for (const [key, g] of groups) if (g.ids.some((i) => mentions[i]!.proper || mentions[i]!.defined)) kept.add(key);
  pruneConcepts(groups, links, finalKey, words, kept);

  const locate = new ChunkLocator(chunks);
  const entities: ExtractedEntity[] = [];
  for (const [key, g] of groups) {
    const ms = g.ids.map((i) => mentions[i]!);
    const sent = sentences[ms[0]!.sentence]!;
    const aliases: EntityAlias[] = (merges.log.get(key) ?? []).map((a) => ({ name: aliasName(a.key, ms), reason: a.reason }));
    entities.push({
      key,
      name: displayName(ms, g.kind),
      kind: g.kind,
      description: describe(doc.text.slice(sent.start, sent.end)),
      mentions: ms.map((m) => ({ chunkIndex: locate.chunkOf(m.start, m.end), start: m.start, end: m.end })),
      ...(aliases.length ? { aliases } : {}),
    });
  }
  entities.sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start);

  const kindOf = (key: string): EntityKind => groups.get(key)?.kind ?? 'concept';
  const relations = buildRelations({ spans: mentions, links, sentences, keyOf: finalKey, kindOf, locate });
  return { entities, relations };
}

/**
 * Replaces the candidates inside a glossary's defined-term lines by one candidate per line: the
 * whole line is the term ("applicative order reduction"), whatever the tagger made of its words.
 */
function withDefinedTerms(s: Sentence, cands: Candidate[], terms: readonly DefinedTerm[], typer: SpanTyper): Array<Candidate & { defined?: boolean }> {
  if (terms.length === 0) return cands;
  const out: Array<Candidate & { defined?: boolean }> = cands.filter((c) => !terms.some((t) => c.start < t.end && c.end > t.start));
  for (const t of terms) {
    const a = s.tokens.findIndex((k) => k.start >= t.start);
    let b = a;
    while (b >= 0 && b < s.tokens.length && s.tokens[b]!.end <= t.end) b++;
    if (a < 0 || b <= a) continue;
    const capitalised = /^\p{Lu}/u.test(t.text);
    const kind = capitalised ? typer.kindOf(s.tokens.slice(a, b).map((k) => k.text)) : 'concept';
    const key = normaliseKey(t.text);
    if (!key) continue;
    out.push({ key, name: t.text, kind: kind === 'date' ? 'concept' : kind, start: t.start, end: t.end, tokStart: a, tokEnd: b, sentenceInitial: false, proper: capitalised, defined: true });
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * Which mentions count. Dropped: a capitalised word opening a sentence or a line that also
 * appears in lower case ("Let"), or that nothing else marks as a name ("Powerful", "Reality": no
 * capitalised mention mid-sentence, no type from the word lists, gazetteer or compromise); an
 * untyped name seen only in headings and quoted titles ("Non-Array Values"); shouting, that is
 * a capitalised run of several words or one word of 7+ letters all in capitals ("CHAPTER ONE",
 * "AFFGHANISTAN"), unless the same name is also written normally.
 */
function liveMentions(mentions: readonly MentionRec[], lowerVocab: ReadonlySet<string>): boolean[] {
  const namedMid = new Set<string>();
  const written = new Set<string>();
  const strong = new Set<string>();
  for (const m of mentions) {
    if (m.proper && !m.sentenceInitial && !m.weak) namedMid.add(m.key);
    if (!isShouting(m.name)) written.add(m.key);
    if (!m.weak) strong.add(m.key);
  }
  return mentions.map((m) => {
    if (!m.key) return false;
    if (m.defined) return true;
    if (isShouting(m.name) && !written.has(m.key)) return false;
    if (m.weak && m.kind === 'concept' && !strong.has(m.key)) return false;
    if (!m.sentenceInitial) return true;
    if (lowerVocab.has(m.name.toLowerCase())) return false;
    return namedMid.has(m.key) || m.kind !== 'concept';
  });
}

const isShouting = (name: string): boolean => /^[\p{Lu}\d\s.,&'-]+$/u.test(name) && (/\p{Lu}{2,}.*\s.*\p{Lu}{2,}/u.test(name) || /^\p{Lu}{7,}$/u.test(name));

/**
 * Kind of an entity from its mentions: the majority of the typed mentions; when none is typed,
 * what the words around its mentions say ("near the Wabash": place; "Yojo had told him": person).
 */
function groupKind(ms: readonly MentionRec[]): EntityKind {
  const kind = majorityKind(ms);
  // Only names: "the sea" and "the whale" are written in lower case most of the time.
  if (kind !== 'concept' || !mostlyProper(ms)) return kind;
  let person = 0;
  let place = 0;
  for (const m of ms) {
    if (m.context === 'person') person++;
    else if (m.context === 'place') place++;
  }
  // A clear majority of the cues: a novel's "his" and "in the …" are everywhere.
  if (person > 2 * place) return 'person';
  if (place > 2 * person) return 'place';
  return kind;
}

const mostlyProper = (ms: ReadonlyArray<Readonly<{ proper: boolean }>>): boolean => ms.filter((m) => m.proper).length * 2 >= ms.length;

/** The surface an alias was written as (its first mention), not its normalised key. */
function aliasName(key: string, ms: readonly MentionRec[]): string {
  return ms.find((m) => m.key === key)?.name ?? key;
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

/** A code identifier or technical term written in lower case: "adler32", "ensure_ascii", "os.path". */
const isIdentifier = (key: string): boolean => /^[\p{L}][\p{L}\p{N}]*([._][\p{L}\p{N}]+)+$|^[\p{L}]+\d[\p{L}\p{N}]*$/u.test(key);

/**
 * Keeps the concepts worth a graph node: proper names and defined terms; keyphrases of two or
 * more words mentioned at least twice or linked by a verb to a named entity. A single common noun
 * ("ship", "module", "output") is a word, not a node, unless it is a defined term, an identifier
 * or the object of a verb whose subject is named ("Curie discovered polonium"); the rest are capped by document length so a long text
 * does not turn every noun into a node. Removes the rest from `groups`.
 */
function pruneConcepts(
  groups: Map<string, Group>,
  links: ReadonlyArray<{ a: number; b: number; relation: string }>,
  keyOf: (i: number) => string | undefined,
  words: number,
  kept: ReadonlySet<string>,
): void {
  const linkedToNamed = new Set<string>();
  const verbLinked = new Set<string>(); // the object of a named subject's verb: "Curie discovered polonium"
  for (const l of links) {
    const a = keyOf(l.a);
    const b = keyOf(l.b);
    if (!a || !b) continue;
    const verb = l.relation !== REFERS_TO && !TYING_PREPOSITIONS.has(l.relation) && !l.relation.includes('_'); // "discover", not "sign_in"
    if (groups.get(a)?.kind !== 'concept') {
      linkedToNamed.add(b);
      if (verb) verbLinked.add(b);
    }
    if (groups.get(b)?.kind !== 'concept') linkedToNamed.add(a);
  }
  const scored: Array<[string, number]> = [];
  for (const [key, g] of groups) {
    if (g.kind !== 'concept') continue;
    if (!kept.has(key) && !key.includes(' ') && !isIdentifier(key) && !verbLinked.has(key)) {
      groups.delete(key);
      continue;
    }
    // Untyped proper names ("Nobel Prize") are kept even when mentioned once.
    const score = g.ids.length + (linkedToNamed.has(key) || kept.has(key) ? 2 : 0);
    if (score >= 2) scored.push([key, score]);
    else groups.delete(key);
  }
  const cap = 30 + Math.floor(words / 250);
  if (scored.length <= cap) return;
  scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [key] of scored.slice(cap)) groups.delete(key);
}
