/**
 * Tenant membership by consent (issue 12, part 5). The attack: a tenant owner put any
 * tenant-less profile into their tenant — reaching it with tenant and role grants, filing its
 * new datasets under the tenant — and the profile could not leave. Now the owner only invites;
 * the profile joins by accepting, may decline, and may leave (losing its roles and direct
 * grants on the tenant's datasets, as removal does). Runs through the real core, in-process
 * and over HTTP. The steps build on each other (one story, four profiles), so they run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { openHttpTestCore, replyOf } from '../../helpers/http-core';
import { joinTenant } from '../../helpers/tenants';

type U = Awaited<ReturnType<TestCore['user']>>;
const NO_SUCH_ID = '3f1c2b8e-0000-4000-8000-00000000abcd';

describe.each([
  ['in-process', openTestCore],
  ['http', openHttpTestCore],
] as const)('tenant invitations (%s)', (_binding, open) => {
  let t: TestCore;
  let owner: U; // T: owns tenant "Acme"
  let v: U; // V: the profile T wants in
  let x: U; // X: a bystander, later the owner of another tenant
  let w: U; // W: invited by two tenants
  let tenantId: string;
  let roleId: string;
  let viaTenant: string; // Acme's dataset shared with the tenant
  let viaRole: string; // Acme's dataset shared with the role
  let direct: string; // Acme's dataset granted directly to V once V is a member
  let invitation: string; // V's first invitation
  let xTenant: string;
  const listed = async (u: U) => (await t.call(u.token, 'datasets.list')).map((d) => d.id);
  const members = async () => (await t.call(owner.token, 'tenants.mine'))!.members.map((m) => m.id);
  const pending = async () => (await t.call(owner.token, 'tenants.mine'))!.invitations.map((i) => i.userId);
  const tenantOf = async (u: U) => (await t.call(u.token, 'auth.me')).tenantId;

  beforeAll(async () => {
    t = await open();
    owner = await t.user('owner@example.com');
    v = await t.user('v@example.com');
    x = await t.user('x@example.com');
    w = await t.user('w@example.com');
    tenantId = (await t.call(owner.token, 'tenants.create', { name: 'Acme' })).id;
    roleId = (await t.call(owner.token, 'roles.create', { name: 'editors' })).id;
    viaTenant = (await t.call(owner.token, 'datasets.create', { name: 'handbook' })).id;
    viaRole = (await t.call(owner.token, 'datasets.create', { name: 'drafts' })).id;
    direct = (await t.call(owner.token, 'datasets.create', { name: 'ledger' })).id;
    await t.call(owner.token, 'sharing.grant', { datasetId: viaTenant, principalId: tenantId, permissions: ['read'] });
    await t.call(owner.token, 'sharing.grant', { datasetId: viaRole, principalId: roleId, permissions: ['read', 'write'] });
  });
  afterAll(async () => t.close());

  it('an invited profile is no member until it accepts: not listed, no tenant grant, no role, its data stays its own', async () => {
    const inv = await t.call(owner.token, 'tenants.invite', { tenantId, userId: v.id });
    invitation = inv.id;
    expect(inv).toMatchObject({ tenantId, tenantName: 'Acme', userId: v.id, userEmail: v.email, invitedByEmail: owner.email });

    expect(await members()).toEqual([owner.id]);
    expect(await pending()).toEqual([v.id]);
    expect(await t.call(v.token, 'tenants.mine')).toBeNull();
    expect(await tenantOf(v)).toBeNull();
    // no grant to the tenant reaches V
    expect(await listed(v)).not.toContain(viaTenant);
    expect(await t.code(v.token, 'datasets.get', { datasetId: viaTenant })).toBe('permission_denied');
    // the owner cannot hand V a role either
    expect(await t.code(owner.token, 'roles.addMember', { roleId, userId: v.id })).toBe('conflict');
    // what V creates meanwhile is not filed under the tenant, and the owner cannot see it
    const own = await t.call(v.token, 'datasets.create', { name: 'diary' });
    expect(own.tenantId).toBeNull();
    expect(await t.code(owner.token, 'datasets.get', { datasetId: own.id })).toBe('permission_denied');
    // V sees the invitation addressed to it
    expect(await t.call(v.token, 'tenants.invitations')).toEqual([inv]);
  });

  it('there is no direct add: the old tenants.addMember is gone', async () => {
    expect(await t.code(owner.token, 'tenants.addMember' as never, { tenantId, userId: v.id })).toBe('invalid_input');
    expect(await tenantOf(v)).toBeNull();
  });

  it('nobody can accept or decline an invitation addressed to someone else, and gets the same answer as for no invitation', async () => {
    for (const name of ['tenants.acceptInvitation', 'tenants.declineInvitation'] as const) {
      const theirs = await replyOf(t, x.token, name, { invitationId: invitation });
      const none = await replyOf(t, x.token, name, { invitationId: NO_SUCH_ID });
      expect(theirs).toEqual(none);
      expect(theirs).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    // the tenant owner cannot accept on V's behalf either
    expect(await t.code(owner.token, 'tenants.acceptInvitation', { invitationId: invitation })).toBe('not_found');
    expect(await tenantOf(x)).toBeNull();
    expect(await members()).toEqual([owner.id]);
    expect(await pending()).toEqual([v.id]); // still V's to answer
  });

  it('only the owner withdraws an invitation, and inviting twice keeps one', async () => {
    expect(await t.code(x.token, 'tenants.cancelInvitation', { invitationId: invitation })).toBe('not_found');
    expect(await t.code(v.token, 'tenants.cancelInvitation', { invitationId: invitation })).toBe('not_found');
    expect((await t.call(owner.token, 'tenants.invite', { tenantId, userId: v.id })).id).toBe(invitation);
    expect(await t.call(v.token, 'tenants.invitations')).toHaveLength(1);
  });

  it('declining leaves V outside; the declined invitation cannot be accepted later', async () => {
    await t.call(v.token, 'tenants.declineInvitation', { invitationId: invitation });
    expect(await t.call(v.token, 'tenants.invitations')).toEqual([]);
    expect(await pending()).toEqual([]);
    expect(await members()).toEqual([owner.id]);
    expect(await t.call(v.token, 'tenants.mine')).toBeNull();
    expect(await t.code(v.token, 'tenants.acceptInvitation', { invitationId: invitation })).toBe('not_found');
    expect(await t.code(v.token, 'datasets.get', { datasetId: viaTenant })).toBe('permission_denied');
  });

  it('a withdrawn invitation cannot be accepted', async () => {
    const inv = await t.call(owner.token, 'tenants.invite', { tenantId, userId: v.id });
    await t.call(owner.token, 'tenants.cancelInvitation', { invitationId: inv.id });
    expect(await t.call(v.token, 'tenants.invitations')).toEqual([]);
    expect(await t.code(v.token, 'tenants.acceptInvitation', { invitationId: inv.id })).toBe('not_found');
    expect(await members()).toEqual([owner.id]);
  });

  it('accepting makes V a member: tenant grants reach it, the owner may give it roles; only owners see pending invitations', async () => {
    await joinTenant(t, owner.token, tenantId, v);
    expect((await members()).sort()).toEqual([owner.id, v.id].sort());
    expect(await t.call(v.token, 'tenants.mine')).toMatchObject({ tenant: { id: tenantId }, isOwner: false, invitations: [] });
    expect(await t.code(v.token, 'datasets.get', { datasetId: viaTenant })).toBe('ok');
    await t.call(owner.token, 'roles.addMember', { roleId, userId: v.id });
    expect(await t.code(v.token, 'datasets.get', { datasetId: viaRole })).toBe('ok');
    // members do not invite
    expect(await t.code(v.token, 'tenants.invite', { tenantId, userId: w.id })).toBe('permission_denied');
    const again = await replyOf(t, owner.token, 'tenants.invite', { tenantId, userId: v.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: 'That user is already a member of this tenant' } });
  });

  it('V leaves: no longer a member, its roles and direct grants on the tenant’s datasets stripped, its own data kept', async () => {
    await t.call(owner.token, 'sharing.grant', { datasetId: direct, principalId: v.id, permissions: ['read', 'write'] });
    const own = await t.call(v.token, 'datasets.create', { name: 'notes' });
    expect(own.tenantId).toBe(tenantId);
    for (const d of [viaTenant, viaRole, direct]) expect(await t.code(v.token, 'datasets.get', { datasetId: d })).toBe('ok');
    expect(await t.code(v.token, 'tenants.leave', { tenantId: NO_SUCH_ID })).toBe('not_found'); // only one's own tenant

    await t.call(v.token, 'tenants.leave', { tenantId });

    expect(await members()).toEqual([owner.id]);
    expect(await t.call(v.token, 'tenants.mine')).toBeNull();
    expect((await t.call(owner.token, 'tenants.mine'))!.roles.find((r) => r.id === roleId)!.memberIds).toEqual([]);
    for (const d of [viaTenant, viaRole, direct]) expect(await t.code(v.token, 'datasets.get', { datasetId: d })).toBe('permission_denied');
    expect(await listed(v)).not.toEqual(expect.arrayContaining([viaTenant]));
    expect((await t.call(owner.token, 'sharing.list', { datasetId: direct })).map((g) => g.principalId)).not.toContain(v.id);
    expect((await t.call(v.token, 'datasets.get', { datasetId: own.id })).permissions).toEqual({ read: true, write: true, delete: true, share: true });
    expect(await t.code(v.token, 'tenants.leave', { tenantId })).toBe('not_found'); // no longer a member
    const log = await t.core.services.store.audit.recent(100);
    for (const action of ['tenant.invite', 'tenant.decline_invitation', 'tenant.accept_invitation', 'tenant.leave']) {
      expect(log.some((e) => e.action === action && (e.actorId === v.id || e.principalId === v.id))).toBe(true);
    }
  });

  it('the owner cannot leave the tenant it owns: a clear conflict that points to deleting it', async () => {
    const r = await replyOf(t, owner.token, 'tenants.leave', { tenantId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!r.ok && r.error.message).toMatch(/owner cannot leave.*delete the tenant/i);
    expect(await tenantOf(owner)).toBe(tenantId);
  });

  it('an invited profile can still found its own tenant; the invitation then ends', async () => {
    const inv = await t.call(owner.token, 'tenants.invite', { tenantId, userId: x.id });
    xTenant = (await t.call(x.token, 'tenants.create', { name: 'Xeno' })).id;
    expect(await tenantOf(x)).toBe(xTenant);
    expect(await pending()).toEqual([]);
    expect(await t.code(x.token, 'tenants.acceptInvitation', { invitationId: inv.id })).toBe('not_found');
    expect(await members()).toEqual([owner.id]);
  });

  it('an invited profile can join another tenant instead; its other invitations end', async () => {
    const mine = await t.call(owner.token, 'tenants.invite', { tenantId, userId: w.id });
    const theirs = await t.call(x.token, 'tenants.invite', { tenantId: xTenant, userId: w.id });
    expect((await t.call(w.token, 'tenants.invitations')).map((i) => i.tenantName).sort()).toEqual(['Acme', 'Xeno']);
    expect((await t.call(w.token, 'tenants.acceptInvitation', { invitationId: theirs.id })).id).toBe(xTenant);
    expect(await t.call(w.token, 'tenants.invitations')).toEqual([]);
    expect(await pending()).toEqual([]);
    expect(await t.code(w.token, 'tenants.acceptInvitation', { invitationId: mine.id })).toBe('not_found');
    expect(await tenantOf(w)).toBe(xTenant);
  });

  it('invite errors name the problem: in another tenant, no such user or tenant, not the owner, bad id', async () => {
    const taken = await replyOf(t, owner.token, 'tenants.invite', { tenantId, userId: w.id });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!taken.ok && taken.error.message).toMatch(/already belongs to a tenant.*leave it/);
    expect(await t.code(owner.token, 'tenants.invite', { tenantId, userId: NO_SUCH_ID })).toBe('not_found');
    expect(await t.code(owner.token, 'tenants.invite', { tenantId: NO_SUCH_ID, userId: v.id })).toBe('not_found');
    expect(await t.code(v.token, 'tenants.invite', { tenantId, userId: v.id })).toBe('permission_denied'); // nobody invites themselves in
    expect(await t.code(owner.token, 'tenants.invite', { tenantId, userId: 'not-a-uuid' })).toBe('invalid_input');
    expect(await t.call(v.token, 'tenants.invitations')).toEqual([]);
  });

  it('deleting a tenant ends its pending invitations and releases its members', async () => {
    const inv = await t.call(x.token, 'tenants.invite', { tenantId: xTenant, userId: v.id });
    await t.call(x.token, 'tenants.delete', { tenantId: xTenant });
    expect(await t.call(v.token, 'tenants.invitations')).toEqual([]);
    expect(await t.code(v.token, 'tenants.acceptInvitation', { invitationId: inv.id })).toBe('not_found');
    expect(await tenantOf(v)).toBeNull();
    expect(await tenantOf(w)).toBeNull();
  });
});
