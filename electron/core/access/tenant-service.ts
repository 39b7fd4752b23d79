/**
 * Tenants and roles, with Cognee's rules: any signed-in user may create a tenant and
 * becomes its owner and member; only the owner manages members and roles; the owner
 * cannot be removed; a user belongs to at most one tenant; a role member must belong to
 * the role's tenant.
 *
 * Membership is by consent (issue 12): the owner only invites a tenant-less profile, which
 * joins by accepting; until then it is no member and no tenant grant reaches it. A member may
 * leave, which strips its roles and direct grants exactly as removal does. The owner cannot
 * leave the tenant it owns: a tenant without an owner could never be managed again, so the
 * owner deletes the tenant instead (which releases every member).
 */
import { AppError } from '../../../shared/domain/errors';
import type { RoleId, TenantId, UserId } from '../../../shared/domain/ids';
import type { RoleView, TenantInvitationView, TenantView, UserView } from '../../../shared/domain/types';
import type { Store } from '../store';
import { toUserView } from '../store/repos/users-repo';
import type { Caller } from './caller';

export type TenantDetails = Readonly<{
  tenant: TenantView;
  isOwner: boolean;
  members: readonly UserView[];
  roles: readonly (RoleView & { memberIds: readonly UserId[] })[];
  /** Pending invitations; only the owner sees them. */
  invitations: readonly TenantInvitationView[];
}>;

/** One error for "no such invitation" and "not addressed to you", so ids reveal nothing. */
const noSuchInvitation = () => new AppError('not_found', 'No such invitation');
const inAnotherTenant = () =>
  new AppError('conflict', 'That user already belongs to a tenant; a user belongs to at most one, so they must leave it before they can be invited');

export class TenantService {
  constructor(private readonly store: Store) {}

  async create(caller: Caller, name: string): Promise<TenantView> {
    if (caller.tenantId) throw new AppError('conflict', 'You already belong to a tenant; a user belongs to at most one');
    if (await this.store.tenants.tenantByName(name)) throw new AppError('conflict', `A tenant named "${name}" already exists`);
    return this.store.tenants.createTenant(name, caller.userId);
  }

  /** The caller's tenant with members and roles, or null when they belong to none. */
  async mine(caller: Caller): Promise<TenantDetails | null> {
    if (!caller.tenantId) return null;
    const tenant = await this.store.tenants.tenantById(caller.tenantId);
    if (!tenant) return null;
    const members = (await this.store.users.inTenant(tenant.id)).map(toUserView);
    const roles = await Promise.all(
      (await this.store.tenants.rolesOfTenant(tenant.id)).map(async (r) => ({ ...r, memberIds: await this.store.tenants.roleMembers(r.id) })),
    );
    const isOwner = tenant.ownerId === caller.userId;
    const invitations = isOwner ? await this.store.tenants.invitationsOfTenant(tenant.id) : [];
    return { tenant, isOwner, members, roles, invitations };
  }

  /**
   * The owner invites a profile that belongs to no tenant. Nothing about the invitee changes
   * until it accepts. Inviting someone already invited returns the pending invitation.
   */
  async invite(caller: Caller, tenantId: TenantId, userId: UserId): Promise<TenantInvitationView> {
    const tenant = await this.ownedTenant(caller, tenantId);
    const user = await this.store.users.byId(userId);
    if (!user) throw new AppError('not_found', 'No such user');
    if (user.tenant_id === tenant.id) throw new AppError('conflict', 'That user is already a member of this tenant');
    if (user.tenant_id) throw inAnotherTenant();
    const invitation = await this.store.tenants.createInvitation(tenant.id, user.id, caller.userId);
    if (!invitation) throw inAnotherTenant(); // joined a tenant between the check and the insert
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.invite', principalId: userId, detail: { tenantId, invitationId: invitation.id } });
    return invitation;
  }

  /** The owner withdraws a pending invitation of their tenant. */
  async cancelInvitation(caller: Caller, invitationId: string): Promise<void> {
    const invitation = await this.store.tenants.invitationById(invitationId);
    const tenant = invitation && (await this.store.tenants.tenantById(invitation.tenantId));
    if (!invitation || !tenant || tenant.ownerId !== caller.userId) throw noSuchInvitation();
    await this.store.tenants.deleteInvitation(invitation.id);
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.cancel_invitation', principalId: invitation.userId, detail: { tenantId: tenant.id } });
  }

  /** Invitations addressed to the caller. */
  async invitations(caller: Caller): Promise<TenantInvitationView[]> {
    return this.store.tenants.invitationsOfUser(caller.userId);
  }

  /** The invitee joins the tenant; an invitation addressed to anyone else does not exist for them. */
  async acceptInvitation(caller: Caller, invitationId: string): Promise<TenantView> {
    const r = await this.store.tenants.acceptInvitation(invitationId, caller.userId);
    if (!r.ok) {
      if (r.reason === 'no_invitation') throw noSuchInvitation();
      throw new AppError('conflict', 'You already belong to a tenant; leave it before accepting an invitation to another');
    }
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.accept_invitation', principalId: caller.userId, detail: { tenantId: r.tenantId } });
    return (await this.store.tenants.tenantById(r.tenantId))!;
  }

  async declineInvitation(caller: Caller, invitationId: string): Promise<void> {
    const invitation = await this.store.tenants.invitationById(invitationId);
    if (!invitation || invitation.userId !== caller.userId) throw noSuchInvitation();
    await this.store.tenants.deleteInvitation(invitation.id);
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.decline_invitation', principalId: caller.userId, detail: { tenantId: invitation.tenantId } });
  }

  /** A member leaves: like removal, it strips their roles and direct grants on the tenant's datasets. */
  async leave(caller: Caller, tenantId: TenantId): Promise<void> {
    const tenant = caller.tenantId === tenantId ? await this.store.tenants.tenantById(tenantId) : undefined;
    if (!tenant) throw new AppError('not_found', 'You are not a member of that tenant');
    if (tenant.ownerId === caller.userId) {
      throw new AppError('conflict', 'The owner cannot leave the tenant they own; delete the tenant instead, which releases every member');
    }
    await this.store.tenants.removeMember(tenant.id, caller.userId);
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.leave', principalId: caller.userId, detail: { tenantId } });
  }

  async removeMember(caller: Caller, tenantId: TenantId, userId: UserId): Promise<void> {
    const tenant = await this.ownedTenant(caller, tenantId);
    if (userId === tenant.ownerId) throw new AppError('conflict', 'The tenant owner cannot be removed from the tenant');
    const user = await this.store.users.byId(userId);
    if (!user || user.tenant_id !== tenant.id) throw new AppError('not_found', 'That user is not a member of the tenant');
    await this.store.tenants.removeMember(tenant.id, user.id);
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.remove_member', principalId: userId, detail: { tenantId } });
  }

  async delete(caller: Caller, tenantId: TenantId): Promise<void> {
    await this.ownedTenant(caller, tenantId);
    await this.store.tenants.deleteTenant(tenantId);
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.delete', principalId: tenantId });
  }

  async createRole(caller: Caller, name: string): Promise<RoleView> {
    const tenant = await this.ownedTenant(caller, caller.tenantId);
    if (await this.store.tenants.roleByName(tenant.id, name)) throw new AppError('conflict', `A role named "${name}" already exists in the tenant`);
    return this.store.tenants.createRole(tenant.id, name);
  }

  async deleteRole(caller: Caller, roleId: RoleId): Promise<void> {
    const role = await this.ownedRole(caller, roleId);
    await this.store.tenants.deleteRole(role.id);
    await this.store.audit.record({ actorId: caller.userId, action: 'role.delete', principalId: roleId });
  }

  async addRoleMember(caller: Caller, roleId: RoleId, userId: UserId): Promise<void> {
    const role = await this.ownedRole(caller, roleId);
    const user = await this.store.users.byId(userId);
    if (!user) throw new AppError('not_found', 'No such user');
    if (user.tenant_id !== role.tenantId) throw new AppError('conflict', 'A role member must belong to the role’s tenant');
    await this.store.tenants.addUserToRole(user.id, role.id);
    await this.store.audit.record({ actorId: caller.userId, action: 'role.add_member', principalId: roleId, detail: { userId } });
  }

  async removeRoleMember(caller: Caller, roleId: RoleId, userId: UserId): Promise<void> {
    const role = await this.ownedRole(caller, roleId);
    await this.store.tenants.removeUserFromRole(userId, role.id);
    await this.store.audit.record({ actorId: caller.userId, action: 'role.remove_member', principalId: roleId, detail: { userId } });
  }

  private async ownedTenant(caller: Caller, tenantId: TenantId | null): Promise<TenantView> {
    const tenant = tenantId ? await this.store.tenants.tenantById(tenantId) : undefined;
    if (!tenant) throw new AppError(tenantId ? 'not_found' : 'permission_denied', tenantId ? 'No such tenant' : 'You do not own a tenant');
    if (tenant.ownerId !== caller.userId) throw new AppError('permission_denied', 'Only the tenant owner can do this');
    return tenant;
  }

  private async ownedRole(caller: Caller, roleId: RoleId): Promise<RoleView> {
    const role = await this.store.tenants.roleById(roleId);
    if (!role) throw new AppError('not_found', 'No such role');
    await this.ownedTenant(caller, role.tenantId);
    return role;
  }
}
