/**
 * Red team, round 2 (kept as a regression test): user Cypher that passed both read-only layers
 * but (1) corrupted the worker's memory — Kùzu 0.11.3 mistypes `list_reduce` whose lambda
 * returns a string over an integer list: two elements returned the string's bytes read as an
 * integer, ten crashed the worker — and (2) ran far past the 15 s timeout: strings doubled by
 * list_reduce fed `levenshtein`, one scalar call the engine cannot interrupt, while every
 * search of the owner on that dataset waited. All from a profile with only `read`, over HTTP.
 * The lambda functions and levenshtein are now refused by the guard, before the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rpc } from '../../helpers/http-core';
import type { Harness } from './harness';
import { openOwnerAndReader } from './owner-and-reader';
import type { OwnerAndReader } from './owner-and-reader';

let h: Harness;
let owner: OwnerAndReader['owner'];
let reader: OwnerAndReader['reader'];
let datasetId: string;

type R = { ok: boolean; value?: { results: { rows?: Record<string, unknown>[]; hits?: unknown[] }[] }; error?: { code: string; message: string } };
const search = (token: string, query: string, searchType: string) => rpc(h.url, token, 'search.run', { query, searchType, datasetIds: [datasetId] }) as Promise<R>;
const list = (n: number, item: string) => `[${Array.from({ length: n }, () => item).join(',')}]`;

beforeAll(async () => {
  ({ h, owner, reader, datasetId } = await openOwnerAndReader('Carol Danvers works at Acme Corp in Berlin on Project Kestrel.'));
  await rpc(h.url, owner.token, 'sharing.grant', { datasetId, principalId: reader.id, permissions: ['read'] });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('user Cypher the engine mishandles', () => {
  const attacks = [
    ['list_reduce type confusion (raw memory as a value)', `RETURN list_reduce(${list(2, '1')}, (acc, x) -> concat(acc, acc)) AS s`, 'list_reduce'],
    ['list_reduce type confusion (worker crash)', `RETURN list_reduce(${list(10, '1')}, (acc, x) -> concat(acc, acc)) AS s`, 'list_reduce'],
    ['an uninterruptible levenshtein over doubled strings', `WITH list_reduce(${list(18, "'a'")}, (acc, x) -> concat(acc, acc)) AS s RETURN levenshtein(s, upper(s)) AS d`, 'list_reduce'],
    ['levenshtein alone', `MATCH (n:Node) RETURN levenshtein(n.name, n.description) AS d`, 'levenshtein'],
    ['list_transform', `RETURN list_transform([1, 2], x -> concat('a', 'b')) AS s`, 'list_transform'],
    ['list_filter', `RETURN list_filter([1, 2], x -> x > 1) AS s`, 'list_filter'],
  ] as const;

  for (const [what, query, fn] of attacks) {
    it(`refuses ${what} from a reader, naming the function`, async () => {
      const r = await search(reader.token, query, 'CYPHER');
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ code: 'invalid_input', message: `Only read queries are allowed: function ${fn} is not permitted` });
    });
  }

  it('leaves the worker serving: the owner searches and the reader reads as before', async () => {
    const rows = await search(reader.token, "MATCH (n:Node) WHERE n.name = 'Carol Danvers' RETURN n.name AS name", 'CYPHER');
    expect(rows.ok).toBe(true);
    expect(rows.value!.results[0]!.rows).toEqual([{ name: 'Carol Danvers' }]);
    const hits = await search(owner.token, 'Carol', 'CHUNKS');
    expect(hits.ok).toBe(true);
    expect(hits.value!.results[0]!.hits!.length).toBeGreaterThan(0);
  });
});
