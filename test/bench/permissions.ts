/**
 * 3. Permission resolution for a user who can read 10,000 datasets through 50 roles and a
 * tenant. Setup goes through the API (tenant, roles, membership) and the store repositories
 * inside one transaction (datasets and grants); the timed calls go through core.call.
 */
import type { DatasetId, PrincipalId, RoleId, UserId } from '../../shared/domain/ids';
import { callerFor } from '../../electron/core/access/caller';
import { requireDataset } from '../../electron/core/access/dataset-gate';
import { rawDbForTests } from '../../electron/core/store';
import { openTestCore } from '../helpers/core';
import { joinTenant } from '../helpers/tenants';
import type { BenchOptions } from './lib/options';
import type { BenchOutput, Row } from './lib/result';
import { figure } from './lib/result';
import { rng, summarize, timeEach } from './lib/stats';

export async function run(o: BenchOptions): Promise<BenchOutput> {
  const DATASETS = 10_000; // the size in both modes: setup takes seconds
  const ROLES = 50;
  const t = await openTestCore();
  try {
    const owner = await t.user('owner@bench.example');
    const reader = await t.user('reader@bench.example');
    const tenant = await t.call(owner.token, 'tenants.create', { name: 'bench-tenant' });
    await joinTenant(t, owner.token, tenant.id, reader);
    const roles: string[] = [];
    for (let i = 0; i < ROLES; i++) {
      const r = await t.call(owner.token, 'roles.create', { name: `role-${i}` });
      await t.call(owner.token, 'roles.addMember', { roleId: r.id, userId: reader.id });
      roles.push(r.id);
    }
    // 10,000 datasets owned by `owner`; each readable by `reader` through one of the 50 roles,
    // every 10th also through the tenant, every 100th also directly.
    const { store } = t.core.services;
    const db = rawDbForTests(store);
    const ids: string[] = [];
    const setup0 = Date.now();
    db.transaction(() => {
      for (let i = 0; i < DATASETS; i++) {
        // The repo methods are async but run their SQL synchronously; inside this transaction
        // their own transactions become savepoints, so 10,000 creates commit once.
        void store.datasets.create(`ds-${String(i).padStart(5, '0')}`, owner.id as UserId, tenant.id as never).then((d) => ids.push(d.id));
      }
    })();
    await new Promise((r) => setImmediate(r));
    if (ids.length !== DATASETS) throw new Error(`setup: ${ids.length} datasets created`);
    db.transaction(() => {
      ids.forEach((id, i) => {
        void store.acls.grant(roles[i % ROLES] as RoleId, id as DatasetId, 'read');
        if (i % 10 === 0) void store.acls.grant(tenant.id as PrincipalId, id as DatasetId, 'read');
        if (i % 100 === 0) void store.acls.grant(reader.id as UserId, id as DatasetId, 'read');
      });
    })();
    const setupMs = Date.now() - setup0;

    const listed = await t.call(reader.token, 'datasets.list');
    if (listed.length !== DATASETS) throw new Error(`datasets.list returned ${listed.length}, expected ${DATASETS}`);

    const pick = rng(7);
    const sample = () => ids[Math.floor(pick() * ids.length)]!;
    const N = o.quick ? 300 : 2000;
    // Warm-up (prepared-statement caches, JIT).
    for (let i = 0; i < 50; i++) await t.call(reader.token, 'datasets.get', { datasetId: sample() });

    const getMs = await timeEach(N, async () => {
      const r = await t.core.call({ token: reader.token }, 'datasets.get', { datasetId: sample() });
      if (!r.ok) throw new Error(r.error.message);
    });
    const gateMs = await timeEach(N, async () => {
      const caller = await callerFor(store, reader.id);
      await requireDataset(store, caller, sample(), 'read');
    });
    const denyMs = await timeEach(N, async () => {
      const r = await t.core.call({ token: reader.token }, 'datasets.get', { datasetId: '00000000-0000-4000-8000-000000000000' });
      if (r.ok) throw new Error('expected a denial');
    });
    // The limit: the SQL one check needs, issued directly on the same database.
    const checkSql = db.prepare(
      `SELECT p.name FROM acls a JOIN permissions p ON p.id = a.permission_id WHERE a.dataset_id = ? AND a.principal_id IN (${[reader.id, tenant.id, ...roles].map(() => '?').join(',')})`,
    );
    const byId = db.prepare(`SELECT * FROM datasets WHERE id = ?`);
    const principals = [reader.id, tenant.id, ...roles];
    const rawMs = await timeEach(N, () => {
      const id = sample();
      byId.get(id);
      checkSql.all(id, ...principals);
    });
    const L = o.quick ? 5 : 15;
    const listMs = await timeEach(L, async () => {
      const r = await t.core.call({ token: reader.token }, 'datasets.list', {});
      if (!r.ok) throw new Error(r.error.message);
    });
    const listSql = db.prepare(
      `SELECT d.*, p.name AS permission FROM acls a JOIN permissions p ON p.id = a.permission_id JOIN datasets d ON d.id = a.dataset_id WHERE a.principal_id IN (${principals.map(() => '?').join(',')})`,
    );
    const listRawMs = await timeEach(L, () => listSql.all(...principals));

    const get = summarize(getMs);
    const gate = summarize(gateMs);
    const deny = summarize(denyMs);
    const raw = summarize(rawMs);
    const list = summarize(listMs);
    const listRaw = summarize(listRawMs);
    const rows: Row[] = [
      {
        id: 'perm.check.api',
        benchmark: 'Permissions',
        metric: 'check: datasets.get through core.call (10k datasets, 50 roles + tenant)',
        unit: 'ms',
        ...figure(get, { name: 'the SQL the check needs, issued directly', value: raw.median }),
        target: { text: '≤ 1 ms', op: '<=', value: 1, on: 'value' },
        how: `${N} sequential datasets.get calls on random datasets readable only through roles/tenant/direct grants: token → session, caller (user, 50 role ids, tenant), ACL lookup, dataset row, view (owner, status counts, latest run).`,
      },
      {
        id: 'perm.check.gate',
        benchmark: 'Permissions',
        metric: 'check: the gate alone (callerFor + requireDataset)',
        unit: 'ms',
        ...figure(gate, { name: 'the SQL the check needs, issued directly', value: raw.median }),
        target: { text: '≤ 1 ms', op: '<=', value: 1, on: 'value' },
        how: 'What dispatch runs before any handler: build the caller (principal ids) and resolve read on one dataset; no view, no session lookup.',
      },
      {
        id: 'perm.deny.api',
        benchmark: 'Permissions',
        metric: 'denied check: datasets.get on an unknown id',
        unit: 'ms',
        ...figure(deny, { name: 'the SQL the check needs, issued directly', value: raw.median }),
        target: { text: '≤ 1 ms', op: '<=', value: 1, on: 'value' },
        how: 'Same call on a dataset that does not exist (answers permission_denied, as for one not granted).',
      },
      {
        id: 'perm.list.api',
        benchmark: 'Permissions',
        metric: 'datasets.list returning 10,000 datasets',
        unit: 'ms',
        ...figure(list, { name: 'one SQL join of grants and datasets, issued directly', value: listRaw.median }),
        how: `${L} sequential datasets.list calls through core.call; each resolves the 10,000 readable datasets and builds a view for each (owner, item status counts, latest run). No target set.`,
      },
    ];
    return {
      name: 'permissions',
      rows,
      details: { datasets: DATASETS, roles: ROLES, grantRows: DATASETS + DATASETS / 10 + DATASETS / 100 + DATASETS * 4, setupMs },
      notes: [],
    };
  } finally {
    await t.close();
  }
}
