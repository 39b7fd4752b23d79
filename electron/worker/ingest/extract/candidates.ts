import type { EntityKind } from '../../../../shared/domain/graph';
import { GENERIC_NOUNS, HONORIFICS, MONTHS, NAME_CONNECTORS, OF_HEADS, WEAK_ADJECTIVES } from './lexicon';
import type { SpanTyper } from './typing';
import type { Sentence, Token } from './wink';

/** A span in one sentence that may become an entity mention. */
export type Candidate = {
  /** Normalised key before document-level merging. */
  key: string;
  /** Surface form shown to users (honorifics and "the" removed). */
  name: string;
  kind: EntityKind;
  start: number;
  end: number;
  /** Token range [tokStart, tokEnd) inside the sentence, for relation finding. */
  tokStart: number;
  tokEnd: number;
  /** A single capitalised word opening the sentence: possibly a common word, checked later. */
  sentenceInitial: boolean;
  /** From a proper-noun run (a name), not a keyphrase or a date. */
  proper: boolean;
};

const isCapitalised = (t: string): boolean => /^\p{Lu}/u.test(t);
const hasLetter = (t: string): boolean => /\p{L}/u.test(t);

/** Normalised entity key: lower case, single spaces, no possessive, no leading "the". */
export function normaliseKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2019']s$/u, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

/**
 * Finds entity candidates in one analysed sentence: wink's DATE spans, runs of proper nouns
 * (typed by the SpanTyper) and keyphrases (adjective* noun+ runs) as concepts.
 */
export function sentenceCandidates(s: Sentence, typer: SpanTyper): Candidate[] {
  const toks = s.tokens;
  const used = new Uint8Array(toks.length);
  const out: Candidate[] = [];
  const firstWord = toks.findIndex((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');

  for (const [from, b] of s.dates) {
    let a = from;
    while (a < b && (toks[a]!.pos === 'ADP' || toks[a]!.pos === 'DET')) a++; // "by 2009" → "2009"
    const words = toks.slice(a, b + 1);
    const text = words.map((t) => t.text).join(' ');
    // wink also labels "today" or "2 years ago" as dates; keep only calendar ones.
    if (!/\b\d{3,4}s?\b|centur/i.test(text) && !words.some((t) => MONTHS.has(t.text.toLowerCase()))) continue;
    for (let i = from; i <= b; i++) used[i] = 1;
    out.push(make(words, 'date', a, b + 1, false));
  }

  for (let i = 0; i < toks.length; i++) {
    if (used[i] || !isNameToken(toks[i]!)) continue;
    let j = i + 1;
    for (;;) {
      // An honorific starts a new name: "Congress Mr. Madison" is two entities.
      if (j < toks.length && !used[j] && isNameToken(toks[j]!) && !HONORIFICS.has(toks[j]!.text.toLowerCase().replace(/\.$/, ''))) j++;
      else if (j + 1 < toks.length && joins(toks, j) && !used[j + 1] && isNameToken(toks[j + 1]!)) j += 2;
      else if (j + 2 < toks.length && joins(toks, j) && toks[j + 1]!.text.toLowerCase() === 'the' && isNameToken(toks[j + 2]!)) j += 3;
      else break;
    }
    const [a, b] = trimName(toks, i, j);
    const words = toks.slice(a, b);
    for (let k = i; k < j; k++) used[k] = 1;
    if (words.length && isGoodName(words)) {
      const kind = typer.kindOf(toks.slice(i, b).map((t) => t.text));
      out.push(make(words, kind, a, b, a === firstWord && words.length === 1));
    }
    i = j - 1;
  }

  for (let i = 0; i < toks.length; i++) {
    if (used[i] || !isPhraseStart(toks[i]!)) continue;
    let j = i;
    while (j < toks.length && !used[j] && toks[j]!.pos === 'ADJ' && isPlainWord(toks[j]!)) j++;
    const nounStart = j;
    while (j < toks.length && !used[j] && toks[j]!.pos === 'NOUN' && isPlainWord(toks[j]!)) j++;
    if (j === nounStart) {
      i = Math.max(i, j - 1);
      continue;
    }
    let a = i;
    while (a < nounStart && WEAK_ADJECTIVES.has(toks[a]!.text.toLowerCase())) a++;
    const words = toks.slice(a, j);
    if (words.length === 1 && GENERIC_NOUNS.has(words[0]!.lemma)) {
      i = j - 1;
      continue;
    }
    out.push(makeConcept(words, a, j));
    i = j - 1;
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * Whether the connector at `j` continues a name. "of" only follows a head word ("University of
 * Paris", "Gulf of Mexico"), so "Sandy Keplinger of Staub Manufacturing" stays two names.
 */
function joins(toks: readonly Token[], j: number): boolean {
  const w = toks[j]!.text.toLowerCase();
  if (w === 'of') return OF_HEADS.has(toks[j - 1]!.text.toLowerCase());
  return w !== 'the' && NAME_CONNECTORS.has(w);
}

function isNameToken(t: Token): boolean {
  if (t.pos !== 'PROPN') return false;
  if (/['\u2019](m|re|ve|ll|d|t)$/i.test(t.text)) return false; // "I'm", "We've"
  if (t.text === 'I') return false;
  return /^\p{Lu}\.$/u.test(t.text) || (isCapitalised(t.text) && hasLetter(t.text)); // initials may sit inside a name
}

function isPhraseStart(t: Token): boolean {
  return (t.pos === 'ADJ' || t.pos === 'NOUN') && isPlainWord(t);
}

/** Lower-case alphabetic words of 3+ letters that are not stopwords (keeps junk out of concepts). */
function isPlainWord(t: Token): boolean {
  return !t.stop && t.text.length >= 3 && /^[\p{Ll}][\p{Ll}-]*$/u.test(t.text);
}

/** Token range of a name without leading honorifics ("Mr.") or a trailing possessive. */
function trimName(toks: readonly Token[], i: number, j: number): [number, number] {
  let a = i;
  while (a < j - 1 && HONORIFICS.has(toks[a]!.text.toLowerCase().replace(/\.$/, ''))) a++;
  let b = j;
  if (b > a && /^[\u2019']s$/u.test(toks[b - 1]!.text)) b--;
  return [a, b];
}

function isGoodName(words: Token[]): boolean {
  const text = words.map((t) => t.text).join(' ');
  if (text.replace(/[^\p{L}]/gu, '').length < 2) return false; // single letters, numbers
  if (words.length === 1 && words[0]!.stop) return false;
  return true;
}

function make(words: readonly Token[], kind: EntityKind, tokStart: number, tokEnd: number, sentenceInitial: boolean): Candidate {
  let name = words.map((t, i) => (i > 0 && t.start > words[i - 1]!.end ? ' ' : '') + t.text).join('');
  let end = words[words.length - 1]!.end;
  // wink keeps the possessive on the token ("Alice's"); the entity is "Alice".
  const poss = /['\u2019]s$/u.exec(name);
  if (poss && name.length > 3) {
    name = name.slice(0, -2);
    end -= 2;
  }
  const proper = words[0]!.pos === 'PROPN';
  return { key: normaliseKey(name), name, kind, start: words[0]!.start, end, tokStart, tokEnd, sentenceInitial, proper };
}

/** Concepts key on the lemma of the head noun so "elements" and "element" meet. */
function makeConcept(words: readonly Token[], tokStart: number, tokEnd: number): Candidate {
  const c = make(words, 'concept', tokStart, tokEnd, false);
  const head = words[words.length - 1]!;
  const key = [...words.slice(0, -1).map((t) => t.text.toLowerCase()), head.lemma.toLowerCase()].join(' ');
  return { ...c, key: normaliseKey(key), name: c.name.toLowerCase(), proper: false };
}
