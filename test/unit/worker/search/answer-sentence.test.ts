import { describe, expect, it } from 'vitest';

import { answerSentence } from '../../../../electron/worker/search/answer-sentence';

const passage = 'The whale surfaced at dawn. Ahab ordered the boats lowered at once. The crew rowed until noon, and the sea was calm.';
const sentence = (r: [number, number] | null) => (r ? passage.slice(r[0], r[1]) : null);

describe('answer sentence', () => {
  it('picks the sentence holding most of the query words', () => {
    expect(sentence(answerSentence(passage, ['boats', 'lowered', 'ahab']))).toBe('Ahab ordered the boats lowered at once.');
    expect(sentence(answerSentence(passage, ['crew', 'noon']))).toBe('The crew rowed until noon, and the sea was calm.');
  });

  it('uses the soft match, so a sentence that says it in other words wins', () => {
    const soft = (s: string) => (s.includes('rowed') ? 0.9 : 0.1);
    expect(sentence(answerSentence(passage, ['paddled'], soft))).toBe('The crew rowed until noon, and the sea was calm.');
  });

  it('marks nothing when no sentence covers the query, or the passage is one sentence', () => {
    expect(answerSentence(passage, ['harpoon'])).toBeNull();
    expect(answerSentence('Ahab ordered the boats lowered.', ['boats'])).toBeNull();
    expect(answerSentence(passage, [])).toBeNull();
  });

  it('breaks a tie toward the earlier sentence', () => {
    const tied = 'A cat sat. A cat ran. Dogs.';
    expect(answerSentence(tied, ['cat'])).toEqual([0, 'A cat sat.'.length]);
  });
});
