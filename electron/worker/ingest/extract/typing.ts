import nlp from 'compromise';
import type { EntityKind } from '../../../../shared/domain/graph';
import { gazetteerKind } from './gazetteer';
import { MONTHS, ORG_HEADS, PERSON_TITLES, PLACE_HEADS, WEEKDAYS } from './lexicon';

/** Titles that are also ordinary adjectives or nouns in names ("General Treasury", "President's House"). */
const AMBIGUOUS_TITLES = new Set(['general', 'president', 'justice', 'minister', 'judge', 'king', 'queen', 'prince', 'princess', 'lord']);

/**
 * Types proper-noun spans as person / place / organization / date / concept. Cheap word-list
 * rules run first; compromise (~16k words/s) is asked only about spans the rules leave open,
 * once per distinct surface form, on the span's own words, which keeps it off the hot path.
 */
export class SpanTyper {
  private readonly cache = new Map<string, EntityKind>();
  /** How many times compromise ran (reported by benchmarks). */
  compromiseCalls = 0;

  /** Kind of a proper-noun span given its words (surface forms, in order). */
  kindOf(words: readonly string[]): EntityKind {
    const surface = words.join(' ');
    let kind = this.cache.get(surface);
    if (kind === undefined) {
      kind = this.classify(words, surface);
      this.cache.set(surface, kind);
    }
    return kind;
  }

  private classify(words: readonly string[], surface: string): EntityKind {
    const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
    // "DEC" and "MAR" in capitals are names, not months.
    const calendar = (w: string, i: number): boolean => (MONTHS.has(w) || WEEKDAYS.has(w)) && !/^\p{Lu}{2,}$/u.test(words[i]!);
    if (lower.every((w, i) => calendar(w, i) || /^\d{1,4}(st|nd|rd|th)?,?$/.test(w))) return 'date';
    const known = gazetteerKind(surface);
    if (known) return known;
    // "M. Freericks", "R. M. Keller": initials before a surname.
    if (words.length > 1 && /^\p{Lu}\.$/u.test(words[0]!) && /^\p{Lu}\p{Ll}/u.test(words[words.length - 1]!)) return 'person';
    // "University of Paris": the head is before "of"; "Acme Corp": the head is the last word.
    const ofAt = lower.indexOf('of');
    const head = ofAt > 0 ? lower[ofAt - 1]! : lower[lower.length - 1]!;
    const first = lower[0]!;
    // "General Paredes" is a person, "General Land Office" is not: only a title followed by
    // something compromise does not call an organisation or place counts.
    if (words.length > 1 && PERSON_TITLES.has(first) && !ORG_HEADS.has(head) && !PLACE_HEADS.has(head)) {
      return AMBIGUOUS_TITLES.has(first) ? (this.askCompromise(surface) ?? 'concept') : 'person';
    }
    if (ORG_HEADS.has(head) || (ofAt > 0 && lower[0] === 'house')) return 'organization';
    if (PLACE_HEADS.has(head) && words.length > 1) return 'place';
    return this.askCompromise(surface) ?? 'concept';
  }

  private askCompromise(surface: string): EntityKind | undefined {
    this.compromiseCalls++;
    const doc = nlp(surface);
    const covers = (found: string[]): boolean => found.some((f) => f.replace(/[.,;:]+$/, '').length >= surface.replace(/[.,;:]+$/, '').length - 1);
    const people = doc.people().out('array') as string[];
    if (covers(people)) return 'person';
    const orgs = doc.organizations().out('array') as string[];
    if (covers(orgs)) return 'organization';
    const places = doc.places().out('array') as string[];
    if (covers(places)) return 'place';
    // Partial answers: a known person word inside a longer span still marks a person.
    if (people.length > 0 && orgs.length === 0 && places.length === 0) return 'person';
    return undefined;
  }
}
