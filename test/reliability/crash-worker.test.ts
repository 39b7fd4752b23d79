/**
 * kill -9 of a dataset worker at random points of cognify (seeded): every run still ends, a
 * re-run completes every item, and the result equals a clean run on the same input — node
 * counts by type, node and edge ids from graph.read, vector row counts per table, and search
 * results. The clean run uses a second dataset of the same profile: the same bytes map to the
 * same data ids (stored once per owner), so ids are comparable one to one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PooledEngines } from '../../electron/core/datasets/pooled-engines';
import { openTestCore } from '../helpers/core';
import type { TestCore } from '../helpers/core';
import { file } from '../helpers/corpus';
import { nextRunFinished } from '../helpers/events';
import { mobyDickChapter } from '../fixtures/prose';
import { report, rng, SEED, size, TIMEOUT, waitFor } from './lib';

const KILLS = size(5, 20);
const ITEMS_PER_ROUND = 2;
/** Progress events per item: queued, classify, parse, chunk, extract, summarize, embed, write, done. */
const EVENTS_PER_ITEM = 9;

describe('dataset worker killed during cognify', () => {
  let t: TestCore;
  let token: string;
  let userId: string;
  const r = rng(SEED + 1);

  beforeAll(async () => {
    t = await openTestCore();
    const u = await t.user('crash@example.com');
    token = u.token;
    userId = u.id;
  });
  afterAll(async () => t.close());

  const pool = () => (t.core.services.engines as PooledEngines).pool;

  /** Comparable snapshot of a dataset: counts, ids, vector rows, search results. */
  async function snapshot(datasetId: string) {
    // Catalog rows belong to one dataset (the same bytes in two datasets are two items), and
    // node ids derive from item ids: compare graphs with each item id written as its name.
    const names = new Map((await t.call(token, 'datasets.data', { datasetId })).map((d) => [d.id as string, d.name]));
    const canon = (s: string) => [...names].reduce((acc, [id, name]) => acc.split(id).join(`<${name}>`), s);
    const counts = await t.call(token, 'graph.counts', { datasetId });
    const g = await t.call(token, 'graph.read', { datasetId, nodeLimit: 50_000, edgeLimit: 100_000 });
    const stats = await t.core.services.engines.request({ ownerId: userId, datasetId }, 'read', { kind: 'dataset.stats' });
    const searches: string[][] = [];
    for (const query of ['whale ship sea', 'Ishmael Queequeg harpoon', 'captain Ahab']) {
      for (const searchType of ['CHUNKS_LEXICAL', 'CHUNKS', 'SUMMARIES'] as const) {
        const res = await t.call(token, 'search.run', { datasetIds: [datasetId], query, searchType, topK: 20 });
        const hits = res.results.flatMap((x) => x.hits.map((h) => `${h.kind}|${canon(h.nodeId ?? '')}|${h.text.length}`));
        // Vector search ranks by distance alone: equal data → equal top k. BM25 (lexical, and the
        // summaries' hybrid) also depends on the index's write history (rewritten rows, compaction),
        // so there only the absence of duplicates is compared here; the row counts above cover loss.
        searches.push(searchType === 'CHUNKS' ? hits.sort() : [`${new Set(hits).size === hits.length ? 'no-duplicates' : 'DUPLICATE HITS'}`]);
      }
    }
    return {
      counts,
      nodeIds: g.nodes.map((n) => canon(n.id)).sort(),
      edgeIds: g.edges.map((e) => canon(e.id)).sort(),
      truncated: g.truncated,
      stats,
      searches,
    };
  }

  it(
    'every run ends, a re-run completes everything, and the result equals a clean run',
    async () => {
      const ds = (await t.call(token, 'datasets.create', { name: 'crashy' })).id;
      const ref = { ownerId: userId, datasetId: ds };
      const files: ReturnType<typeof file>[] = [];
      let kills = 0;
      let doubleKills = 0;
      let rounds = 0;
      const runStatuses: Record<string, number> = {};
      for (let round = 0; kills < KILLS && round < KILLS * 3; round++) {
        rounds++;
        for (let i = 0; i < ITEMS_PER_ROUND; i++) {
          const n = files.length + 1;
          // Chapters trimmed to a few KB keep a round short; each is a distinct real text.
          files.push(file(`moby-${n}.txt`, mobyDickChapter(n).slice(0, 2500 + r.int(0, 2500))));
        }
        await t.call(token, 'data.add', { datasetId: ds, files: files.slice(-ITEMS_PER_ROUND) });
        const pending = (await t.call(token, 'datasets.data', { datasetId: ds })).filter((d) => d.status !== 'completed').length;
        // Kill at a random progress event of this run (each event is a different point of an item's work).
        const killAt = r.int(1, Math.max(1, pending * EVENTS_PER_ITEM - 2));
        const killRetryToo = r.chance(0.3);
        const jitterMs = r.int(0, 15);
        let seen = 0;
        let killedThisRound = 0;
        let armedForRetry = false;
        const finished = nextRunFinished(t.core, token, ds);
        const killNow = () => {
          const pid = pool().pidOf(ref);
          if (pid === undefined) return false;
          process.kill(pid, 'SIGKILL');
          return true;
        };
        const off = t.core.subscribe(() => ({ token }), (name, payload) => {
          if (name !== 'run.progress' || (payload as { datasetId: string }).datasetId !== ds) return;
          seen++;
          if (seen === killAt) {
            setTimeout(() => {
              if (killNow()) {
                kills++;
                killedThisRound++;
                armedForRetry = killRetryToo;
              }
            }, jitterMs);
          } else if (armedForRetry && seen > killAt && (payload as { stage: string }).stage !== 'queued') {
            // The runner retries a crashed item once in a fresh worker: kill that one too.
            armedForRetry = false;
            if (killNow()) {
              kills++;
              doubleKills++;
              killedThisRound++;
            }
          }
        });
        await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: true });
        const run = await waitFor('the run to end after a kill', async () => {
          const s = await t.call(token, 'datasets.status', { datasetIds: [ds] });
          const latest = s[0]!.latestRun;
          return latest && ['completed', 'errored', 'cancelled', 'interrupted'].includes(latest.status) ? latest : undefined;
        }, 180_000, 100);
        await finished;
        off();
        expect(['completed', 'errored']).toContain(run.status);
        runStatuses[run.status] = (runStatuses[run.status] ?? 0) + 1;
        void killedThisRound;
      }
      expect(kills).toBeGreaterThanOrEqual(KILLS);

      // A re-run completes everything that a crash left unfinished.
      const [rerun] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
      expect(rerun).toMatchObject({ status: 'completed', itemsFailed: 0 });
      const items = await t.call(token, 'datasets.data', { datasetId: ds });
      expect(items).toHaveLength(files.length);
      const lost = items.filter((i) => i.status !== 'completed');
      expect(lost).toEqual([]);

      // The same input, processed without faults, in a second dataset of the same profile.
      const clean = (await t.call(token, 'datasets.create', { name: 'clean' })).id;
      await t.call(token, 'data.add', { datasetId: clean, files });
      const [cleanRun] = await t.call(token, 'cognify.run', { datasetIds: [clean], runInBackground: false });
      expect(cleanRun).toMatchObject({ status: 'completed', itemsDone: files.length, itemsFailed: 0 });
      const cleanItems = await t.call(token, 'datasets.data', { datasetId: clean });
      expect(cleanItems.map((d) => d.name).sort()).toEqual(items.map((d) => d.name).sort());
      expect(cleanItems.filter((d) => items.some((i) => i.id === d.id))).toEqual([]); // its own catalog rows

      const a = await snapshot(ds);
      const b = await snapshot(clean);
      expect(a.truncated).toBe(false);
      expect(a.counts).toEqual(b.counts);
      expect(a.nodeIds).toEqual(b.nodeIds);
      expect(a.edgeIds).toEqual(b.edgeIds);
      expect(a.stats).toEqual(b.stats);
      expect(a.searches).toEqual(b.searches);
      const vectors = Object.values(a.stats.vectors).reduce((x, y) => x + y, 0);
      report('worker kill -9 during cognify', {
        seed: SEED + 1,
        rounds,
        items: files.length,
        kills,
        retryKills: doubleKills,
        runs: Object.entries(runStatuses).map(([k, v]) => `${v} ${k}`).join(' / '),
        nodes: a.nodeIds.length,
        edges: a.edgeIds.length,
        vectors,
        itemsLost: lost.length,
        diffVsClean: 0,
      });
    },
    TIMEOUT,
  );
});
