import { describe, expect, it } from 'vitest';
import { HashingEmbedder } from '../../../../electron/worker/ingest/embed/hashing-embedder';
import { cosine, isUsableVector } from '../../../../electron/worker/ingest/embed/vector-math';

describe('HashingEmbedder', () => {
  const e = new HashingEmbedder();

  it('has id hashing-256@1 and 256 dimensions', async () => {
    expect(e.id).toBe('hashing-256@1');
    expect(e.dimension).toBe(256);
    const [v] = await e.embed(['hello world']);
    expect(v).toHaveLength(256);
  });

  it('is deterministic across instances', async () => {
    const texts = ['Marie Curie discovered polonium.', ''];
    const a = await e.embed(texts);
    const b = await new HashingEmbedder().embed(texts);
    expect(Array.from(a[0]!)).toEqual(Array.from(b[0]!));
    expect(Array.from(a[1]!)).toEqual(Array.from(b[1]!));
  });

  it('returns unit vectors, never all zeros, even for empty text', async () => {
    for (const v of await e.embed(['', '...', 'one', 'a longer sentence with several words in it'])) {
      expect(isUsableVector(v)).toBe(true);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });

  it('puts near-duplicates closer than unrelated texts', async () => {
    const [a, b, c] = await e.embed([
      'The quarterly report shows revenue growth in the European market.',
      'The quarterly reports show revenue growth in European markets.',
      'Whales migrate thousands of miles every winter.',
    ]);
    expect(cosine(a!, b!)).toBeGreaterThan(0.5);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!) + 0.4);
  });

  it('supports another dimension and rejects silly ones', () => {
    expect(new HashingEmbedder(64).id).toBe('hashing-64@1');
    expect(() => new HashingEmbedder(0)).toThrow(RangeError);
  });
});
