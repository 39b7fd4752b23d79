import type { EntityKind } from '../../../../shared/domain/graph';
import type { ExtractedRelation } from '../types';
import type { ChunkLocator } from './locate';

export const VERB_RELATION_WEIGHT = 1;
export const CO_OCCURRENCE_WEIGHT = 0.3;
export const CO_OCCURRENCE = 'co_occurs_with';

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
 * Builds the relation list: verb relations (weight 1) and, for entity pairs in a sentence that
 * no verb links, co_occurs_with (weight 0.3, source < target so the symmetric pair appears once).
 * Concept–concept co-occurrence is left out: it is mostly noise and grows quadratically.
 * Duplicates within one chunk collapse into one relation.
 */
export function buildRelations(input: LinkInput): ExtractedRelation[] {
  const { spans, links, sentences, keyOf, kindOf, locate } = input;
  const out: ExtractedRelation[] = [];
  const seen = new Set<string>();
  const linked = new Set<string>(); // "sentence|a|b" pairs already joined by a verb
  const push = (sourceKey: string, targetKey: string, relation: string, chunkIndex: number, weight: number): void => {
    const id = `${sourceKey}\u0000${targetKey}\u0000${relation}\u0000${chunkIndex}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ sourceKey, targetKey, relation, chunkIndex, weight });
  };
  const chunkOfPair = (a: number, b: number): number => {
    const start = Math.min(spans[a]!.start, spans[b]!.start);
    const end = Math.max(spans[a]!.end, spans[b]!.end);
    return locate.chunkOf(start, end);
  };

  for (const l of links) {
    const a = keyOf(l.a);
    const b = keyOf(l.b);
    if (!a || !b || a === b) continue;
    linked.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
    push(a, b, l.relation, chunkOfPair(l.a, l.b), VERB_RELATION_WEIGHT);
  }

  for (const s of sentences) {
    const keys: string[] = [];
    const at: number[] = [];
    for (let i = s.first; i < s.last && keys.length < MAX_ENTITIES_PER_SENTENCE; i++) {
      const k = keyOf(i);
      if (k && !keys.includes(k)) {
        keys.push(k);
        at.push(i);
      }
    }
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length && j - i <= CO_OCCURRENCE_WINDOW; j++) {
        const [x, y] = [keys[i]!, keys[j]!];
        if (kindOf(x) === 'concept' && kindOf(y) === 'concept') continue;
        if (linked.has(`${x}\u0000${y}`)) continue;
        const [src, dst] = x < y ? [x, y] : [y, x];
        push(src, dst, CO_OCCURRENCE, chunkOfPair(at[i]!, at[j]!), CO_OCCURRENCE_WEIGHT);
      }
    }
  }
  return out;
}
