/**
 * Tenants and roles, with Cognee's rules: any signed-in user may create a tenant and
 * becomes its owner and member; only the owner manages members and roles; the owner
 * cannot be removed; a user belongs to at most one tenant; a role member must belong to
 * the role's tenant.
 */
import { AppError } from '../../../shared/domain/errors';
import type { RoleId, TenantId, UserId } from '../../../shared/domain/ids';
import type { RoleView, TenantView, UserView } from '../../../shared/domain/types';
import type { Store } from '../store';
import { toUserView } from '../store/repos/users-repo';
import type { Caller } from './caller';

export type TenantDetails = Readonly<{
  tenant: TenantView;
  isOwner: boolean;
  members: readonly UserView[];
  roles: readonly (RoleView & { memberIds: readonly UserId[] })[];
}>;

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
    return { tenant, isOwner: tenant.ownerId === caller.userId, members, roles };
  }

  async addMember(caller: Caller, tenantId: TenantId, userId: UserId): Promise<void> {
    const tenant = await this.ownedTenant(caller, tenantId);
    const user = await this.store.users.byId(userId);
    if (!user) throw new AppError('not_found', 'No such user');
    if (user.tenant_id === tenant.id) return;
    if (user.tenant_id) throw new AppError('conflict', 'That user already belongs to another tenant');
    await this.store.users.setTenant(user.id, tenant.id);
    await this.store.audit.record({ actorId: caller.userId, action: 'tenant.add_member', principalId: userId, detail: { tenantId } });
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
