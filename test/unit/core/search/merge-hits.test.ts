import { describe, expect, it } from 'vitest';

import { mergeByScore } from '../../../../electron/core/search/merge-hits';
import type { DatasetSearchResult, SearchHit } from '../../../../shared/contract/search';

const hit = (text: string, score: number): SearchHit => ({ kind: 'chunk', score, text });
const result = (datasetId: string, datasetName: string, hits: SearchHit[]): DatasetSearchResult => ({ datasetId, datasetName, hits });

describe('mergeByScore', () => {
  it('ranks by score across datasets, not by dataset or by rank inside each dataset', () => {
    // Each dataset's first hit: rank-based fusion gave both the same credit; the score tells them apart.
    const merged = mergeByScore(
      [result('a', 'Aardvark manual', [hit('gpg --list-keys', 0.016), hit('gpg --sign', 0.015)]), result('z', 'Zebra speeches', [hit('the civil war', 0.033), hit('the union', 0.02)])],
      ['civil', 'war'],
    );
    expect(merged.map((h) => `${h.datasetName}: ${h.text}`)).toEqual(['Zebra speeches: the civil war', 'Zebra speeches: the union', 'Aardvark manual: gpg --list-keys', 'Aardvark manual: gpg --sign']);
  });
  it('breaks equal scores by the query words a hit contains, then by dataset name', () => {
    const merged = mergeByScore(
      [result('a', 'Aardvark', [hit('the keys', 0.03)]), result('m', 'Middle', [hit('the war', 0.03)]), result('z', 'Zebra', [hit('the civil war', 0.03)])],
      ['civil', 'war'],
    );
    expect(merged.map((h) => h.datasetName)).toEqual(['Zebra', 'Middle', 'Aardvark']);
    expect(merged.map((h) => h.matchedTerms)).toEqual([['civil', 'war'], ['war'], []]);
  });
  it('keeps every hit, with its dataset', () => {
    const merged = mergeByScore([result('a', 'A', [hit('x', 1), hit('x', 1)])], []);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ datasetId: 'a', datasetName: 'A', matchedTerms: [] });
  });
});
