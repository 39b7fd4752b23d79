/**
 * The entity benchmark's gold set and scorer (issue 16), without running the extractor: the
 * fixture's shape and splits, the excerpts of the npm corpora (the Debian ones need the bench
 * cache, which the benchmark fills), and the scoring of hand-made extractions.
 */
import { describe, expect, it } from 'vitest';

import { ENTITY_KINDS } from '../../../shared/domain/graph';
import { GOLD_SPLITS, goldText, loadGold } from '../../bench/lib/entity-gold';
import type { GoldDocument } from '../../bench/lib/entity-gold';
import { normName, scoreDocument, summarise } from '../../bench/lib/entity-score';
import type { ScoredExtraction } from '../../bench/lib/entity-score';

const gold = loadGold();

describe('the gold set', () => {
  it('has at least six documents of four kinds, each kind in both splits', () => {
    expect(gold.length).toBeGreaterThanOrEqual(6);
    expect(new Set(gold.map((d) => d.id)).size).toBe(gold.length);
    const kinds = new Set(gold.map((d) => d.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    for (const k of kinds) for (const s of GOLD_SPLITS) expect(gold.some((d) => d.kind === k && d.split === s), `${k} ${s}`).toBe(true);
  });

  it('labels entities with product kinds, once each, and relations between labelled entities', () => {
    for (const d of gold) {
      expect(d.entities.length, d.id).toBeGreaterThanOrEqual(5);
      const names = new Map<string, string>();
      for (const e of d.entities) {
        expect(ENTITY_KINDS as readonly string[], `${d.id} ${e.name}`).toContain(e.kind);
        for (const n of [e.name, ...(e.aliases ?? [])]) {
          expect(names.get(normName(n)), `${d.id}: "${n}" names two entities`).toBeUndefined();
          names.set(normName(n), e.name);
        }
      }
      for (const a of d.acceptable) expect(names.has(normName(a)), `${d.id}: "${a}" is both gold and acceptable`).toBe(false);
      for (const r of d.relations) {
        expect(d.entities.some((e) => e.name === r.source), `${d.id} ${r.source}`).toBe(true);
        expect(d.entities.some((e) => e.name === r.target), `${d.id} ${r.target}`).toBe(true);
        expect(['verb', 'association']).toContain(r.type);
      }
    }
  });

  it('cuts a few KB out of each npm text, and every gold name occurs in its excerpt', async () => {
    for (const d of gold.filter((x) => x.source.corpus === 'sotu' || x.source.corpus === 'moby-dick')) {
      const { text } = await goldText(d);
      expect(text.length, d.id).toBeGreaterThan(2000);
      expect(text.length, d.id).toBeLessThan(8000);
      const lower = text.toLowerCase();
      for (const e of d.entities) expect([e.name, ...(e.aliases ?? [])].some((n) => lower.includes(n.toLowerCase())), `${d.id}: ${e.name}`).toBe(true);
    }
  });
});

const DOC: GoldDocument = {
  id: 'toy',
  split: 'dev',
  kind: 'speech',
  license: 'test',
  source: { corpus: 'sotu', file: 'x', from: '', to: '' },
  entities: [
    { name: 'Captain Ahab', kind: 'person', aliases: ['Ahab'] },
    { name: 'Nantucket', kind: 'place' },
    { name: 'Pequod', kind: 'concept' },
    { name: '1851', kind: 'date' },
  ],
  acceptable: ['whale'],
  relations: [
    { source: 'Captain Ahab', target: 'Pequod', type: 'verb' },
    { source: 'Nantucket', target: '1851', type: 'association' },
  ],
};
const TEXT = 'Captain Ahab sailed the Pequod from Nantucket in 1851. Ahab hunted the whale. The ship creaked.';
const at = (s: string, from = 0) => ({ start: TEXT.indexOf(s, from), end: TEXT.indexOf(s, from) + s.length });

describe('scoreDocument', () => {
  it('matches by normalised name or alias, counts split nodes and junk as wrong and acceptable names as neither', () => {
    const ex: ScoredExtraction = {
      entities: [
        { key: 'captain ahab', name: 'Captain Ahab', kind: 'person', mentions: [at('Captain Ahab'), at('Ahab', 20)] },
        { key: 'pequod', name: 'the Pequod', kind: 'place', mentions: [at('Pequod')] },
        { key: 'nantucket', name: 'Nantucket', kind: 'place', mentions: [at('Nantucket')] },
        { key: 'ahab', name: 'Ahab', kind: 'person', mentions: [at('Ahab', 20)] },
        { key: 'whale', name: 'whale', kind: 'concept', mentions: [at('whale')] },
        { key: 'ship', name: 'ship', kind: 'concept', mentions: [at('ship')] },
      ],
      relations: [
        { sourceKey: 'captain ahab', targetKey: 'pequod', relation: 'sail' },
        { sourceKey: 'nantucket', targetKey: 'pequod', relation: 'co_occurs_with' },
        { sourceKey: 'captain ahab', targetKey: 'whale', relation: 'hunt' },
      ],
    };
    const s = scoreDocument(DOC, TEXT, ex);
    expect(s.counts).toMatchObject({ gold: 4, predicted: 6, neutral: 1, matched: 3, duplicates: 1, kindRight: 2 });
    expect(s.missed).toEqual(['1851']);
    expect([...s.wrong].sort()).toEqual(['Ahab (split from Captain Ahab)', 'ship (concept)']);
    expect(s.wrongKind).toEqual(['the Pequod (place, gold concept)']);
    // Merges: Captain Ahab's two names are both in the text, and one entity carries both.
    expect(s.counts).toMatchObject({ goldMerges: 1, mergesFound: 1, predictedMerges: 1, mergesRight: 1, mergesWrong: 0 });
    // Relations: Ahab→Pequod right (and in the gold direction); Nantucket–Pequod wrong; the whale pair is neutral.
    expect(s.counts).toMatchObject({ goldRelations: 2, predictedPairs: 3, pairsRight: 1, pairsWrong: 1, relationsFound: 1, goldVerbFound: 1, verbDirectionRight: 1, coOccurrencePairs: 1 });
    const m = summarise(s.counts);
    expect(m.entityP).toBeCloseTo(3 / 5);
    expect(m.entityR).toBeCloseTo(3 / 4);
    expect(m.entityF1).toBeCloseTo((2 * 0.6 * 0.75) / 1.35);
    expect(m.relationP).toBeCloseTo(0.5);
    expect(m.relationR).toBeCloseTo(0.5);
  });

  it('scores an empty extraction as zero recall, not as an error', () => {
    const s = scoreDocument(DOC, TEXT, { entities: [], relations: [] });
    const m = summarise(s.counts);
    expect(m.entityR).toBe(0);
    expect(Number.isNaN(m.entityP)).toBe(true);
    expect(m.entityF1).toBe(0);
  });
});
