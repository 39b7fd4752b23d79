/** /api/v1/datasets and /api/v1/permissions: Cognee's paths, shapes and statuses over the real core. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addForm, openHost, UNKNOWN_ID } from './harness';
import type { Harness } from './harness';

describe('/api/v1 datasets and permissions', () => {
  let h: Harness;
  let a: { token: string; id: string };
  let b: { token: string; id: string };
  let c: { token: string; id: string };
  let dsA: string;

  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    a = await h.user('a@example.com');
    b = await h.user('b@example.com');
    c = await h.user('c@example.com');
  });
  afterAll(async () => h.close());

  it('creates (or returns the caller’s existing) dataset and lists it in DatasetDTO shape', async () => {
    const r = await h.post('/api/v1/datasets', { name: 'notes' }, a.token);
    expect(r.status).toBe(200);
    const ds = await r.json();
    expect(Object.keys(ds).sort()).toEqual(['createdAt', 'id', 'name', 'ownerId', 'updatedAt']);
    expect(ds).toMatchObject({ name: 'notes', ownerId: a.id });
    dsA = ds.id;
    const again = await (await h.post('/api/v1/datasets', { name: 'notes' }, a.token)).json();
    expect(again.id).toBe(dsA);
    const list = await (await h.get('/api/v1/datasets', a.token)).json();
    expect(list.map((d: { id: string }) => d.id)).toEqual([dsA]);
    expect(await (await h.get('/api/v1/datasets', b.token)).json()).toEqual([]);
  });

  it('answers 401 without credentials on every dataset route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/datasets'],
      ['POST', '/api/v1/datasets'],
      ['DELETE', `/api/v1/datasets/${UNKNOWN_ID}`],
      ['GET', `/api/v1/datasets/${UNKNOWN_ID}/data`],
      ['DELETE', `/api/v1/datasets/${UNKNOWN_ID}/data/${UNKNOWN_ID}`],
      ['GET', `/api/v1/datasets/${UNKNOWN_ID}/graph`],
      ['GET', `/api/v1/datasets/status?dataset=${UNKNOWN_ID}`],
    ];
    for (const [method, path] of routes) {
      const r = await fetch(h.url + path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{"name":"x"}' : undefined });
      expect([method, path, r.status]).toEqual([method, path, 401]);
    }
  });

  it('400 names the bad path, query or body field', async () => {
    const bad = await h.get('/api/v1/datasets/not-a-uuid/data', a.token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail[0].loc).toEqual(['path', 'dataset_id']);
    const noName = await h.post('/api/v1/datasets', {}, a.token);
    expect((await noName.json()).detail[0]).toMatchObject({ loc: ['body', 'name'], type: 'missing' });
    const emptyName = await h.post('/api/v1/datasets', { name: '   ' }, a.token);
    expect(emptyName.status).toBe(400);
    expect((await emptyName.json()).detail[0].loc).toEqual(['body', 'name']);
    const status = await h.get('/api/v1/datasets/status?dataset=nope', a.token);
    expect(status.status).toBe(400);
    expect((await status.json()).detail[0].loc).toEqual(['query', 'dataset', 0]);
  });

  it('data items come back as DataDTO; another user gets 403 with Cognee’s PermissionDeniedError shape', async () => {
    const add = await h.post('/api/v1/add', addForm({ datasetId: dsA }, [{ name: 'a.txt', text: 'Ada Lovelace wrote notes.' }]), a.token);
    expect(add.status).toBe(200);
    const data = await (await h.get(`/api/v1/datasets/${dsA}/data`, a.token)).json();
    expect(data).toHaveLength(1);
    expect(Object.keys(data[0]).sort()).toEqual(['createdAt', 'datasetId', 'extension', 'id', 'mimeType', 'name', 'rawDataLocation', 'updatedAt']);
    expect(data[0]).toMatchObject({ name: 'a.txt', extension: 'txt', datasetId: dsA });
    for (const [method, path] of [
      ['GET', `/api/v1/datasets/${dsA}/data`],
      ['GET', `/api/v1/datasets/${dsA}/graph`],
      ['DELETE', `/api/v1/datasets/${dsA}`],
      ['GET', `/api/v1/visualize?dataset_id=${dsA}`],
    ] as const) {
      const r = await fetch(h.url + path, { method, headers: { authorization: `Bearer ${b.token}` } });
      expect([path, r.status]).toEqual([path, 403]);
      expect((await r.json()).detail).toMatch(/\[PermissionDeniedError\]$/);
    }
    // Cognee's delete_data turns that denial into UnauthorizedDataAccessError (401).
    const delData = await h.del(`/api/v1/datasets/${dsA}/data/${data[0].id}`, undefined, b.token);
    expect([delData.status, await delData.json()]).toEqual([401, { detail: `Dataset ${dsA} not accessible. [UnauthorizedDataAccessError]` }]);
    // a dataset that does not exist looks exactly the same
    const ghost = await h.get(`/api/v1/datasets/${UNKNOWN_ID}/data`, b.token);
    expect(ghost.status).toBe(403);
  });

  it('grants read through /permissions/datasets/{principal}, then revokes it', async () => {
    const grant = await h.post(`/api/v1/permissions/datasets/${b.id}?permission_name=read`, [dsA], a.token);
    expect([grant.status, await grant.json()]).toEqual([200, { message: 'Permission assigned to principal' }]);
    expect((await (await h.get('/api/v1/datasets', b.token)).json()).map((d: { id: string }) => d.id)).toEqual([dsA]);
    expect((await h.get(`/api/v1/datasets/${dsA}/data`, b.token)).status).toBe(200);
    // read is not share: b cannot pass it on
    const reshare = await h.post(`/api/v1/permissions/datasets/${c.id}?permission_name=read`, [dsA], b.token);
    expect(reshare.status).toBe(403);
    const revoke = await h.del(`/api/v1/permissions/datasets/${b.id}?permission_name=read`, [dsA], a.token);
    expect([revoke.status, await revoke.json()]).toEqual([200, { message: 'Permission revoked from principal' }]);
    expect((await h.get(`/api/v1/datasets/${dsA}/data`, b.token)).status).toBe(403);
  });

  it('a grant over several datasets changes nothing when one of them is not the caller’s to share', async () => {
    const dsB = (await (await h.post('/api/v1/datasets', { name: 'b-own' }, b.token)).json()).id;
    const r = await h.post(`/api/v1/permissions/datasets/${c.id}?permission_name=read`, [dsA, dsB], b.token);
    expect(r.status).toBe(403);
    expect(await (await h.get('/api/v1/datasets', c.token)).json()).toEqual([]);
  });

  it('permission grants validate the permission name, the principal id and the body', async () => {
    const badPerm = await h.post(`/api/v1/permissions/datasets/${b.id}?permission_name=admin`, [dsA], a.token);
    expect(badPerm.status).toBe(400);
    expect((await badPerm.json()).detail[0].loc).toEqual(['query', 'permission_name']);
    const noPerm = await h.post(`/api/v1/permissions/datasets/${b.id}`, [dsA], a.token);
    expect((await noPerm.json()).detail[0]).toMatchObject({ loc: ['query', 'permission_name'], type: 'missing' });
    const badPrincipal = await h.post('/api/v1/permissions/datasets/nope?permission_name=read', [dsA], a.token);
    expect((await badPrincipal.json()).detail[0].loc).toEqual(['path', 'principal_id']);
    const notArray = await h.post(`/api/v1/permissions/datasets/${b.id}?permission_name=read`, { ids: [dsA] }, a.token);
    expect(notArray.status).toBe(400);
    const badId = await h.post(`/api/v1/permissions/datasets/${b.id}?permission_name=read`, ['x'], a.token);
    expect((await badId.json()).detail[0].loc).toEqual(['body', 0]);
  });

  it('tenants and roles: create, invite members (they join by accepting), grant to a role, list my tenant', async () => {
    const t = await h.post('/api/v1/permissions/tenants?tenant_name=Lab', '', a.token);
    expect(t.status).toBe(200);
    const tenant = await t.json();
    expect(tenant.message).toBe('Tenant created.');
    const role = await (await h.post('/api/v1/permissions/roles?role_name=readers', '', a.token)).json();
    expect(role).toMatchObject({ message: 'Role created for tenant', tenant_id: tenant.tenant_id });
    // Cognee's "add user to tenant" invites: c is no member until c accepts
    const invited = await (await h.post(`/api/v1/permissions/users/${c.id}/tenants?tenant_id=${tenant.tenant_id}`, '', a.token)).json();
    expect(invited).toMatchObject({ message: 'User invited to tenant; they join when they accept the invitation', invitation_id: expect.any(String) });
    expect(await (await h.get('/api/v1/permissions/tenants/me', c.token)).json()).toEqual([]);
    expect((await h.post(`/api/v1/permissions/users/${c.id}/roles?role_id=${role.role_id}`, '', a.token)).status).toBe(409); // not a member yet
    expect((await h.post(`/api/v1/permissions/tenants/invitations/${invited.invitation_id}/accept`, '', b.token)).status).toBe(404); // not b's
    const mine = await (await h.get('/api/v1/permissions/tenants/invitations', c.token)).json();
    expect(mine).toEqual([{ id: invited.invitation_id, tenant_id: tenant.tenant_id, tenant_name: 'Lab', invited_by: 'a@example.com', created_at: expect.any(String) }]);
    const accepted = await h.post(`/api/v1/permissions/tenants/invitations/${invited.invitation_id}/accept`, '', c.token);
    expect(await accepted.json()).toEqual({ message: 'Joined tenant', tenant_id: tenant.tenant_id });
    expect(await (await h.post(`/api/v1/permissions/users/${c.id}/roles?role_id=${role.role_id}`, '', a.token)).json()).toEqual({ message: 'User added to role' });
    await h.post(`/api/v1/permissions/datasets/${role.role_id}?permission_name=read`, [dsA], a.token);
    expect((await h.get(`/api/v1/datasets/${dsA}/data`, c.token)).status).toBe(200);
    expect(await (await h.get('/api/v1/permissions/tenants/me', c.token)).json()).toEqual([{ id: tenant.tenant_id, name: 'Lab' }]);
    // only the tenant owner manages it
    expect((await h.post('/api/v1/permissions/roles?role_name=x', '', c.token)).status).toBe(403);
    expect((await h.post(`/api/v1/permissions/users/${b.id}/tenants?tenant_id=${tenant.tenant_id}`, '', c.token)).status).toBe(403);
    const removed = await fetch(`${h.url}/api/v1/permissions/users/${c.id}/roles?role_id=${role.role_id}`, { method: 'DELETE', headers: { authorization: `Bearer ${a.token}` } });
    expect(await removed.json()).toEqual({ message: 'User removed from role' });
    expect((await h.get(`/api/v1/datasets/${dsA}/data`, c.token)).status).toBe(403);
    const left = await fetch(`${h.url}/api/v1/permissions/tenants/${tenant.tenant_id}/users/${c.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${a.token}` } });
    expect(await left.json()).toEqual({ message: 'User removed from tenant' });
    const missingName = await h.post('/api/v1/permissions/tenants', '', b.token);
    expect((await missingName.json()).detail[0]).toMatchObject({ loc: ['query', 'tenant_name'], type: 'missing' });
  });

  it('an invitation can be declined, and a member leaves over /api/v1; the owner cannot leave', async () => {
    const tenantId = (await (await h.get('/api/v1/permissions/tenants/me', a.token)).json())[0].id;
    const first = await (await h.post(`/api/v1/permissions/users/${b.id}/tenants?tenant_id=${tenantId}`, '', a.token)).json();
    expect(await (await h.post(`/api/v1/permissions/tenants/invitations/${first.invitation_id}/decline`, '', b.token)).json()).toEqual({ message: 'Invitation declined' });
    expect(await (await h.get('/api/v1/permissions/tenants/invitations', b.token)).json()).toEqual([]);
    expect(await (await h.get('/api/v1/permissions/tenants/me', b.token)).json()).toEqual([]);
    const second = await (await h.post(`/api/v1/permissions/users/${b.id}/tenants?tenant_id=${tenantId}`, '', a.token)).json();
    await h.post(`/api/v1/permissions/tenants/invitations/${second.invitation_id}/accept`, '', b.token);
    expect(await (await h.get('/api/v1/permissions/tenants/me', b.token)).json()).toEqual([{ id: tenantId, name: 'Lab' }]);
    expect(await (await h.post(`/api/v1/permissions/tenants/${tenantId}/leave`, '', b.token)).json()).toEqual({ message: 'Left tenant' });
    expect(await (await h.get('/api/v1/permissions/tenants/me', b.token)).json()).toEqual([]);
    expect((await h.post(`/api/v1/permissions/tenants/${tenantId}/leave`, '', a.token)).status).toBe(409);
    const badId = await h.post('/api/v1/permissions/tenants/invitations/nope/accept', '', b.token);
    expect((await badId.json()).detail[0].loc).toEqual(['path', 'invitation_id']);
  });

  it('status lists datasets with a cognify run only; deleting a dataset answers 200 null', async () => {
    const status = await h.get(`/api/v1/datasets/status?dataset=${dsA}`, a.token);
    expect([status.status, await status.json()]).toEqual([200, {}]);
    const all = await h.get('/api/v1/datasets/status', a.token);
    expect(all.status).toBe(200);
    const gone = (await (await h.post('/api/v1/datasets', { name: 'temp' }, a.token)).json()).id;
    const del = await h.del(`/api/v1/datasets/${gone}`, undefined, a.token);
    expect([del.status, await del.text()]).toEqual([200, 'null']);
    expect((await (await h.get('/api/v1/datasets', a.token)).json()).map((d: { id: string }) => d.id)).not.toContain(gone);
  });

  it('serves the dataset graph in Cognee’s {nodes, edges} shape (needs graph.read wired)', async () => {
    const r = await h.get(`/api/v1/datasets/${dsA}/graph`, a.token);
    expect(r.status).toBe(200);
    const g = await r.json();
    expect(Array.isArray(g.nodes) && Array.isArray(g.edges)).toBe(true);
  });
});
