/**
 * The store prepares each SQL text once per database: a second round of the same repository
 * calls, with different values and different numbers of ids, compiles nothing new. And the
 * lookups that bind a list of ids (one JSON parameter) return exactly the rows asked for.
 */
import path from 'node:path';

import { afterAll, describe, expect, it, vi } from 'vitest';

import { createStore, rawDbForTests } from '../../../../electron/core/store';
import type { Store } from '../../../../electron/core/store';
import { openDb } from '../../../../electron/core/store/db';
import type { DatasetId, PrincipalId, UserId } from '../../../../shared/domain/ids';
import { tempDir } from '../../../helpers/temp';

/** One pass over most repository methods; `n` varies the values and the sizes of id lists. */
async function workload(store: Store, n: number): Promise<void> {
  const owner = await store.users.create({ email: `owner${n}@example.com`, passwordHash: 'h' });
  const reader = await store.users.create({ email: `reader${n}@example.com`, passwordHash: 'h' });
  const tenant = await store.tenants.createTenant(`tenant-${n}`, owner.id);
  const roles = [];
  for (let i = 0; i < n + 1; i++) roles.push(await store.tenants.createRole(tenant.id, `role-${n}-${i}`));
  const datasets = [];
  for (let i = 0; i < n + 2; i++) datasets.push(await store.datasets.create(`ds-${n}-${i}`, owner.id, tenant.id));
  for (const [i, r] of roles.entries()) {
    await store.tenants.addUserToRole(reader.id, r.id);
    await store.acls.grant(r.id as PrincipalId, datasets[i]!.id, 'read');
  }
  await store.acls.grantsFor([reader.id, ...roles.map((r) => r.id)]);
  await store.acls.grantsFor([reader.id, ...roles.map((r) => r.id)], datasets[0]!.id);
  await store.acls.grantsOn(datasets[0]!.id);
  await store.datasets.byIds(datasets.map((d) => d.id));
  const d = datasets[0]!.id;
  const { row } = await store.data.addToDataset(d, {
    name: `f${n}.txt`, extension: 'txt', mime_type: 'text/plain', size: 1, content_hash: `hash-${n}`,
    raw_location: `raw/${n}`, owner_id: owner.id, tenant_id: null,
  });
  await store.data.setStatus(d, row.id, 'completed');
  await store.data.inDataset(d);
  await store.data.statusCounts(d);
  const run = await store.runs.create(d, 'cognify', owner.id, 1);
  await store.runs.update(run.id, { status: 'completed', itemsDone: 1 });
  await store.runs.latest(d);
  await store.sessions.create(`token-${n}`, reader.id as UserId, '2999-01-01T00:00:00.000Z');
  await store.sessions.userFor(`token-${n}`);
  await store.settings.set(owner.id, { n });
  await store.settings.get(owner.id);
  await store.audit.record({ actorId: owner.id, action: 'test', datasetId: d });
  await store.tenants.invitationsOfTenant(tenant.id);
}

describe('prepared statements', () => {
  const t = tempDir('kenning-stmt-');
  afterAll(() => t.cleanup());

  it('are prepared on first use only: a second, larger round prepares nothing', async () => {
    const store = createStore(openDb(path.join(t.dir, 'cache.db')));
    const prepare = vi.spyOn(rawDbForTests(store), 'prepare');
    try {
      await workload(store, 1);
      const first = prepare.mock.calls.length;
      expect(first).toBeGreaterThan(20);
      // Every SQL text was compiled once.
      expect(new Set(prepare.mock.calls.map(([sql]) => sql)).size).toBe(first);
      await workload(store, 6);
      expect(prepare.mock.calls.length).toBe(first);
    } finally {
      prepare.mockRestore();
      store.close();
    }
  });

  it('id lists bound as one JSON parameter return exactly the matching rows, past the old 500-id chunks', async () => {
    const store = createStore(openDb(path.join(t.dir, 'lists.db')));
    try {
      const owner = await store.users.create({ email: 'o@example.com', passwordHash: 'h' });
      const other = await store.users.create({ email: 'x@example.com', passwordHash: 'h' });
      const ids: DatasetId[] = [];
      rawDbForTests(store).transaction(() => {
        for (let i = 0; i < 1200; i++) void store.datasets.create(`d${i}`, owner.id, null).then((d) => ids.push(d.id));
      })();
      await new Promise((r) => setImmediate(r));
      expect(ids).toHaveLength(1200);
      const asked = [...ids.slice(0, 700), ...ids.slice(1000), 'not-a-dataset'];
      const rows = await store.datasets.byIds(asked);
      expect(rows.map((r) => r.id).sort()).toEqual([...ids.slice(0, 700), ...ids.slice(1000)].sort());
      // grantsFor: only the principals asked for, optionally on one dataset.
      await store.acls.grant(other.id as PrincipalId, ids[5]!, 'read');
      expect(await store.acls.grantsFor([other.id])).toEqual([{ principalId: other.id, principalType: 'user', datasetId: ids[5], permission: 'read' }]);
      expect(await store.acls.grantsFor([other.id], ids[6]!)).toEqual([]);
      expect(await store.acls.grantsFor([owner.id, other.id], ids[5]!)).toHaveLength(5);
      expect(await store.acls.grantsFor(['nobody'])).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('rawDbForTests refuses a store it did not make', () => {
    expect(() => rawDbForTests({} as Store)).toThrow(/not made by createStore/);
  });
});
