import type { EntityKind } from '../../../../shared/domain/graph';
import { PLACE_HEADS } from './lexicon';
import type { Group, Merges } from './merge';

/** What variant merging needs to know of a key's group beyond its mentions. */
export type GroupInfo = Readonly<{ kind: EntityKind; proper: boolean; mentions: number }>;

/**
 * Merges names that are spellings of one another within a document, recording why:
 * - a place and its name without the head word: "Wake" → "Wake Island", "Philippines" → "Philippine Islands";
 * - a proper name and its plural: "Fascist" → "Fascists" (into the more frequent);
 * - a name seen once that differs by one letter from a name seen more often, same first and last
 *   letter, 7+ letters: "Afghanistan" ← "Affghanistan" (a misspelling, not a second country).
 */
export function mergeVariants(groups: Map<string, Group>, info: (key: string) => GroupInfo | undefined, merges: Merges): void {
  const keys = [...groups.keys()];
  for (const key of keys) {
    const words = key.split(' ');
    const g = info(key);
    if (!g || g.kind !== 'place' || words.length < 2 || !PLACE_HEADS.has(words[words.length - 1]!)) continue;
    const base = words.slice(0, -1).join(' ');
    for (const short of [base, `${base}s`]) {
      const s = info(short);
      if (s?.proper && (s.kind === 'place' || s.kind === 'concept')) merges.merge(groups, short, key, 'place-name');
    }
  }
  for (const key of [...groups.keys()]) {
    const plural = `${key}s`;
    const a = info(key);
    const b = info(plural);
    if (!a?.proper || !b?.proper || !groups.has(key) || !groups.has(plural)) continue;
    const [from, to] = a.mentions > b.mentions ? [plural, key] : [key, plural];
    merges.merge(groups, from, to, 'plural');
  }
  // Frequent names by first letter, last letter and length, so each one-off looks at a handful.
  const bucket = (k: string, len: number): string => `${k[0]}${k.at(-1)}${len}`;
  const frequent = new Map<string, string[]>();
  for (const k of groups.keys()) {
    if (k.includes(' ') || (info(k)?.mentions ?? 0) < 2 || !info(k)?.proper) continue;
    const b = bucket(k, k.length);
    frequent.set(b, [...(frequent.get(b) ?? []), k]);
  }
  for (const key of [...groups.keys()]) {
    const g = info(key);
    if (!g?.proper || g.mentions !== 1 || key.includes(' ') || key.length < 7 || g.kind === 'date') continue;
    const near = [-1, 0, 1].flatMap((d) => frequent.get(bucket(key, key.length + d)) ?? []);
    const target = near.find((f) => f !== key && oneEditApart(f, key));
    if (target) merges.merge(groups, key, target, 'spelling');
  }
}

/** One insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}
