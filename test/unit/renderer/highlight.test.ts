import { describe, expect, it } from 'vitest';

import { answerExcerpt, queryWords, splitHighlights, splitRange } from '../../../renderer/src/features/search/highlight';

describe('queryWords', () => {
  it('keeps distinct words of two letters or more, longest first, lower-cased', () => {
    expect(queryWords('Marie CURIE a marie, Warsaw!')).toEqual(['warsaw', 'marie', 'curie']);
  });
  it('handles letters beyond ASCII', () => {
    expect(queryWords('Łódź café')).toEqual(['łódź', 'café']);
  });
  it('leaves out stop words such as "the", "and", "of"', () => {
    expect(queryWords('The causes of the civil war and their end')).toEqual(['causes', 'civil', 'war', 'end']);
  });
});

describe('splitHighlights', () => {
  const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

  it('marks whole-word matches case-insensitively and keeps the text intact', () => {
    const text = 'Marie Curie was born in Warsaw; curie-notes mention CURIE.';
    const parts = splitHighlights(text, queryWords('curie'));
    expect(join(parts)).toBe(text);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Curie', 'curie', 'CURIE']);
  });
  it('does not mark matches inside a word, at its start or its end', () => {
    const parts = splitHighlights('restart the art of Artists', ['art']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['art']);
    expect(join(parts)).toBe('restart the art of Artists');
  });
  it('never marks "the" inside "their", nor stop words at all (issue 17)', () => {
    const text = 'Their war ended; the war of the states and their armies.';
    const parts = splitHighlights(text, queryWords('the war and their'));
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['war', 'war']);
    // Even if "the" is passed explicitly, it marks only the word "the", never "Their".
    expect(splitHighlights(text, ['the']).filter((p) => p.hit).map((p) => p.text)).toEqual(['the', 'the']);
  });
  it('finds whole words next to letters of other scripts and punctuation', () => {
    const parts = splitHighlights('Łódź, łódźka; «ŁÓDŹ»', ['łódź']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Łódź', 'ŁÓDŹ']);
  });
  it('escapes regular-expression characters in the query', () => {
    const parts = splitHighlights('C++ and (x) here', queryWords('c++ (x)'));
    expect(join(parts)).toBe('C++ and (x) here');
  });
  it('returns the text unmarked without words, and nothing for empty text', () => {
    expect(splitHighlights('abc', [])).toEqual([{ text: 'abc', hit: false }]);
    expect(splitHighlights('', ['a'])).toEqual([]);
  });
});

describe('splitRange', () => {
  it('splits around the cited range', () => {
    expect(splitRange('0123456789', 3, 6)).toEqual({ before: '012', passage: '345', after: '6789' });
  });
  it('clamps ranges outside the text instead of throwing', () => {
    expect(splitRange('abc', -5, 99)).toEqual({ before: '', passage: 'abc', after: '' });
    expect(splitRange('abc', 2, 1)).toEqual({ before: 'ab', passage: '', after: 'c' });
  });
});

describe('answerExcerpt', () => {
  const text = `${'Opening words of the passage. '.repeat(10)}The answer is here. Then more.`;
  const at = (s: string) => 1000 + text.indexOf(s);

  it('shows the whole passage with the answer range made relative when the answer is near its start', () => {
    const short = 'First. The answer. Last.';
    const out = answerExcerpt({ text: short, start: 50, answer: { start: 57, end: 68 } });
    expect(out.text).toBe(short);
    expect(out.answer && short.slice(...out.answer)).toBe('The answer.');
  });

  it('starts a long passage at its answer, after an ellipsis, so the preview shows it', () => {
    const out = answerExcerpt({ text, start: 1000, answer: { start: at('The answer'), end: at('The answer') + 'The answer is here.'.length } });
    expect(out.text.startsWith('… The answer is here.')).toBe(true);
    expect(out.answer && out.text.slice(...out.answer)).toBe('The answer is here.');
  });

  it('ignores an answer outside the passage or without one', () => {
    expect(answerExcerpt({ text, start: 1000 })).toEqual({ text, answer: null });
    expect(answerExcerpt({ text, start: 1000, answer: { start: 5, end: 5 } })).toEqual({ text, answer: null });
  });
});

describe('answerExcerpt and headings', () => {
  it('leaves out the headings a passage opens with, keeping the answer range right', () => {
    const text = 'Part One\n\nLoomings\n\nCall me Ishmael. Some years ago.';
    const out = answerExcerpt({ text, start: 100, headingPath: ['Part One', 'Loomings'], answer: { start: 100 + text.indexOf('Some'), end: 100 + text.length } });
    expect(out.text).toBe('Call me Ishmael. Some years ago.');
    expect(out.answer && out.text.slice(...out.answer)).toBe('Some years ago.');
  });

  it('keeps a first line that is not one of its headings', () => {
    const text = 'Loomings are here.\n\nMore.';
    expect(answerExcerpt({ text, start: 0, headingPath: ['Loomings'] }).text).toBe(text);
    expect(answerExcerpt({ text: 'Loomings', start: 0, headingPath: ['Loomings'] }).text).toBe('Loomings');
  });
});
