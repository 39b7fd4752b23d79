/**
 * Red team, round 2 (kept as a regression test): "revocation is immediate, also for a search or
 * a graph read already running". A reader starts a CYPHER search that collects the dataset's
 * node names and then works for a few seconds; the owner revokes the grant while it runs. The
 * answer used to arrive seconds after the revocation with every node name: nothing re-checked
 * access when a running search's result came back. Now the answer is a denial.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { rpc } from '../../helpers/http-core';
import type { Harness } from './harness';
import { openOwnerAndReader } from './owner-and-reader';
import type { OwnerAndReader } from './owner-and-reader';

let h: Harness;
let owner: OwnerAndReader['owner'];
let reader: OwnerAndReader['reader'];
let datasetId: string;

// Collects the names, then sums over 27 million rows (seconds: well inside the 15 s timeout).
const L = `[${Array.from({ length: 300 }, (_, i) => i).join(',')}]`;
const SLOW = `MATCH (n:Node) WITH collect(n.name) AS names UNWIND ${L} AS a UNWIND ${L} AS b UNWIND ${L} AS c WITH names, sum(a * b + c) AS k RETURN names, k`;

beforeAll(async () => {
  ({ h, owner, reader, datasetId } = await openOwnerAndReader('Sentinel Revokedson works at Acme Corp in Berlin.'));
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const grant = (permissions: string[]) => rpc(h.url, owner.token, 'sharing.grant', { datasetId, principalId: reader.id, permissions });

it('the slow query itself answers with the names while the grant stands (control)', async () => {
  expect((await grant(['read'])).ok).toBe(true);
  const r = await rpc(h.url, reader.token, 'search.run', { query: SLOW, searchType: 'CYPHER', datasetIds: [datasetId] });
  expect(JSON.stringify(r)).toContain('Sentinel Revokedson');
}, 120_000);

it('a search already running when read is revoked answers with a denial, not the data', async () => {
  expect((await grant(['read'])).ok).toBe(true);
  const running = rpc(h.url, reader.token, 'search.run', { query: SLOW, searchType: 'CYPHER', datasetIds: [datasetId] });
  await new Promise((r) => setTimeout(r, 150));
  const revoked = await rpc(h.url, owner.token, 'sharing.revoke', { datasetId, principalId: reader.id, permissions: ['read'] });
  expect(revoked.ok).toBe(true);
  const r = await running;
  expect(JSON.stringify(r)).not.toContain('Sentinel Revokedson');
  expect(r).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
}, 120_000);

it('a search over every readable dataset drops the one revoked while it ran, and still answers', async () => {
  expect((await grant(['read'])).ok).toBe(true);
  const running = rpc(h.url, reader.token, 'search.run', { query: SLOW, searchType: 'CYPHER' });
  await new Promise((r) => setTimeout(r, 150));
  expect((await rpc(h.url, owner.token, 'sharing.revoke', { datasetId, principalId: reader.id, permissions: ['read'] })).ok).toBe(true);
  const r = await running;
  expect(JSON.stringify(r)).not.toContain('Sentinel Revokedson');
  expect(r).toMatchObject({ ok: true, value: { results: [] } });
}, 120_000);
