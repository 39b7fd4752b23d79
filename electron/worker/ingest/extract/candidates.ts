import type { EntityKind } from '../../../../shared/domain/graph';
import { readsAsDate } from './dates';
import { GAZETTEER_MAX_WORDS, GAZETTEER_PLACES, gazetteerKind } from './gazetteer';
import { COMPASS, GENERIC_NOUNS, HONORIFICS, NAME_BREAK_TITLES, NAME_CONNECTORS, OF_HEADS, WEAK_ADJECTIVES } from './lexicon';
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
    // wink also labels "today", "Sunday", "2047 bytes" or "RFC 1321" as dates; keep the calendar ones.
    if (!readsAsDate(toks, a, b + 1)) continue;
    for (let i = from; i <= b; i++) used[i] = 1;
    out.push(make(toks.slice(a, b + 1), 'date', a, b + 1, false));
  }

  // Multi-word places the tagger splits or misses ("Far East", "South America").
  for (let i = 0; i < toks.length; i++) {
    if (used[i] || !isCapitalised(toks[i]!.text)) continue;
    for (let n = Math.min(GAZETTEER_MAX_WORDS, toks.length - i); n >= 2; n--) {
      const words = toks.slice(i, i + n);
      if (words.some((t, k) => used[i + k] || (!isCapitalised(t.text) && t.text !== 'of'))) continue;
      if (!GAZETTEER_PLACES.has(words.map((t) => t.text.toLowerCase()).join(' '))) continue;
      for (let k = i; k < i + n; k++) used[k] = 1;
      out.push(make(words, 'place', i, i + n, false));
      i += n - 1;
      break;
    }
  }

  for (let i = 0; i < toks.length; i++) {
    if (used[i] || !isNameToken(toks[i]!)) continue;
    let j = i + 1;
    for (;;) {
      // An honorific or title starts a new name: "Congress Mr. Madison" and "Old Captain Peleg" are two names.
      if (j < toks.length && !used[j] && isNameToken(toks[j]!) && !NAME_BREAK_TITLES.has(toks[j]!.text.toLowerCase().replace(/\.$/, ''))) j++;
      else if (j + 1 < toks.length && tight(toks, j) && !used[j + 1]) j += 2; // "Devil-dam", "TCP/IP"
      else if (j + 1 < toks.length && joins(toks, j) && !used[j + 1] && isNameToken(toks[j + 1]!)) j += 2;
      else if (j + 2 < toks.length && joins(toks, j) && toks[j + 1]!.text.toLowerCase() === 'the' && isNameToken(toks[j + 2]!)) j += 3;
      else if (j + 1 < toks.length && toks[j]!.text === ',' && /^(Inc|Ltd|Corp|LLC|Co)\.?$/.test(toks[j + 1]!.text)) j += 2; // "Red Hat, Inc."
      else if (j === i + 1 && /^\p{Lu}{2,}$/u.test(toks[i]!.text) && toks[j]!.pos === 'NUM' && /^\d/.test(toks[j]!.text)) j++; // "IEEE 754", "RFC 4627"
      else break;
    }
    const [a, b] = trimName(toks, i, j);
    const words = toks.slice(a, b);
    for (let k = i; k < j; k++) used[k] = 1;
    if (words.length && isGoodName(words) && !isAdjectival(words, toks[b])) {
      const kind = typer.kindOf(toks.slice(i, b).map((t) => t.text));
      // A month or weekday alone ("April", "Sunday") is not a date anyone looks up.
      if (kind !== 'date' || readsAsDate(toks, a, b)) out.push(make(words, kind, a, b, a === firstWord && words.length === 1));
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

/** A hyphen or slash written without spaces between two words continues a name ("Devil-dam", "TCP/IP", "ASR-33s"). */
function tight(toks: readonly Token[], j: number): boolean {
  const [p, t, n] = [toks[j - 1]!, toks[j]!, toks[j + 1]!];
  if ((t.text !== '-' && t.text !== '/') || p.end !== t.start || t.end !== n.start) return false;
  // A short lower-case tail is part of the name ("Tit-bit"); a long one is a dash written as a
  // hyphen ("Russia and China-weapons which…").
  return /^[\p{Lu}\p{N}]/u.test(n.text) || /^\p{Ll}{1,4}$/u.test(n.text);
}

/**
 * A single capitalised word used as an adjective: a nationality or compass word before a noun
 * ("Japanese junks", "American outpost", "Fascist leaders"), or a compass word alone ("North").
 */
function isAdjectival(words: readonly Token[], next: Token | undefined): boolean {
  if (words.length !== 1) return false;
  const w = words[0]!.text;
  if (COMPASS.has(w.toLowerCase())) return true;
  if (gazetteerKind(w)) return false; // "the Mediterranean world" names the sea
  return /(an|ese|ish|ic|i)$/.test(w) && !!next && (next.pos === 'NOUN' || next.pos === 'ADJ') && /^\p{Ll}/u.test(next.text);
}

function isNameToken(t: Token): boolean {
  if (t.pos !== 'PROPN') return false;
  if (/['\u2019](m|re|ve|ll|d|t)$/i.test(t.text)) return false; // "I'm", "We've"
  if (t.text === 'I') return false;
  if (/^\p{Ll}+\d[\p{L}\p{N}]*$/u.test(t.text)) return true; // technical names in lower case: "adler32", "blake2b"
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
