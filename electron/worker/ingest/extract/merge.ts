import type { EntityKind } from '../../../../shared/domain/graph';
import type { EntityAlias } from '../types';

/** Mentions of one normalised key, by index into the document's mention list. */
export type Group = { ids: number[]; kind: EntityKind };

/**
 * Majority kind of a key's mentions. An untyped proper name counts half, so any real type wins
 * a tie; a keyphrase counts fully, so "governments" the common noun is not an organisation
 * because "the Government" was capitalised once.
 */
export function majorityKind(mentions: ReadonlyArray<Readonly<{ kind: EntityKind; proper: boolean }>>): EntityKind {
  const counts = new Map<EntityKind, number>();
  for (const m of mentions) counts.set(m.kind, (counts.get(m.kind) ?? 0) + (m.kind === 'concept' && m.proper ? 0.5 : 1));
  let best: EntityKind = 'concept';
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** Why two names became one entity; recorded with the entity so a merge can be shown and undone. */
export type MergeReason = EntityAlias['reason'];

/**
 * The merges of one document: alias key → target key, and per target the names merged into it.
 * Chains resolve ("wake" → "wake island" after "wake island" itself merged elsewhere).
 */
export class Merges {
  readonly into = new Map<string, string>();
  readonly log = new Map<string, Array<{ key: string; reason: MergeReason }>>();

  /** Moves `from`'s mentions into `to` (both resolved first); false when they are already one. */
  merge(groups: Map<string, Group>, from: string, to: string, reason: MergeReason): boolean {
    const a = this.resolve(from);
    const b = this.resolve(to);
    const src = groups.get(a);
    const dst = groups.get(b);
    if (a === b || !src || !dst) return false;
    dst.ids = [...dst.ids, ...src.ids].sort((x, y) => x - y);
    groups.delete(a);
    this.into.set(a, b);
    const moved = this.log.get(a) ?? [];
    this.log.delete(a);
    this.log.set(b, [...(this.log.get(b) ?? []), { key: a, reason }, ...moved]);
    return true;
  }

  resolve(key: string): string {
    let k = key;
    for (let n = 0; n < 16 && this.into.has(k); n++) k = this.into.get(k)!;
    return k;
  }
}

/**
 * Surname merging: a single-word name ("Curie") that is a person or untyped merges into the one
 * multi-word person whose last word it is ("marie curie"). With two candidates ("marie curie",
 * "pierre curie") the text does not say which is meant, so nothing merges. Places and
 * organisations never merge into people ("Washington" the city stays apart from George Washington).
 */
export function mergeSurnames(groups: Map<string, Group>, merges: Merges, isName: (key: string) => boolean): void {
  const byLast = new Map<string, string[]>();
  for (const [key, g] of groups) {
    if (g.kind !== 'person') continue;
    const words = key.split(' ');
    if (words.length < 2) continue;
    const last = words[words.length - 1]!;
    const list = byLast.get(last);
    if (list) list.push(key);
    else byLast.set(last, [key]);
  }
  const pairs: Array<[string, string]> = [];
  for (const [key, g] of groups) {
    // A lower-case word ("world", "whale") is not a surname, whatever person's name ends with it.
    if (key.includes(' ') || (g.kind !== 'person' && g.kind !== 'concept') || !isName(key)) continue;
    const targets = byLast.get(key);
    if (targets?.length === 1) pairs.push([key, targets[0]!]);
  }
  for (const [from, to] of pairs) merges.merge(groups, from, to, 'surname');
}

/** The most complete surface form (longest, then most frequent); or just the most frequent. */
export function bestName(names: readonly string[], preferLongest = true): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = names[0] ?? '';
  for (const [n, c] of counts) {
    const bc = counts.get(best) ?? 0;
    if (preferLongest ? n.length > best.length || (n.length === best.length && c > bc) : c > bc) best = n;
  }
  return best;
}

/** A short description: the sentence that first mentions the entity, cut at a word boundary. */
export function describe(sentence: string, maxChars = 240): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s.length <= maxChars) return s;
  const cut = s.lastIndexOf(' ', maxChars - 1);
  return `${s.slice(0, cut > maxChars / 2 ? cut : maxChars - 1)}…`;
}
