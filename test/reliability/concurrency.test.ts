/**
 * Concurrency: parallel ingestions (add + cognify) into a few datasets, with searches running
 * the whole time, on a core whose dataset queue admits 2 operations at once:
 * no lock error reaches a user (no `locked`, `worker_crashed`, `internal`), nothing is lost
 * (every added item ends `completed`, every sentinel is searchable), and the queue cap holds
 * (`queue.running` sampled ≤ 2 throughout, on every progress event and on a timer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PooledEngines } from '../../electron/core/datasets/pooled-engines';
import { openTestCore } from '../helpers/core';
import type { TestCore } from '../helpers/core';
import { report, sentinel, sentinelDoc, sentinelsIn, size, TIMEOUT } from './lib';

const DATASETS = 4;
const INGESTIONS = 8;
const ITEMS_PER_INGESTION = size(2, 6);
const CAP = 2;

describe('parallel ingestion with searches running', () => {
  let t: TestCore;
  let token: string;
  beforeAll(async () => {
    t = await openTestCore({ queueMaxConcurrent: CAP });
    token = (await t.user('busy@example.com')).token;
  });
  afterAll(async () => t.close());

  it(
    `${INGESTIONS} ingestions into ${DATASETS} datasets: no lock error, nothing lost, queue cap ${CAP} holds`,
    async () => {
      const queue = (t.core.services.engines as PooledEngines).queue;
      let maxRunning = 0;
      let samples = 0;
      const sample = () => {
        samples++;
        maxRunning = Math.max(maxRunning, queue.running);
      };
      const timer = setInterval(sample, 2);
      const off = t.core.subscribe(() => ({ token }), () => sample());
      const ids: string[] = [];
      for (let d = 0; d < DATASETS; d++) ids.push((await t.call(token, 'datasets.create', { name: `busy-${d}` })).id);
      const userErrors: string[] = [];
      const expected = new Map<string, string>(); // sentinel → dataset id
      let ops = 0;
      let done = false;

      const ingest = async (k: number) => {
        const datasetId = ids[k % DATASETS]!;
        const texts = Array.from({ length: ITEMS_PER_INGESTION }, (_, i) => {
          const s = sentinel(k, 'c', i);
          expected.set(s, datasetId);
          return sentinelDoc(s, `batch ${k}`);
        });
        const added = await t.core.call({ token }, 'data.add', { datasetId, texts });
        ops++;
        if (!added.ok) return void userErrors.push(`add: ${added.error.code} ${added.error.message}`);
        for (const i of added.value.items) if (i.status !== 'added') userErrors.push(`add item ${i.name}: ${i.status}`);
        const run = await t.core.call({ token }, 'cognify.run', { datasetIds: [datasetId], runInBackground: false });
        ops++;
        if (!run.ok) return void userErrors.push(`cognify: ${run.error.code} ${run.error.message}`);
        for (const r of run.value) if (r.status !== 'completed' || r.itemsFailed > 0) userErrors.push(`run ${r.status} (${r.error ?? ''})`);
      };
      let searches = 0;
      const searcher = async (n: number) => {
        for (let i = 0; !done && i < 5000; i++) {
          const r = await t.core.call({ token }, 'search.run', {
            query: 'archive letters',
            searchType: (['CHUNKS_HYBRID', 'CHUNKS_LEXICAL', 'SUMMARIES'] as const)[(i + n) % 3],
            ...(i % 2 ? { datasetIds: [ids[(i + n) % DATASETS]!] } : {}),
            topK: 20,
          });
          searches++;
          ops++;
          if (!r.ok) userErrors.push(`search: ${r.error.code} ${r.error.message}`);
          sample();
        }
      };
      const searchers = [searcher(0), searcher(1), searcher(2)];
      // Every ingestion waits for its own cognify; with 2 per dataset, each dataset sees a cognify join a running one.
      await Promise.all(Array.from({ length: INGESTIONS }, (_, k) => ingest(k)));
      // A run that joined one already in progress may have missed items added after its last read: finish them.
      for (const datasetId of ids) {
        const [run] = await t.call(token, 'cognify.run', { datasetIds: [datasetId], runInBackground: false });
        ops++;
        expect(run).toMatchObject({ status: 'completed', itemsFailed: 0 });
      }
      done = true;
      await Promise.all(searchers);
      clearInterval(timer);
      off();

      expect(userErrors.filter((e) => /locked|worker_crashed|internal/.test(e))).toEqual([]);
      expect(userErrors).toEqual([]);
      // Nothing lost: every item completed, every sentinel found in its own dataset.
      let items = 0;
      for (const datasetId of ids) {
        const data = await t.call(token, 'datasets.data', { datasetId });
        items += data.length;
        expect(data.filter((d) => d.status !== 'completed')).toEqual([]);
      }
      expect(items).toBe(expected.size);
      let missing = 0;
      for (const [s, datasetId] of expected) {
        const r = await t.call(token, 'search.run', { query: s, searchType: 'CHUNKS_LEXICAL', datasetIds: [datasetId], topK: 5 });
        if (!sentinelsIn(r.results.flatMap((x) => x.hits.map((h) => h.text)).join(' ')).includes(s)) missing++;
      }
      expect(missing).toBe(0);
      expect(maxRunning).toBeLessThanOrEqual(CAP);
      expect(maxRunning).toBeGreaterThan(0);
      report('concurrency', {
        datasets: DATASETS,
        ingestions: INGESTIONS,
        items: expected.size,
        searches,
        ops,
        lockErrors: 0,
        itemsLost: missing,
        queueCap: CAP,
        maxRunning,
        samples,
      });
    },
    TIMEOUT,
  );
});
