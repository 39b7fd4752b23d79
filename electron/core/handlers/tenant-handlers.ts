import type { Handlers } from './types';
import { callerOf } from './types';

type TenantHandlers = Pick<
  Handlers,
  | 'tenants.mine'
  | 'tenants.create'
  | 'tenants.invite'
  | 'tenants.cancelInvitation'
  | 'tenants.invitations'
  | 'tenants.acceptInvitation'
  | 'tenants.declineInvitation'
  | 'tenants.leave'
  | 'tenants.removeMember'
  | 'tenants.delete'
  | 'roles.create'
  | 'roles.delete'
  | 'roles.addMember'
  | 'roles.removeMember'
>;

const OK = { ok: true } as const;

export const tenantHandlers: TenantHandlers = {
  'tenants.mine': async (ctx) => {
    const d = await ctx.services.tenants.mine(callerOf(ctx));
    return d
      ? { ...d, members: [...d.members], roles: d.roles.map((r) => ({ ...r, memberIds: [...r.memberIds] })), invitations: [...d.invitations] }
      : null;
  },
  'tenants.create': async (ctx, i) => ctx.services.tenants.create(callerOf(ctx), i.name),
  'tenants.invite': async (ctx, i) => ctx.services.tenants.invite(callerOf(ctx), i.tenantId, i.userId),
  'tenants.cancelInvitation': async (ctx, i) => (await ctx.services.tenants.cancelInvitation(callerOf(ctx), i.invitationId), OK),
  'tenants.invitations': async (ctx) => ctx.services.tenants.invitations(callerOf(ctx)),
  'tenants.acceptInvitation': async (ctx, i) => ctx.services.tenants.acceptInvitation(callerOf(ctx), i.invitationId),
  'tenants.declineInvitation': async (ctx, i) => (await ctx.services.tenants.declineInvitation(callerOf(ctx), i.invitationId), OK),
  'tenants.leave': async (ctx, i) => (await ctx.services.tenants.leave(callerOf(ctx), i.tenantId), OK),
  'tenants.removeMember': async (ctx, i) => (await ctx.services.tenants.removeMember(callerOf(ctx), i.tenantId, i.userId), OK),
  'tenants.delete': async (ctx, i) => (await ctx.services.tenants.delete(callerOf(ctx), i.tenantId), OK),
  'roles.create': async (ctx, i) => ctx.services.tenants.createRole(callerOf(ctx), i.name),
  'roles.delete': async (ctx, i) => (await ctx.services.tenants.deleteRole(callerOf(ctx), i.roleId), OK),
  'roles.addMember': async (ctx, i) => (await ctx.services.tenants.addRoleMember(callerOf(ctx), i.roleId, i.userId), OK),
  'roles.removeMember': async (ctx, i) => (await ctx.services.tenants.removeRoleMember(callerOf(ctx), i.roleId, i.userId), OK),
};
