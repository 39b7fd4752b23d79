/**
 * The access flows Cognee's permission documents walk through, step by step, through the
 * real core (real SQLite in a temporary folder).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { openHttpTestCore, replyOf } from '../../helpers/http-core';
import { joinTenant } from '../../helpers/tenants';

const txt = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });

// The same flows run over the in-process binding and over HTTP (/rpc with Bearer tokens).
describe.each([
  ['in-process', openTestCore],
  ['http', openHttpTestCore],
] as const)('seed flows (%s)', (_binding, openTestCore) => {
  let t: TestCore;
  let u1: Awaited<ReturnType<TestCore['user']>>;
  let u2: Awaited<ReturnType<TestCore['user']>>;
  let u3: Awaited<ReturnType<TestCore['user']>>;
  let ds1: string;
  let ds2: string;

  beforeAll(async () => {
    t = await openTestCore();
    u1 = await t.user('user1@example.com');
    u2 = await t.user('user2@example.com');
    u3 = await t.user('user3@example.com');
  });
  afterAll(async () => t.close());

  it('user 1 and user 2 each create a dataset and cannot see each other’s', async () => {
    ds1 = (await t.call(u1.token, 'datasets.create', { name: 'notes' })).id;
    ds2 = (await t.call(u2.token, 'datasets.create', { name: 'notes' })).id; // same name, other owner: fine
    expect((await t.call(u1.token, 'datasets.list')).map((d) => d.id)).toEqual([ds1]);
    expect((await t.call(u2.token, 'datasets.list')).map((d) => d.id)).toEqual([ds2]);
    expect(await t.code(u1.token, 'datasets.get', { datasetId: ds2 })).toBe('permission_denied');
    expect(await t.code(u1.token, 'datasets.data', { datasetId: ds2 })).toBe('permission_denied');
    expect(await t.code(u1.token, 'data.add', { datasetId: ds2, files: [txt('a.txt', 'x')] })).toBe('permission_denied');
  });

  it('an unreadable dataset is indistinguishable from one that does not exist', async () => {
    const unknown = '3f1c2b8e-0000-4000-8000-000000000000';
    const a = await replyOf(t, u1.token, 'datasets.get', { datasetId: ds2 });
    const b = await replyOf(t, u1.token, 'datasets.get', { datasetId: unknown });
    expect(a).toEqual(b);
    expect(a.ok).toBe(false);
  });

  it('a name resolves only among the caller’s own datasets', async () => {
    // u1 adding to "notes" by name reaches u1's own dataset, never u2's
    const r = await t.call(u1.token, 'data.add', { datasetName: 'notes', files: [txt('own.txt', 'mine')] });
    expect(r.datasetId).toBe(ds1);
    expect((await t.call(u2.token, 'datasets.data', { datasetId: ds2 })).length).toBe(0);
  });

  it('user 2 grants user 1 read: user 1 reads but still cannot write', async () => {
    await t.call(u2.token, 'sharing.grant', { datasetId: ds2, principalId: u1.id, permissions: ['read'] });
    const list = await t.call(u1.token, 'datasets.list');
    const shared = list.find((d) => d.id === ds2)!;
    expect(shared.isOwner).toBe(false);
    expect(shared.permissions).toEqual({ read: true, write: false, delete: false, share: false });
    expect(await t.code(u1.token, 'datasets.get', { datasetId: ds2 })).toBe('ok');
    expect(await t.code(u1.token, 'data.add', { datasetId: ds2, files: [txt('b.txt', 'y')] })).toBe('permission_denied');
  });

  it('granting yourself a permission without share is refused', async () => {
    expect(await t.code(u1.token, 'sharing.grant', { datasetId: ds2, principalId: u1.id, permissions: ['write'] })).toBe('permission_denied');
    expect((await t.call(u1.token, 'datasets.get', { datasetId: ds2 })).permissions.write).toBe(false);
  });

  it('a tenant owner creates a role, brings user 3 into the tenant (invite + accept) and role, grants the role read; user 3 reads; after removal, refused again', async () => {
    const tenant = await t.call(u2.token, 'tenants.create', { name: 'Lab' });
    const role = await t.call(u2.token, 'roles.create', { name: 'readers' });
    await joinTenant(t, u2.token, tenant.id, u3);
    await t.call(u2.token, 'roles.addMember', { roleId: role.id, userId: u3.id });
    expect(await t.code(u3.token, 'datasets.get', { datasetId: ds2 })).toBe('permission_denied');
    await t.call(u2.token, 'sharing.grant', { datasetId: ds2, principalId: role.id, permissions: ['read'] });
    expect(await t.code(u3.token, 'datasets.get', { datasetId: ds2 })).toBe('ok');
    expect((await t.call(u3.token, 'datasets.list')).map((d) => d.id)).toContain(ds2);
    await t.call(u2.token, 'tenants.removeMember', { tenantId: tenant.id, userId: u3.id });
    expect(await t.code(u3.token, 'datasets.get', { datasetId: ds2 })).toBe('permission_denied');
    expect((await t.call(u3.token, 'datasets.list')).map((d) => d.id)).not.toContain(ds2);
  });

  it('tenant rules: only the owner manages it, the owner cannot be removed, one tenant per user, role members belong to the tenant', async () => {
    const mine = (await t.call(u2.token, 'tenants.mine'))!;
    expect(mine.isOwner).toBe(true);
    expect(await t.code(u1.token, 'tenants.invite', { tenantId: mine.tenant.id, userId: u1.id })).toBe('permission_denied');
    expect(await t.code(u2.token, 'tenants.removeMember', { tenantId: mine.tenant.id, userId: u2.id })).toBe('conflict');
    expect(await t.code(u2.token, 'tenants.create', { name: 'Second' })).toBe('conflict');
    const role = mine.roles[0]!;
    expect(await t.code(u2.token, 'roles.addMember', { roleId: role.id, userId: u1.id })).toBe('conflict'); // u1 not in tenant
    expect(await t.code(u1.token, 'roles.create', { name: 'x' })).toBe('permission_denied'); // u1 owns no tenant
  });

  it('a tenant grant reaches every member of the tenant', async () => {
    const mine = (await t.call(u2.token, 'tenants.mine'))!;
    await joinTenant(t, u2.token, mine.tenant.id, u3);
    await t.call(u2.token, 'sharing.grant', { datasetId: ds2, principalId: mine.tenant.id, permissions: ['read'] });
    expect(await t.code(u3.token, 'datasets.get', { datasetId: ds2 })).toBe('ok');
  });

  it('write without delete cannot delete; after a delete grant it can', async () => {
    await t.call(u2.token, 'sharing.grant', { datasetId: ds2, principalId: u1.id, permissions: ['write'] });
    const added = await t.call(u1.token, 'data.add', { datasetId: ds2, files: [txt('c.txt', 'shared content')] });
    const dataId = added.items[0]!.dataId!;
    expect(await t.code(u1.token, 'data.delete', { datasetId: ds2, dataId })).toBe('permission_denied');
    expect(await t.code(u1.token, 'datasets.delete', { datasetId: ds2 })).toBe('permission_denied');
    await t.call(u2.token, 'sharing.grant', { datasetId: ds2, principalId: u1.id, permissions: ['delete'] });
    expect(await t.code(u1.token, 'data.delete', { datasetId: ds2, dataId })).toBe('ok');
    expect((await t.call(u2.token, 'datasets.data', { datasetId: ds2 })).map((d) => d.id)).not.toContain(dataId);
  });

  it('the owner’s own permissions cannot be revoked, and grants and revokes are audited', async () => {
    await t.call(u2.token, 'sharing.grant', { datasetId: ds2, principalId: u1.id, permissions: ['share'] });
    expect(await t.code(u1.token, 'sharing.revoke', { datasetId: ds2, principalId: u2.id, permissions: ['read'] })).toBe('conflict');
    await t.call(u1.token, 'sharing.revoke', { datasetId: ds2, principalId: u1.id, permissions: ['write'] });
    const log = await t.core.services.store.audit.recent(50);
    expect(log.some((e) => e.action === 'revoke' && e.principalId === u1.id && e.permission === 'write')).toBe(true);
    expect(log.some((e) => e.action === 'grant' && e.permission === 'share')).toBe(true);
  });
});
