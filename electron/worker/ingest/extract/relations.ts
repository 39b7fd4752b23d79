import type { DefinedTerm } from './defined-terms';
import type { Token } from './wink';

/** Longest run of words between two entities that can still be read as "A verb B". */
const MAX_GAP = 8;
/** Parts of speech allowed before / after the verb in "A [adv|aux|not] VERB [prep|det|adj…] B". */
const BEFORE_VERB = new Set(['ADV', 'AUX', 'PART']);
const AFTER_VERB = new Set(['ADP', 'PART', 'ADV', 'DET', 'ADJ', 'NUM', 'VERB', 'AUX']);

/** lower_snake_case relation names. */
export function snake(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Names the relation between two entities of one sentence from the tokens between them, or
 * returns undefined when they are not linked by a simple verb phrase (then co-occurrence is used).
 * Active verbs become their lemma plus a trailing preposition ("worked at" → work_at); passives
 * keep the participle, whose lemma would lose the meaning ("was born in" → born_in, not bear_in).
 * A negation is kept ("was not founded by" → not_founded_by).
 */
export function verbRelation(gap: readonly Token[]): string | undefined {
  if (gap.length === 0 || gap.length > MAX_GAP) return undefined;
  // A capitalised "verb" mid-sentence is a mis-tagged name ("met Ted Kennedy").
  const firstVerb = gap.findIndex((t) => t.pos === 'VERB' && !/^\p{Lu}/u.test(t.text));
  if (firstVerb < 0) return undefined;
  for (let i = 0; i < firstVerb; i++) if (!BEFORE_VERB.has(gap[i]!.pos)) return undefined;
  for (let i = firstVerb + 1; i < gap.length; i++) if (!AFTER_VERB.has(gap[i]!.pos)) return undefined;

  let v = firstVerb;
  for (let i = firstVerb + 1; i < gap.length; i++) if (gap[i]!.pos === 'VERB' && !/^\p{Lu}/u.test(gap[i]!.text)) v = i;
  const verb = gap[v]!;
  const before = gap.slice(0, v);
  const negated = before.some((t) => /^(not|n't|never)$/i.test(t.text));
  const passive = before.some((t) => t.pos === 'AUX' && (t.lemma === 'be' || t.lemma === 'get')) && !/ing$/i.test(verb.text);
  let name = passive ? verb.text.toLowerCase() : verb.lemma.toLowerCase();
  // The preposition that introduces B ("at the University" → at), if it follows the verb.
  for (let i = gap.length - 1; i > v; i--) {
    const t = gap[i]!;
    if (t.pos === 'ADP' || (t.pos === 'PART' && t.text.toLowerCase() !== 'not')) {
      name += `_${t.text.toLowerCase()}`;
      break;
    }
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NUM') break;
  }
  const rel = snake((negated ? 'not_' : '') + name);
  return rel || undefined;
}

/** Prepositions that tie two adjacent names into one fact: "the war against China in 1894", "Japan at Pearl Harbor". */
export const TYING_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'near', 'during', 'since']);

/**
 * Names the relation between two entities joined only by a preposition ("China in 1894",
 * "signed in Washington on January 1, 1942" → in / on), or undefined. A comma, a conjunction or
 * any other word between them means a list or a clause, not one fact.
 */
export function prepositionRelation(gap: readonly Token[]): string | undefined {
  const words = gap.filter((t) => t.pos !== 'DET');
  if (words.length !== 1 || gap.length > 2) return undefined;
  const p = words[0]!.text.toLowerCase();
  return words[0]!.pos === 'ADP' && TYING_PREPOSITIONS.has(p) ? p : undefined;
}

/** The relation from a glossary term to the names its definition cites. */
export const REFERS_TO = 'refers_to';

/**
 * Links each term a glossary defines to the names and dates cited in its definition (up to the
 * next defined term): "Application Visualisation System … supported by … Convex, DEC, IBM".
 * `mentions` are in text order; a term's own mention is the one starting where its line starts.
 */
export function definitionLinks(
  terms: readonly DefinedTerm[],
  mentions: ReadonlyArray<Readonly<{ start: number; proper: boolean; kind: string; defined?: boolean }>>,
): Array<{ a: number; b: number; relation: string }> {
  const heads = terms.filter((t) => t.aliasOf === undefined);
  const out: Array<{ a: number; b: number; relation: string }> = [];
  let m = 0;
  heads.forEach((t, h) => {
    const bodyEnd = heads[h + 1]?.start ?? Number.POSITIVE_INFINITY;
    while (m < mentions.length && mentions[m]!.start < t.start) m++;
    const self = m < mentions.length && mentions[m]!.start === t.start && mentions[m]!.defined ? m : -1;
    if (self < 0) return;
    for (let k = self + 1; k < mentions.length && mentions[k]!.start < bodyEnd; k++) {
      const x = mentions[k]!;
      if (!x.defined && (x.proper || x.kind === 'date')) out.push({ a: self, b: k, relation: REFERS_TO });
    }
  });
  return out;
}
