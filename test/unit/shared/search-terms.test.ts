import { describe, expect, it } from 'vitest';

import { matchedTerms, queryTerms, STOP_WORDS } from '../../../shared/search-terms';

describe('queryTerms', () => {
  it('keeps the meaningful words, distinct, lower-cased, longest first', () => {
    expect(queryTerms('What ended the Civil War? The war, and the union.')).toEqual(['ended', 'civil', 'union', 'war']);
  });
  it('drops every stop word', () => {
    expect(queryTerms([...STOP_WORDS].join(' '))).toEqual([]);
  });
});

describe('matchedTerms', () => {
  it('lists the terms found as whole words, case-insensitively, in the given order', () => {
    expect(matchedTerms('The CIVIL war began in 1861.', ['civil', 'union', 'war'])).toEqual(['civil', 'war']);
  });
  it('does not count a term found only inside a longer word', () => {
    expect(matchedTerms('warfare and civilians', ['civil', 'war'])).toEqual([]);
  });
  it('is empty without terms', () => {
    expect(matchedTerms('anything', [])).toEqual([]);
  });
});
