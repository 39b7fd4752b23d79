/**
 * Multi-user churn over the host's HTTP API (/rpc and /api/v1), with unique sentinel strings:
 * 1. N profiles in parallel add, cognify and search their own sentinels in two datasets each;
 * 2. isolation matrix: every user × every foreign dataset (search, data listing, graph, delete,
 *    data delete — over /rpc and /api/v1) is refused, own datasets are allowed;
 * 3. churn while searches keep running: a data item deleted, a dataset deleted and re-created
 *    under the same name, a forget (memory only) then re-cognify — every search result checked
 *    for leaks (a foreign sentinel) and stale content (a sentinel whose removal had completed
 *    before the search started and had not been re-added);
 * 4. the matrix again (including the deleted dataset ids), and every live sentinel searchable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Output } from '../../shared/contract/procedures';
import { HTTP_STATUS_BY_CODE } from '../../shared/http-protocol';
import type { HttpHost } from './lib';
import { openHttpHost, report, sentinel, sentinelDoc, sentinelsIn, size, TIMEOUT } from './lib';

const USERS = size(4, 10);
const UNKNOWN = '3f1c2b8e-0000-4000-8000-000000000000';
const TOPICS = ['shipping routes', 'glass making', 'river trade', 'bridge building', 'weather records', 'coin minting', 'map drawing', 'bee keeping', 'salt mining', 'clock repair', 'wool dyeing', 'lamp oil'];

type Ds = { id: string; name: string; sentinels: Map<string, string> /* sentinel → dataId */ };
type User = { n: number; token: string; id: string; email: string; ds: Record<'a' | 'b', Ds> };

describe('multi-user churn over HTTP', () => {
  let h: HttpHost;
  const users: User[] = [];
  const figures = { ops: 0, searches: 0, matrixChecks: 0, leaks: 0, stale: 0, searchErrors: 0 };
  /** Sentinel → the window in which it must not be found: [removed, re-added). */
  const gone = new Map<string, { since: number; until?: number }>();
  const deletedDatasetIds: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    h = await openHttpHost({ maxLiveWorkers: 8 });
  });
  afterAll(async () => h.close());

  const owner = (s: string) => Number(/^zqu(\d+)d/.exec(s)![1]);
  const own = (u: User) => new Set([...u.ds.a.sentinels.keys(), ...u.ds.b.sentinels.keys()]);

  /** One search, checked: no foreign sentinel, no sentinel removed before it started. */
  async function checkedSearch(u: User, query: string, searchType: 'CHUNKS_HYBRID' | 'CHUNKS_LEXICAL' | 'SUMMARIES', datasetIds?: string[]): Promise<string[]> {
    const started = Date.now();
    const r = await h.reply(u.token, 'search.run', { query, searchType, topK: 50, ...(datasetIds ? { datasetIds } : {}) });
    const ended = Date.now();
    figures.ops++;
    figures.searches++;
    if (!r.ok) {
      figures.searchErrors++;
      problems.push(`search by user ${u.n} failed: ${r.error.code} ${r.error.message}`);
      return [];
    }
    const text = r.value.results.flatMap((x) => x.hits.map((hit) => `${hit.text} ${hit.triplet ? JSON.stringify(hit.triplet) : ''}`)).join(' ');
    const found = sentinelsIn(text);
    for (const s of found) {
      if (owner(s) !== u.n) {
        figures.leaks++;
        problems.push(`LEAK: user ${u.n} saw ${s}`);
      }
      const g = gone.get(s);
      if (g && g.since <= started && (g.until === undefined || ended < g.until)) {
        figures.stale++;
        problems.push(`STALE: user ${u.n} saw ${s} removed at ${g.since}, search ${started}–${ended}`);
      }
    }
    return found;
  }

  async function addSentinels(u: User, key: 'a' | 'b', items: string[]): Promise<void> {
    const d = u.ds[key];
    const r = await h.call(u.token, 'data.add', { datasetId: d.id, texts: items.map((s, i) => sentinelDoc(s, TOPICS[(u.n + i) % TOPICS.length]!)) });
    figures.ops++;
    r.items.forEach((it, i) => {
      expect(it.status).toBe('added');
      d.sentinels.set(items[i]!, it.dataId!);
    });
  }

  async function cognify(u: User, ids: string[]): Promise<void> {
    const runs = await h.call(u.token, 'cognify.run', { datasetIds: ids, runInBackground: false });
    figures.ops++;
    for (const run of runs) expect(run).toMatchObject({ status: 'completed', itemsFailed: 0 });
  }

  /** Every user × every dataset: foreign → refused (same answer as an unknown id), own → allowed. */
  async function matrix(extraForeign: string[]): Promise<number> {
    let checks = 0;
    const all = users.flatMap((u) => [u.ds.a, u.ds.b].map((d) => ({ owner: u, d })));
    await Promise.all(
      users.map(async (u) => {
        for (const { owner: o, d } of all) {
          const mine = o === u;
          const someData = [...d.sentinels.values()][0]!;
          const rpcCalls: [string, unknown][] = [
            ['search.run', { query: 'archive letters', datasetIds: [d.id], searchType: 'CHUNKS_LEXICAL' }],
            ['datasets.data', { datasetId: d.id }],
            ['datasets.get', { datasetId: d.id }],
            ['graph.read', { datasetId: d.id, nodeLimit: 50 }],
            ['graph.counts', { datasetId: d.id }],
            ['data.text', { datasetId: d.id, dataId: someData }],
          ];
          for (const [name, input] of rpcCalls) {
            const r = await h.reply(u.token, name as 'datasets.data', input);
            checks++;
            if (mine && !r.ok) problems.push(`user ${u.n} refused own ${name}: ${r.error.code}`);
            if (!mine && r.ok) problems.push(`user ${u.n} allowed foreign ${name} on user ${o.n}'s dataset`);
            // A foreign dataset must be indistinguishable from one that does not exist.
            if (!mine && !r.ok) {
              const unknown = await h.reply(u.token, name as 'datasets.data', JSON.parse(JSON.stringify(input).replaceAll(d.id, UNKNOWN)));
              if (unknown.ok || unknown.error.code !== r.error.code || unknown.error.message !== r.error.message)
                problems.push(`foreign ${name} answers ${r.error.code} "${r.error.message}" but an unknown id ${unknown.ok ? 'ok' : `${unknown.error.code} "${unknown.error.message}"`}`);
            }
          }
          // /api/v1: data listing, graph, visualize must be refused for foreign datasets.
          for (const p of [`/api/v1/datasets/${d.id}/data`, `/api/v1/datasets/${d.id}/graph`, `/api/v1/visualize?dataset_id=${d.id}`]) {
            const res = await fetch(h.url + p, { headers: { authorization: `Bearer ${u.token}` } });
            await res.arrayBuffer();
            checks++;
            if (mine && res.status !== 200) problems.push(`user ${u.n} refused own GET ${p}: ${res.status}`);
            if (!mine && res.status !== 404 && res.status !== 403) problems.push(`user ${u.n} got ${res.status} for foreign GET ${p}`);
            if (!mine) {
              const other = await fetch(h.url + p.replace(d.id, UNKNOWN), { headers: { authorization: `Bearer ${u.token}` } });
              await other.arrayBuffer();
              if (other.status !== res.status) problems.push(`foreign GET ${p} answers ${res.status}, an unknown id ${other.status}`);
            }
          }
          if (!mine) {
            // Destructive calls: refused, and nothing changes (checked by the owner's searches later).
            for (const [name, input] of [
              ['datasets.delete', { datasetId: d.id }],
              ['data.delete', { datasetId: d.id, dataId: someData }],
              ['forget', { datasetId: d.id, memoryOnly: true }],
              ['data.add', { datasetId: d.id, texts: ['intruder text'] }],
              ['sharing.grant', { datasetId: d.id, principalId: u.id, permissions: ['read'] }],
            ] as const) {
              const r = await h.reply(u.token, name, input);
              checks++;
              if (r.ok) problems.push(`user ${u.n} could ${name} user ${o.n}'s dataset`);
            }
            for (const p of [`/api/v1/datasets/${d.id}`, `/api/v1/datasets/${d.id}/data/${someData}`]) {
              const res = await fetch(h.url + p, { method: 'DELETE', headers: { authorization: `Bearer ${u.token}` } });
              await res.arrayBuffer();
              checks++;
              // Cognee answers a data item the caller may not delete with 401 UnauthorizedDataAccessError (its router's documented code).
              const refused = p.includes('/data/') ? [401, 403, 404] : [403, 404];
              if (!refused.includes(res.status)) problems.push(`user ${u.n} got ${res.status} for foreign DELETE ${p}`);
            }
            const v1search = await fetch(`${h.url}/api/v1/search`, {
              method: 'POST',
              headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ query: 'archive letters', dataset_ids: [d.id], search_type: 'CHUNKS_LEXICAL' }),
            });
            const body = (await v1search.json()) as unknown;
            checks++;
            if (sentinelsIn(JSON.stringify(body)).length > 0) problems.push(`LEAK over /api/v1/search: user ${u.n} saw user ${o.n}'s dataset`);
          }
        }
        for (const id of extraForeign) {
          const r = await h.reply(u.token, 'datasets.data', { datasetId: id });
          const unknown = await h.reply(u.token, 'datasets.data', { datasetId: UNKNOWN });
          checks++;
          if (r.ok || unknown.ok || r.error.code !== unknown.error.code) problems.push(`deleted dataset ${id} answered ${r.ok ? 'ok' : r.error.code} to user ${u.n}`);
        }
      }),
    );
    figures.matrixChecks += checks;
    figures.ops += checks;
    return checks;
  }

  it(
    'parallel profiles ingest and find exactly their own sentinels',
    async () => {
      await Promise.all(
        Array.from({ length: USERS }, async (_, n) => {
          const who = await h.user(`churn${n}@example.com`);
          const mk = async (name: string): Promise<Ds> => ({ id: (await h.call(who.token, 'datasets.create', { name })).id, name, sentinels: new Map() });
          const u: User = { n, ...who, ds: { a: await mk('notes'), b: await mk('letters') } };
          users[n] = u;
          figures.ops += 4;
          await addSentinels(u, 'a', [sentinel(n, 'a', 0), sentinel(n, 'a', 1)]);
          await addSentinels(u, 'b', [sentinel(n, 'b', 0), sentinel(n, 'b', 1)]);
          await cognify(u, [u.ds.a.id, u.ds.b.id]);
        }),
      );
      for (const u of users) {
        const found = new Set(await checkedSearch(u, 'archive letters researchers', 'CHUNKS_LEXICAL'));
        expect([...found].sort()).toEqual([...own(u)].sort());
        for (const s of own(u)) expect(await checkedSearch(u, s, 'CHUNKS_HYBRID')).toContain(s);
      }
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'isolation matrix: every foreign dataset refused, every own one allowed',
    async () => {
      await matrix([]);
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'churn with searches running: no leak, no stale result, no failed search',
    async () => {
      let churning = true;
      const searchers = users.map(async (u) => {
        const queries = ['archive letters researchers', 'library collection winter', 'London'];
        let i = 0;
        // Bounded: stops when churn ends, or after a generous number of rounds.
        while (churning && i < 2000) {
          await checkedSearch(u, queries[i % queries.length]!, (['CHUNKS_HYBRID', 'CHUNKS_LEXICAL', 'SUMMARIES'] as const)[i % 3]!);
          i++;
        }
      });
      const churn = async (u: User) => {
        // 1. delete one data item of dataset a
        const [victim, dataId] = [...u.ds.a.sentinels.entries()][0]!;
        await h.call(u.token, 'data.delete', { datasetId: u.ds.a.id, dataId });
        figures.ops++;
        gone.set(victim, { since: Date.now() });
        u.ds.a.sentinels.delete(victim);
        // 2. delete dataset b and re-create it under the same name with new content
        await h.call(u.token, 'datasets.delete', { datasetId: u.ds.b.id });
        figures.ops++;
        const at = Date.now();
        for (const s of u.ds.b.sentinels.keys()) gone.set(s, { since: at });
        deletedDatasetIds.push(u.ds.b.id);
        u.ds.b = { id: (await h.call(u.token, 'datasets.create', { name: 'letters' })).id, name: 'letters', sentinels: new Map() };
        figures.ops++;
        await addSentinels(u, 'b', [sentinel(u.n, 'b', 2), sentinel(u.n, 'b', 3)]);
        await cognify(u, [u.ds.b.id]);
        // 3. forget dataset a (memory only): its sentinels vanish until the next cognify
        await h.call(u.token, 'forget', { datasetId: u.ds.a.id, memoryOnly: true });
        figures.ops++;
        const forgotten = [...u.ds.a.sentinels.keys()];
        const since = Date.now();
        for (const s of forgotten) gone.set(s, { since });
        const searchAfterForget = await checkedSearch(u, 'archive letters researchers', 'CHUNKS_LEXICAL', [u.ds.a.id]);
        expect(searchAfterForget).toEqual([]);
        const until = Date.now();
        for (const s of forgotten) gone.set(s, { since, until });
        await cognify(u, [u.ds.a.id]);
      };
      await Promise.all(users.map(churn));
      churning = false;
      await Promise.all(searchers);
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'after churn: the matrix holds again, deleted ids are gone for everyone, every live sentinel is found',
    async () => {
      await matrix(deletedDatasetIds);
      for (const u of users) {
        const found = new Set(await checkedSearch(u, 'archive letters researchers', 'CHUNKS_LEXICAL'));
        expect([...found].sort()).toEqual([...own(u)].sort());
        const items = [
          ...(await h.call(u.token, 'datasets.data', { datasetId: u.ds.a.id })),
          ...(await h.call(u.token, 'datasets.data', { datasetId: u.ds.b.id })),
        ];
        expect(items.map((i) => i.status)).toEqual(items.map(() => 'completed'));
        expect(items).toHaveLength(own(u).size);
        const names = (await h.call(u.token, 'datasets.list', {})).map((d: Output<'datasets.list'>[number]) => d.name).sort();
        expect(names).toEqual(['letters', 'notes']);
      }
      expect(problems).toEqual([]);
      expect(HTTP_STATUS_BY_CODE.not_found).toBe(404);
      report('churn over HTTP', {
        users: USERS,
        ops: figures.ops,
        searches: figures.searches,
        matrixChecks: figures.matrixChecks,
        leaks: figures.leaks,
        stale: figures.stale,
        searchErrors: figures.searchErrors,
        itemsLost: 0,
      });
    },
    TIMEOUT,
  );
});
