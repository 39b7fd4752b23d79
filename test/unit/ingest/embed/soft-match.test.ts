import { describe, expect, it } from 'vitest';

import { WordSimilarity } from '../../../../electron/worker/ingest/embed/soft-match';
import type { WordVectorTable } from '../../../../electron/worker/ingest/embed/word-vector-table';

/** A table of 2-d vectors, rows in frequency order (row = rank). */
function table(rows: Record<string, [number, number]>): WordVectorTable {
  const words = Object.keys(rows);
  return {
    dir: '(test)',
    meta: { format: 1, dimension: 2, count: words.length, source: 'test', version: '1', sourceVocabularySize: words.length },
    words,
    index: new Map(words.map((w, i) => [w, i])),
    vectors: Float32Array.from(words.flatMap((w) => rows[w]!)),
  };
}

// "folder" and "directory" point the same way; "banana" is orthogonal to both.
const t = table({ remove: [1, 0.1], delete: [1, 0.12], folder: [0.1, 1], directory: [0.12, 1], banana: [-1, 0.1] });

describe('soft word matching', () => {
  const sim = new WordSimilarity(t);

  it('scores a paraphrase close to the words themselves, and unrelated text at 0', () => {
    const exact = sim.softMatch(['remove', 'folder'], 'remove the folder', 0.5);
    const paraphrase = sim.softMatch(['remove', 'folder'], 'Delete an entire directory tree', 0.5);
    const unrelated = sim.softMatch(['remove', 'folder'], 'a banana', 0.5);
    expect(exact).toBe(1);
    expect(paraphrase).toBeGreaterThan(0.95);
    expect(paraphrase).toBeLessThan(1);
    expect(unrelated).toBe(0);
  });

  it('counts a word the table lacks only where it appears verbatim, and weighs it most', () => {
    // "rmtree" is unknown: present, it carries more than the known word "remove" does.
    const withName = sim.softMatch(['rmtree', 'remove'], 'rmtree', 0.5);
    const withWord = sim.softMatch(['rmtree', 'remove'], 'remove', 0.5);
    expect(withName).toBeGreaterThan(withWord);
    expect(sim.softMatch(['rmtree'], 'delete directory', 0.5)).toBe(0);
  });

  it('is 0 for no query words', () => {
    expect(sim.softMatch([], 'anything', 0.5)).toBe(0);
  });
});
