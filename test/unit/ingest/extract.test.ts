import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../electron/worker/ingest/chunk';
import { CO_OCCURRENCE, extractEntities } from '../../../electron/worker/ingest/extract';
import type { ExtractedEntity, Extraction, ParsedDocument } from '../../../electron/worker/ingest/types';
import { sotuTexts } from '../../fixtures/prose';

const CURIE = [
  'Marie Curie was born in Warsaw in 1867.',
  'Curie later worked at the University of Paris.',
  'In 1898 Marie Curie discovered polonium, and she named the element after Poland.',
  'The Nobel Prize in Chemistry was awarded to Curie on 10 December 1911.',
  'She visited Albert Einstein in Brussels, where the Solvay Conference met.',
].join(' ');

function run(text: string, maxChars = 120): { doc: ParsedDocument; ex: Extraction } {
  const doc: ParsedDocument = { text, format: 'text' };
  return { doc, ex: extractEntities(doc, chunkText(text, { maxChars, overlapChars: 30 })) };
}

const find = (ex: Extraction, key: string): ExtractedEntity | undefined => ex.entities.find((e) => e.key === key);

describe('extractEntities', () => {
  it('finds people, places, organisations and dates in a hand-written paragraph', () => {
    const { ex } = run(CURIE);
    const kinds = Object.fromEntries(ex.entities.map((e) => [e.key, e.kind]));
    expect(kinds).toMatchObject({
      'marie curie': 'person',
      'albert einstein': 'person',
      warsaw: 'place',
      brussels: 'place',
      poland: 'place',
      'university of paris': 'organization',
      '1867': 'date',
      '10 december 1911': 'date',
    });
    expect(kinds['polonium']).toBe('concept');
    // No junk: stopwords, pronouns, sentence-initial common words.
    for (const junk of ['she', 'the', 'in', 'where', 'i']) expect(kinds[junk]).toBeUndefined();
  });

  it('merges a lone surname into the one full name, keeping every mention with exact offsets', () => {
    const { doc, ex } = run(CURIE);
    expect(find(ex, 'curie')).toBeUndefined();
    const curie = find(ex, 'marie curie')!;
    expect(curie.name).toBe('Marie Curie');
    const surfaces = curie.mentions.map((m) => doc.text.slice(m.start, m.end));
    expect(surfaces).toEqual(['Marie Curie', 'Curie', 'Marie Curie', 'Curie']);
    const chunks = chunkText(doc.text, { maxChars: 120, overlapChars: 30 });
    for (const e of ex.entities) {
      for (const m of e.mentions) {
        const c = chunks[m.chunkIndex]!;
        expect(m.start).toBeGreaterThanOrEqual(c.start);
        expect(m.end).toBeLessThanOrEqual(c.end);
      }
    }
    expect(curie.description).toBe('Marie Curie was born in Warsaw in 1867.');
  });

  it('does not merge a surname shared by two people', () => {
    const { ex } = run('Marie Curie and Pierre Curie shared a laboratory. Curie was tired.');
    expect(find(ex, 'marie curie')?.mentions).toHaveLength(1);
    expect(find(ex, 'pierre curie')?.mentions).toHaveLength(1);
  });

  it('names relations by the linking verb, or by the preposition that ties two names', () => {
    const { ex } = run(CURIE);
    const rel = (s: string, t: string): string[] => ex.relations.filter((r) => r.sourceKey === s && r.targetKey === t).map((r) => r.relation);
    expect(rel('marie curie', 'warsaw')).toContain('born_in');
    expect(rel('marie curie', 'university of paris')).toContain('work_at');
    expect(rel('marie curie', 'polonium')).toContain('discover');
    // "She visited Albert Einstein in Brussels": no verb between the two names, but "in" ties them.
    expect(rel('albert einstein', 'brussels')).toEqual(['in']);
    // Seen together in one sentence only: not enough evidence for co-occurrence (issue 16).
    expect(ex.relations.filter((r) => r.relation === CO_OCCURRENCE)).toEqual([]);
    for (const r of ex.relations) {
      expect(r.relation).toMatch(/^[a-z0-9_]+$/);
      expect(r.sourceKey).not.toBe(r.targetKey);
      expect(find(ex, r.sourceKey)).toBeDefined();
      expect(find(ex, r.targetKey)).toBeDefined();
    }
  });

  it('keeps offsets exact and entities sensible on real speeches', () => {
    const text = sotuTexts(3, true).join('\n\n');
    const { doc, ex } = run(text, 1200);
    expect(ex.entities.length).toBeGreaterThan(50);
    for (const e of ex.entities) {
      expect(e.key).toBe(e.key.toLowerCase());
      expect(e.description.length).toBeLessThanOrEqual(241);
      // Surfaces may be plural ("lives" → life) or a merged surname ("Curie" → marie curie).
      for (const m of e.mentions) expect(e.key).toContain(doc.text.slice(m.start, m.end).toLowerCase().slice(0, 2));
    }
    const kinds = new Set(ex.entities.map((e) => e.kind));
    for (const k of ['person', 'place', 'organization', 'date', 'concept'] as const) expect(kinds).toContain(k);
    expect(find(ex, 'congress')?.kind).toBe('organization');
    expect(find(ex, 'america')?.kind).toBe('place');
  });

  it('copes with empty text and a 5 MB run without spaces', () => {
    expect(run('').ex).toEqual({ entities: [], relations: [] });
    const blob = `Marie Curie lived in Paris. ${'x'.repeat(5_000_000)} Pierre Curie lived in Paris too.`;
    const { doc, ex } = run(blob, 1200);
    expect(ex.entities.map((e) => e.key)).toEqual(expect.arrayContaining(['marie curie', 'pierre curie', 'paris']));
    const last = find(ex, 'pierre curie')!.mentions[0]!;
    expect(doc.text.slice(last.start, last.end)).toBe('Pierre Curie');
  });
});
