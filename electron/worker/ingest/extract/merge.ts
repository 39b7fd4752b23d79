import type { EntityKind } from '../../../../shared/domain/graph';

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

/**
 * Surname merging: a single-word key ("curie") that is a person or untyped merges into the one
 * multi-word person whose last word it is ("marie curie"). With two candidates ("marie curie",
 * "pierre curie") the text does not say which is meant, so nothing merges. Places and
 * organisations never merge into people ("Washington" the city stays apart from George Washington).
 * Returns alias → target and moves the mentions into the target group.
 */
export function mergeSurnames(groups: Map<string, Group>): Map<string, string> {
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
  const alias = new Map<string, string>();
  for (const [key, g] of groups) {
    if (key.includes(' ') || (g.kind !== 'person' && g.kind !== 'concept')) continue;
    const targets = byLast.get(key);
    if (targets?.length === 1) alias.set(key, targets[0]!);
  }
  for (const [from, to] of alias) {
    const target = groups.get(to)!;
    target.ids = [...target.ids, ...groups.get(from)!.ids].sort((x, y) => x - y);
    groups.delete(from);
  }
  return alias;
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
