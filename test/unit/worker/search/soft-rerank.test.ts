import { describe, expect, it } from 'vitest';

import { softRerank } from '../../../../electron/worker/search/soft-rerank';
import type { VectorHit } from '../../../../electron/worker/stores';

const hit = (id: string, text: string, score: number): VectorHit => ({ row: { id, nodeId: id, dataId: 'd', chunkId: id, text, start: 0, end: text.length }, score });

describe('soft re-ranking', () => {
  const candidates = [hit('a', 'keyword keyword', 10), hit('b', 'the paraphrase', 8), hit('c', 'noise', 2)];
  const soft = (text: string) => (text.includes('paraphrase') ? 1 : 0);

  it('moves a candidate that matches in meaning above a stronger keyword hit', () => {
    expect(softRerank(candidates, soft, 0.4).map((h) => h.row.id)).toEqual(['b', 'a', 'c']);
  });

  it('keeps the fused order at weight 0, with scores scaled by the best', () => {
    const out = softRerank(candidates, soft, 0);
    expect(out.map((h) => [h.row.id, h.score])).toEqual([
      ['a', 1],
      ['b', 0.8],
      ['c', 0.2],
    ]);
  });

  it('orders equal scores by content, whatever order the candidates came in', () => {
    const tied = [hit('x', 'same score one', 5), hit('y', 'same score two', 5)];
    const one = softRerank(tied, () => 0, 0.4).map((h) => h.row.id);
    const two = softRerank([...tied].reverse(), () => 0, 0.4).map((h) => h.row.id);
    expect(one).toEqual(two);
  });
});
