import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/domain/errors';
import { createWordVectorEmbedder, type WordVectorEmbedder } from '../../../../electron/worker/ingest/embed/word-vector-embedder';
import { cosine, isUsableVector } from '../../../../electron/worker/ingest/embed/vector-math';

let embedder: WordVectorEmbedder;

beforeAll(async () => {
  try {
    embedder = await createWordVectorEmbedder();
  } catch (e) {
    // Deliberately a failure, not a skip: CI runs `npm install`, whose postinstall builds the table.
    if (e instanceof AppError && e.code === 'not_found') {
      throw new Error(`The word-vector table is missing, so these tests cannot run. Build it with \`node scripts/build-word-vectors.mjs\` (npm's postinstall does this). ${e.message}`);
    }
    throw e;
  }
});

const norm = (v: Float32Array) => Math.hypot(...v);

describe('WordVectorEmbedder', () => {
  it('has a stable id and 100 dimensions', () => {
    expect(embedder.id).toBe('glove-sg100d-50k-sif@1');
    expect(embedder.dimension).toBe(100);
  });

  it('places "physician…clinic" near "doctor…hospital" and far from stock prices', async () => {
    const [a, b, c] = await embedder.embed([
      'physician treated the patient in the clinic',
      'doctor cared for the sick man at the hospital',
      'Stock prices fell sharply',
    ]);
    const related = cosine(a!, b!);
    const unrelated = cosine(a!, c!);
    expect(related).toBeGreaterThan(0.6);
    expect(related - unrelated).toBeGreaterThan(0.4);
  });

  it('ranks a paraphrase above a sentence sharing only the frame', async () => {
    const [cat, kitten, table] = await embedder.embed(['The cat rested on the carpet.', 'The kitten slept on the rug.', 'The table was in the drawing room.']);
    expect(cosine(cat!, kitten!)).toBeGreaterThan(cosine(cat!, table!));
  });

  it('is deterministic across calls and instances', async () => {
    const texts = ['The whale surfaced near the ship.', '', 'Ishmael'];
    const first = await embedder.embed(texts);
    const again = await embedder.embed(texts);
    const other = await (await createWordVectorEmbedder()).embed(texts);
    for (let i = 0; i < texts.length; i++) {
      expect(Array.from(again[i]!)).toEqual(Array.from(first[i]!));
      expect(Array.from(other[i]!)).toEqual(Array.from(first[i]!));
    }
  });

  it('returns unit-length vectors', async () => {
    const vs = await embedder.embed(['A short one.', 'A considerably longer sentence about the history of medicine in nineteenth-century Europe.', 'the the the']);
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(100);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('gives empty, punctuation-only and unknown-word texts a finite, non-zero, unit vector', async () => {
    const texts = ['', '   ', '?!…', '12345 67890', 'Zxqvbnm Qwrtzpk', '北京大学'];
    const vs = await embedder.embed(texts);
    vs.forEach((v) => {
      expect(isUsableVector(v)).toBe(true);
      expect(norm(v)).toBeCloseTo(1, 5);
    });
    // Different unknown texts do not collapse onto one vector.
    expect(cosine(vs[3]!, vs[4]!)).toBeLessThan(0.99);
  });

  it('expands clitics and splits unknown hyphenated words', async () => {
    const [a, b, c, d] = await embedder.embed(['It doesn\u2019t work', 'It does not work', 'a physician-staffed clinic', 'a physician staffed clinic']);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
    expect(cosine(c!, d!)).toBeCloseTo(1, 5);
  });

  it('embeds a batch of 1,000 sentences, each as if alone', async () => {
    const subjects = ['The doctor', 'A sailor', 'The committee', 'My neighbour', 'The old captain'];
    const verbs = ['discussed', 'ignored', 'praised', 'rebuilt', 'described'];
    const objects = ['the harbour', 'a new law', 'the hospital budget', 'an ancient map', 'the storm'];
    const texts = Array.from({ length: 1_000 }, (_, i) => `${subjects[i % 5]} ${verbs[Math.floor(i / 5) % 5]} ${objects[Math.floor(i / 25) % 5]} on day ${i}.`);
    const vs = await embedder.embed(texts);
    expect(vs).toHaveLength(1_000);
    expect(vs.every((v) => v.length === 100 && isUsableVector(v))).toBe(true);
    expect(Array.from(vs[637]!)).toEqual(Array.from(embedder.embedOne(texts[637]!)));
  });
});
