/**
 * The tenant slice: the invited profile sees its invitations and answers them; a member
 * leaves; the owner invites by email. The FakeClient plays a small stateful server, so each
 * test checks what was called and what the store shows afterwards.
 */
import { describe, expect, it } from 'vitest';

import { createAppStore } from '../../../renderer/src/store/createAppStore';
import type { TenantDetails, TenantInvitation } from '../../../renderer/src/store/views';
import { AppError } from '../../../shared/domain/errors';
import { FakeClient } from './fake-client';
import { dataset, ID, user } from './samples';

const TENANT = '00000000-0000-4000-8000-0000000000e1';
const INVITATION = '00000000-0000-4000-8000-0000000000c1';

const invitation: TenantInvitation = {
  id: INVITATION,
  tenantId: TENANT,
  tenantName: 'Lab',
  userId: ID.b,
  userEmail: 'b@example.com',
  invitedByEmail: 'a@example.com',
  createdAt: '2025-01-01T00:00:00Z',
};

const lab = (isOwner: boolean, invitations: TenantInvitation[] = []): TenantDetails => ({
  tenant: { id: TENANT, name: 'Lab', ownerId: ID.a, createdAt: '2025-01-01T00:00:00Z' },
  isOwner,
  members: isOwner ? [user('a@example.com', ID.a)] : [user('a@example.com', ID.a), user('b@example.com', ID.b)],
  roles: [],
  invitations,
});

/** B, invited to Lab: joins on accept, leaves on leave. */
function invitedB() {
  const state = { tenant: null as TenantDetails | null, invitations: [invitation], datasets: [dataset(ID.d1, 'Own')] };
  const client = new FakeClient()
    .handle('tenants.mine', () => state.tenant)
    .handle('tenants.invitations', () => state.invitations)
    .handle('datasets.list', () => state.datasets)
    .handle('tenants.acceptInvitation', ({ invitationId }) => {
      if (invitationId !== INVITATION || state.invitations.length === 0) throw new AppError('not_found', 'No such invitation');
      state.tenant = lab(false);
      state.invitations = [];
      state.datasets = [...state.datasets, dataset(ID.d2, 'Handbook', { isOwner: false })];
      return lab(false).tenant;
    })
    .handle('tenants.declineInvitation', () => {
      state.invitations = [];
      return { ok: true };
    })
    .handle('tenants.leave', ({ tenantId }) => {
      if (tenantId !== TENANT) throw new AppError('not_found', 'You are not a member of that tenant');
      state.tenant = null;
      state.datasets = state.datasets.filter((d) => d.isOwner);
      return { ok: true };
    });
  return { client, store: createAppStore(client), state };
}

describe('tenant slice', () => {
  it('loads the tenant and the invitations addressed to this profile', async () => {
    const { store } = invitedB();
    await store.getState().loadTenant();
    expect(store.getState().tenant).toBeNull();
    expect(store.getState().invitations).toEqual([invitation]);
    expect(store.getState().tenantLoaded).toBe(true);
  });

  it('accepting joins the tenant and re-reads the datasets its grants now reach', async () => {
    const { store, client } = invitedB();
    await store.getState().loadTenant();
    expect(await store.getState().acceptInvitation(INVITATION)).toBe(true);
    expect(client.calls.find((c) => c.name === 'tenants.acceptInvitation')?.input).toEqual({ invitationId: INVITATION });
    const s = store.getState();
    expect(s.tenant?.tenant.name).toBe('Lab');
    expect(s.invitations).toEqual([]);
    expect(s.datasets.map((d) => d.name).sort()).toEqual(['Handbook', 'Own']);
  });

  it('declining leaves the profile without a tenant and clears the invitation', async () => {
    const { store, client } = invitedB();
    await store.getState().loadTenant();
    expect(await store.getState().declineInvitation(INVITATION)).toBe(true);
    expect(client.names()).toContain('tenants.declineInvitation');
    expect(store.getState().tenant).toBeNull();
    expect(store.getState().invitations).toEqual([]);
  });

  it('leaving names the current tenant, then drops it and what it shared', async () => {
    const { store, client } = invitedB();
    await store.getState().loadTenant();
    await store.getState().acceptInvitation(INVITATION);
    expect(await store.getState().leaveTenant()).toBe(true);
    expect(client.calls.find((c) => c.name === 'tenants.leave')?.input).toEqual({ tenantId: TENANT });
    expect(store.getState().tenant).toBeNull();
    expect(store.getState().datasets.map((d) => d.name)).toEqual(['Own']);
  });

  it('a refused answer shows the app’s message and changes nothing', async () => {
    const { store } = invitedB();
    await store.getState().loadTenant();
    expect(await store.getState().acceptInvitation('00000000-0000-4000-8000-0000000000c2')).toBe(false);
    expect(store.getState().tenantError).toBe('No such invitation');
    expect(store.getState().tenant).toBeNull();
    expect(store.getState().invitations).toEqual([invitation]);
  });

  it('the owner invites by email: lookup, then an invitation (not a membership); pending ones are listed', async () => {
    let details = lab(true);
    const client = new FakeClient()
      .handle('tenants.mine', () => details)
      .handle('tenants.invitations', () => [])
      .handle('users.lookup', ({ email }) => ({ id: ID.b, email }))
      .handle('tenants.invite', () => {
        details = lab(true, [invitation]);
        return invitation;
      });
    const store = createAppStore(client);
    await store.getState().loadTenant();
    expect(await store.getState().inviteTenantMember(' b@example.com ')).toBe(true);
    expect(client.calls.find((c) => c.name === 'users.lookup')?.input).toEqual({ email: 'b@example.com' });
    expect(client.calls.find((c) => c.name === 'tenants.invite')?.input).toEqual({ tenantId: TENANT, userId: ID.b });
    expect(store.getState().tenant?.members.map((m) => m.id)).toEqual([ID.a]);
    expect(store.getState().tenant?.invitations.map((i) => i.userEmail)).toEqual(['b@example.com']);
  });
});
