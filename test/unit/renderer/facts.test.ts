import { describe, expect, it } from 'vitest';

import { evidenceExcerpt, factParts, factSentence, relationPhrase } from '../../../renderer/src/features/search/facts';

const t = (source: string, relation: string, target: string) => ({ source: { name: source }, relation, target: { name: target } });

describe('relationPhrase', () => {
  it('turns underscores into words', () => {
    expect(relationPhrase('works_at')).toBe('works at');
    expect(relationPhrase('DISCOVERED')).toBe('discovered');
    expect(relationPhrase('born__in ')).toBe('born in');
  });
  it('gives the fixed relation names words that read', () => {
    expect(relationPhrase('co_occurs_with')).toBe('is mentioned together with');
    expect(relationPhrase('is_a')).toBe('is a');
  });
  it('never returns an empty phrase', () => {
    expect(relationPhrase('_')).toBe('is related to');
  });
});

describe('factSentence', () => {
  it('reads as a sentence, not `a co_occurs_with b`', () => {
    expect(factSentence(t('Ahab', 'co_occurs_with', 'Moby Dick'))).toBe('Ahab is mentioned together with Moby Dick.');
    expect(factSentence(t('Marie Curie', 'discovered', 'radium'))).toBe('Marie Curie discovered radium.');
    expect(factSentence(t('Marie Curie', 'discovered', 'radium'))).not.toMatch(/_/);
  });
  it('does not double a final period', () => {
    expect(factSentence(t('A', 'works_at', 'Acme Inc.'))).toBe('A works at Acme Inc.');
  });
  it('keeps names as written, trimmed', () => {
    expect(factParts(t(' Paris ', 'is_part_of', 'France'))).toEqual({ source: 'Paris', phrase: 'is part of', target: 'France' });
  });
});

describe('evidenceExcerpt', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  it('keeps a short passage whole (spaces tidied)', () => {
    expect(evidenceExcerpt('Lincoln  spoke\nat Gettysburg.', ['Lincoln'])).toBe('Lincoln spoke at Gettysburg.');
  });
  it('shows the part of a long passage around the first mention, cut at spaces', () => {
    const text = `${filler(200)} Abraham Lincoln delivered the address. ${filler(200)}`;
    const out = evidenceExcerpt(text, ['Gettysburg', 'Abraham Lincoln'], 200);
    expect(out).toContain('Abraham Lincoln delivered the address.');
    expect(out.startsWith('…word')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(202);
  });
  it('falls back to the start when neither name is in the passage', () => {
    expect(evidenceExcerpt(filler(200), ['Nobody'], 50)).toMatch(/^word0 word1 .*…$/);
  });
});
