import { describe, expect, it } from 'vitest';

import { TopK, VectorMatrix, normalizeInPlace } from '../../../electron/worker/vectors/vector-matrix';
import { rng } from '../../bench/lib/stats';

/** Deterministic pseudo-random numbers in [-0.5, 0.5). */
function random(seed: number): () => number {
  const r = rng(seed);
  return () => r() - 0.5;
}

function unitRows(rows: number, dim: number, seed: number): Float32Array {
  const r = random(seed);
  const m = new Float32Array(rows * dim);
  for (let i = 0; i < m.length; i++) m[i] = r();
  for (let base = 0; base < m.length; base += dim) normalizeInPlace(m, base, dim);
  return m;
}

const key = (i: number) => `row-${String(i).padStart(6, '0')}`;

/** Every row scored and sorted: what topK must agree with. */
function bruteForce(m: Float32Array, dim: number, q: Float32Array, k: number): { index: number; score: number }[] {
  const qn = normalizeInPlace(Float32Array.from(q));
  const all: { index: number; score: number }[] = [];
  for (let r = 0; r < m.length / dim; r++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += m[r * dim + j]! * qn[j]!;
    all.push({ index: r, score: s });
  }
  return all.sort((a, b) => b.score - a.score || (key(a.index) < key(b.index) ? -1 : 1)).slice(0, k);
}

describe('VectorMatrix', () => {
  it('finds the same top k as scoring every row, best first, for several dimensions', () => {
    for (const dim of [1, 3, 4, 7, 100]) {
      const m = unitRows(2000, dim, dim);
      const matrix = new VectorMatrix([m], dim, key);
      const q = unitRows(1, dim, 1000 + dim);
      const got = matrix.topK(q, 30);
      const want = bruteForce(m, dim, q, 30);
      expect(got.map((s) => s.index)).toEqual(want.map((s) => s.index));
      for (let i = 0; i < got.length; i++) expect(got[i]!.score).toBeCloseTo(want[i]!.score, 5);
    }
  });

  it('numbers rows on across blocks, and blocks change nothing in the answer', () => {
    const dim = 8;
    const m = unitRows(1000, dim, 7);
    const q = unitRows(1, dim, 8);
    const whole = new VectorMatrix([m], dim, key).topK(q, 25);
    const parts = new VectorMatrix([m.subarray(0, 300 * dim), m.subarray(300 * dim, 301 * dim), m.subarray(301 * dim)], dim, key);
    expect(parts.rows).toBe(1000);
    expect(parts.topK(q, 25)).toEqual(whole);
  });

  it('breaks equal scores by key, whatever order the rows are stored in', () => {
    const dim = 4;
    // Rows 0..9 all the same vector: every score ties.
    const m = new Float32Array(10 * dim);
    for (let r = 0; r < 10; r++) m.set([0.5, 0.5, 0.5, 0.5], r * dim);
    const keys = ['j', 'c', 'h', 'a', 'f', 'b', 'i', 'e', 'g', 'd'];
    const matrix = new VectorMatrix([m], dim, (i) => keys[i]!);
    const top = matrix.topK(Float32Array.from([1, 1, 1, 1]), 4);
    expect(top.map((s) => keys[s.index])).toEqual(['a', 'b', 'c', 'd']);
    // Reversed storage, same answer.
    const reversed = [...keys].reverse();
    const again = new VectorMatrix([m], dim, (i) => reversed[i]!).topK(Float32Array.from([1, 1, 1, 1]), 4);
    expect(again.map((s) => reversed[s.index])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('scores are cosine similarities: query length does not matter', () => {
    const m = Float32Array.from([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2]);
    const matrix = new VectorMatrix([m], 2, key);
    const top = matrix.topK(Float32Array.from([10, 0]), 3);
    expect(top.map((s) => s.index)).toEqual([0, 2, 1]);
    expect(top[0]!.score).toBeCloseTo(1, 6);
    expect(top[1]!.score).toBeCloseTo(Math.SQRT1_2, 6);
    expect(top[2]!.score).toBeCloseTo(0, 6);
  });

  it('returns every row when k exceeds them, nothing for k ≤ 0 or no rows, and refuses a wrong-sized query', () => {
    const m = unitRows(5, 3, 1);
    const matrix = new VectorMatrix([m], 3, key);
    expect(matrix.topK(unitRows(1, 3, 2), 50)).toHaveLength(5);
    expect(matrix.topK(unitRows(1, 3, 2), 0)).toEqual([]);
    expect(new VectorMatrix([], 3, key).topK(unitRows(1, 3, 2), 5)).toEqual([]);
    expect(() => matrix.topK(new Float32Array(4), 2)).toThrow(RangeError);
    expect(() => new VectorMatrix([new Float32Array(5)], 3, key)).toThrow(RangeError);
  });

  it('a zero query scores every row 0 and still ranks by key', () => {
    const matrix = new VectorMatrix([unitRows(6, 3, 3)], 3, key);
    const top = matrix.topK(new Float32Array(3), 3);
    expect(top.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(top.every((s) => s.score === 0)).toBe(true);
  });
});

describe('normalizeInPlace', () => {
  it('makes a row unit length, leaves zeros alone, and touches only its range', () => {
    const v = Float32Array.from([3, 4, 0, 0, 9]);
    normalizeInPlace(v, 0, 2);
    expect(v[0]).toBeCloseTo(0.6, 6);
    expect(v[1]).toBeCloseTo(0.8, 6);
    normalizeInPlace(v, 2, 2);
    expect([v[2], v[3], v[4]]).toEqual([0, 0, 9]);
  });
});

describe('TopK', () => {
  it('keeps the best k of a stream regardless of arrival order, ignoring NaN', () => {
    const scores = [0.1, 0.9, 0.5, Number.NaN, 0.9, 0.3, 0.7, 0.5];
    const keys = ['h', 'b', 'e', 'x', 'a', 'g', 'c', 'd'];
    const forward = new TopK(4, (i) => keys[i]!);
    scores.forEach((s, i) => forward.offer(i, s));
    const backward = new TopK(4, (i) => keys[i]!);
    [...scores.keys()].reverse().forEach((i) => backward.offer(i, scores[i]!));
    const want = ['a', 'b', 'c', 'd'];
    expect(forward.sorted().map((s) => keys[s.index])).toEqual(want);
    expect(backward.sorted().map((s) => keys[s.index])).toEqual(want);
  });
});
