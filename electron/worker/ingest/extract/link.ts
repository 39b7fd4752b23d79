import type { EntityKind } from '../../../../shared/domain/graph';
import type { ExtractedRelation } from '../types';
import type { ChunkLocator } from './locate';

/** Weight of one sentence's evidence; a relation's total weight is the number of sentences that state it. */
export const VERB_RELATION_WEIGHT = 1;
export const CO_OCCURRENCE = 'co_occurs_with';
/** A pair must share at least this many sentences before co-occurrence says anything about it. */
export const CO_OCCURRENCE_MIN_COUNT = 2;

/** Co-occurrence considers at most this many entities per sentence, each with its next few neighbours. */
const MAX_ENTITIES_PER_SENTENCE = 8;
const CO_OCCURRENCE_WINDOW = 3;

export type LinkInput = Readonly<{
  /** Mention offsets, by mention index. */
  spans: ReadonlyArray<Readonly<{ start: number; end: number }>>;
  /** Verb links between consecutive mentions of one sentence. */
  links: ReadonlyArray<Readonly<{ a: number; b: number; relation: string }>>;
  /** Per sentence, the mention index range [first, last). */
  sentences: ReadonlyArray<Readonly<{ first: number; last: number }>>;
  /** Final entity key of a mention, or undefined when the mention was dropped. */
  keyOf: (mention: number) => string | undefined;
  kindOf: (key: string) => EntityKind;
  locate: ChunkLocator;
}>;

/**
 * Builds the relation list. Verb relations: every sentence that links two entities by a verb.
 * Co-occurrence (co_occurs_with, source < target so the symmetric pair appears once): only pairs
 * that share at least CO_OCCURRENCE_MIN_COUNT sentences and more of them than their separate
 * frequencies explain (positive pointwise mutual information over the document's sentences), and
 * that no verb links. Concept–concept pairs are left out: mostly noise, quadratic in number.
 * Each relation is emitted once per chunk that holds its evidence, weighted by the number of
 * sentences there, so the weights of a relation's edges add up to its evidence count.
 */
export function buildRelations(input: LinkInput): ExtractedRelation[] {
  const { spans, links, sentences, keyOf, kindOf, locate } = input;
  const byId = new Map<string, { sourceKey: string; targetKey: string; relation: string; chunkIndex: number; weight: number }>();
  const add = (sourceKey: string, targetKey: string, relation: string, chunkIndex: number): void => {
    const id = `${sourceKey}\u0000${targetKey}\u0000${relation}\u0000${chunkIndex}`;
    const r = byId.get(id);
    if (r) r.weight += VERB_RELATION_WEIGHT;
    else byId.set(id, { sourceKey, targetKey, relation, chunkIndex, weight: VERB_RELATION_WEIGHT });
  };
  const chunkOfPair = (a: number, b: number): number => {
    const start = Math.min(spans[a]!.start, spans[b]!.start);
    const end = Math.max(spans[a]!.end, spans[b]!.end);
    return locate.chunkOf(start, end);
  };

  const linked = new Set<string>(); // pairs already joined by a verb
  for (const l of links) {
    const a = keyOf(l.a);
    const b = keyOf(l.b);
    if (!a || !b || a === b) continue;
    linked.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
    add(a, b, l.relation, chunkOfPair(l.a, l.b));
  }

  // Sentence counts: per entity, and per unordered pair (with the mentions that evidence it).
  const perKey = new Map<string, number>();
  const pairs = new Map<string, { x: string; y: string; at: Array<[number, number]> }>();
  let n = 0;
  for (const s of sentences) {
    const keys: string[] = [];
    const at: number[] = [];
    for (let i = s.first; i < s.last; i++) {
      const k = keyOf(i);
      if (k && !keys.includes(k)) {
        keys.push(k);
        at.push(i);
      }
    }
    if (keys.length === 0) continue;
    n++;
    for (const k of keys) perKey.set(k, (perKey.get(k) ?? 0) + 1);
    const m = Math.min(keys.length, MAX_ENTITIES_PER_SENTENCE);
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m && j - i <= CO_OCCURRENCE_WINDOW; j++) {
        const [x, y] = keys[i]! < keys[j]! ? [keys[i]!, keys[j]!] : [keys[j]!, keys[i]!];
        if (kindOf(x) === 'concept' && kindOf(y) === 'concept') continue;
        const id = `${x}\u0000${y}`;
        const p = pairs.get(id) ?? { x, y, at: [] };
        p.at.push([at[i]!, at[j]!]);
        pairs.set(id, p);
      }
    }
  }
  for (const p of pairs.values()) {
    if (p.at.length < CO_OCCURRENCE_MIN_COUNT || linked.has(`${p.x}\u0000${p.y}`)) continue;
    const pmi = Math.log((p.at.length * n) / (perKey.get(p.x)! * perKey.get(p.y)!));
    if (pmi <= 0) continue;
    for (const [a, b] of p.at) add(p.x, p.y, CO_OCCURRENCE, chunkOfPair(a, b));
  }
  return [...byId.values()];
}
