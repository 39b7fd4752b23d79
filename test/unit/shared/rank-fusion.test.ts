import { describe, expect, it } from 'vitest';

import { reciprocalRankFusion, weightedScoreFusion } from '../../../shared/rank-fusion';

describe('reciprocal-rank fusion', () => {
  it('rewards items ranked well in several lists', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['b', 'a', 'd'], ['b']], (x) => x);
    expect(fused[0]!.item).toBe('b');
    expect(fused.map((f) => f.item).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('is the standard formula with k = 60', () => {
    const [only] = reciprocalRankFusion([['x']], (x) => x);
    expect(only!.score).toBeCloseTo(1 / 61, 12);
  });
});

describe('weighted fusion', () => {
  it('lets a heavier list decide where plain reciprocal rank would tie', () => {
    // 'a' leads list 0, 'b' leads list 1: equal weights tie them (then the key decides); weights do not.
    const lists = [['a', 'b'], ['b', 'a']];
    expect(reciprocalRankFusion(lists, (x) => x, 60, [1, 3])[0]!.item).toBe('b');
    expect(reciprocalRankFusion(lists, (x) => x, 60, [3, 1])[0]!.item).toBe('a');
  });

  it('leaves out a list of weight 0', () => {
    const fused = reciprocalRankFusion([['a'], ['b', 'c']], (x) => x, 60, [0, 1]);
    expect(fused.map((f) => f.item)).toEqual(['b', 'c']);
  });

  it('sums scores scaled by each list’s best, times the list’s weight', () => {
    type S = { id: string; s: number };
    const bm25: S[] = [{ id: 'a', s: 12 }, { id: 'b', s: 6 }];
    const cos: S[] = [{ id: 'b', s: 0.8 }, { id: 'c', s: 0.4 }];
    const fused = weightedScoreFusion([bm25, cos], (x) => x.id, (x) => x.s, [1, 0.5]);
    expect(fused.map((f) => [f.item.id, f.score])).toEqual([
      ['a', 1],
      ['b', 0.5 + 0.5],
      ['c', 0.25],
    ]);
    // a and b tie at 1: the key breaks it, so the order is the same every run.
    expect(fused[0]!.item.id).toBe('a');
  });

  it('keeps the items of a list with no positive score, at 0 from it (nearest vectors when no keyword matches)', () => {
    const fused = weightedScoreFusion([[{ id: 'a', s: -0.1 }, { id: 'c', s: -0.3 }], []], (x) => x.id, (x) => x.s, [0.25, 1]);
    expect(fused.map((f) => [f.item.id, f.score])).toEqual([
      ['a', 0],
      ['c', 0],
    ]);
  });
});
