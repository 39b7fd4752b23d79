import { LOCATIVE_PREPOSITIONS, MALE_PRONOUNS, PERSON_VERBS } from './lexicon';
import type { Token } from './wink';

/** How many tokens after a name a pronoun may refer back to it. */
const PRONOUN_WINDOW = 8;

/**
 * What the words around one mention of an untyped name say about its kind: "in Holland", "near
 * the Wabash" → place; "Yojo had told him", "cried Ahab", "I, Ishmael," → person.
 */
export function contextKind(toks: readonly Token[], tokStart: number, tokEnd: number): 'person' | 'place' | undefined {
  let p = tokStart - 1;
  while (p >= 0 && toks[p]!.pos === 'DET') p--;
  const before = toks[p];
  const modifier = toks[tokEnd]?.pos === 'NOUN'; // "in JSON objects": JSON modifies the noun, it is not where
  const numbered = toks.slice(tokStart, tokEnd).some((t) => /\d/.test(t.text)); // "in RFC 1321", "into IEEE 754": standards, not places
  if (before && LOCATIVE_PREPOSITIONS.has(before.text.toLowerCase()) && !modifier && !numbered) return 'place';
  if (before && before.pos === 'VERB' && PERSON_VERBS.has(before.lemma.toLowerCase()) && toks[tokStart - 1] === before) return 'person';
  if (before?.text === ',' && toks[p - 1]?.text === 'I') return 'person';
  let n = tokEnd;
  while (n < toks.length && (toks[n]!.pos === 'ADV' || toks[n]!.pos === 'AUX' || toks[n]!.pos === 'PART')) n++;
  const after = toks[n];
  if (after && after.pos === 'VERB' && PERSON_VERBS.has(after.lemma.toLowerCase())) return 'person';
  // "Queequeg now gave me to understand, that he had been…": a male pronoun before any other name.
  for (let k = tokEnd; k < Math.min(toks.length, tokEnd + PRONOUN_WINDOW); k++) {
    if (toks[k]!.pos === 'PROPN') break;
    if (MALE_PRONOUNS.has(toks[k]!.text.toLowerCase())) return 'person';
  }
  return undefined;
}
