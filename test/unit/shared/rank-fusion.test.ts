import { describe, expect, it } from 'vitest';

import { reciprocalRankFusion } from '../../../shared/rank-fusion';

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
