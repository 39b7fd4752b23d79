/**
 * The sentence of a passage that best answers a query, so a result can show the answer and not
 * only the page (issue 15, part 4). Scored by how well the sentence covers the query's words in
 * meaning when the embedder offers it (word vectors: "ill" finds "sick"), else by the share of
 * the query's words it contains. Pure given `softMatch`.
 */
import { matchedTerms } from '../../../shared/search-terms';
import { splitSentences } from '../ingest/chunk';

/** A passage this short is its own answer; marking all of it would say nothing. */
const MIN_PASSAGE_SENTENCES = 2;
/**
 * Below this a sentence is not an answer, only the best of a weak passage: the word-vector soft
 * match gives unrelated sentences ~0.05–0.1 and one that shares a topic word ~0.3 (measured on
 * the e2e manual page and the Gettysburg Address).
 */
const MIN_SCORE = 0.25;

/**
 * [start, end) of the best sentence within `text`, or null when the passage has one sentence or
 * no sentence covers the query well enough (MIN_SCORE). Ties go to the earlier sentence.
 */
export function answerSentence(text: string, terms: readonly string[], softMatch?: (text: string) => number): [number, number] | null {
  if (terms.length === 0) return null;
  const sentences = splitSentences(text);
  if (sentences.length < MIN_PASSAGE_SENTENCES) return null;
  let best: [number, number] | null = null;
  let bestScore = MIN_SCORE - Number.EPSILON;
  for (const [s, e] of sentences) {
    const sentence = text.slice(s, e);
    const exact = matchedTerms(sentence, terms).length / terms.length;
    // The exact share breaks ties between sentences the soft match scores alike.
    const score = (softMatch ? softMatch(sentence) : 0) + exact * 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = [s, e];
    }
  }
  return best;
}
