import type { Sql } from '../sql';
import type { RoleId, TenantId, UserId } from '../../../../shared/domain/ids';
import type { RoleView, TenantInvitationView, TenantView } from '../../../../shared/domain/types';
import { newId, now } from './util';

type TenantRow = { id: TenantId; name: string; owner_id: UserId; created_at: string };
type RoleRow = { id: RoleId; tenant_id: TenantId; name: string; created_at: string };

const tenantView = (r: TenantRow): TenantView => ({ id: r.id, name: r.name, ownerId: r.owner_id, createdAt: r.created_at });
const roleView = (r: RoleRow): RoleView => ({ id: r.id, name: r.name, tenantId: r.tenant_id, createdAt: r.created_at });

type InvitationRow = {
  id: string;
  tenant_id: TenantId;
  tenant_name: string;
  user_id: UserId;
  user_email: string;
  invited_by_email: string;
  created_at: string;
};
const invitationView = (r: InvitationRow): TenantInvitationView => ({
  id: r.id,
  tenantId: r.tenant_id,
  tenantName: r.tenant_name,
  userId: r.user_id,
  userEmail: r.user_email,
  invitedByEmail: r.invited_by_email,
  createdAt: r.created_at,
});
const INVITATIONS = `
  SELECT i.id, i.tenant_id, t.name AS tenant_name, i.user_id, u.email AS user_email, b.email AS invited_by_email, i.created_at
  FROM tenant_invitations i
  JOIN tenants t ON t.id = i.tenant_id
  JOIN users u ON u.id = i.user_id
  JOIN users b ON b.id = i.invited_by`;

/** Why an invitation could not be accepted, for the service to turn into an error. */
export type AcceptOutcome = Readonly<{ ok: true; tenantId: TenantId } | { ok: false; reason: 'no_invitation' | 'already_in_tenant' }>;

/** Tenants, roles and role membership. */
export class TenantsRepo {
  constructor(private readonly sql: Sql) {}

  async createTenant(name: string, ownerId: UserId): Promise<TenantView> {
    const id = newId() as TenantId;
    const at = now();
    this.sql.tx(() => {
      this.sql.stmt(`INSERT INTO principals (id, type, created_at) VALUES (?, 'tenant', ?)`).run(id, at);
      this.sql.stmt(`INSERT INTO tenants (id, name, owner_id, created_at) VALUES (?, ?, ?, ?)`).run(id, name, ownerId, at);
      this.sql.stmt(`UPDATE users SET tenant_id = ? WHERE id = ?`).run(id, ownerId);
      // Invitations exist only for tenant-less profiles: joining any tenant ends the others.
      this.sql.stmt(`DELETE FROM tenant_invitations WHERE user_id = ?`).run(ownerId);
    });
    return (await this.tenantById(id))!;
  }

  async tenantById(id: string): Promise<TenantView | undefined> {
    const r = this.sql.stmt(`SELECT * FROM tenants WHERE id = ?`).get(id) as TenantRow | undefined;
    return r && tenantView(r);
  }

  async tenantByName(name: string): Promise<TenantView | undefined> {
    const r = this.sql.stmt(`SELECT * FROM tenants WHERE name = ?`).get(name) as TenantRow | undefined;
    return r && tenantView(r);
  }

  /** Deletes the tenant; members fall back to no tenant, its roles and their grants go with it. */
  async deleteTenant(id: TenantId): Promise<void> {
    this.sql.tx(() => {
      this.sql.stmt(`UPDATE users SET tenant_id = NULL WHERE tenant_id = ?`).run(id);
      const roles = this.sql.stmt(`SELECT id FROM roles WHERE tenant_id = ?`).all(id) as { id: string }[];
      for (const r of roles) this.sql.stmt(`DELETE FROM principals WHERE id = ?`).run(r.id);
      this.sql.stmt(`UPDATE datasets SET tenant_id = NULL WHERE tenant_id = ?`).run(id);
      this.sql.stmt(`DELETE FROM principals WHERE id = ?`).run(id);
    });
  }

  async createRole(tenantId: TenantId, name: string): Promise<RoleView> {
    const id = newId() as RoleId;
    const at = now();
    this.sql.tx(() => {
      this.sql.stmt(`INSERT INTO principals (id, type, created_at) VALUES (?, 'role', ?)`).run(id, at);
      this.sql.stmt(`INSERT INTO roles (id, tenant_id, name, created_at) VALUES (?, ?, ?, ?)`).run(id, tenantId, name, at);
    });
    return (await this.roleById(id))!;
  }

  async roleById(id: string): Promise<RoleView | undefined> {
    const r = this.sql.stmt(`SELECT * FROM roles WHERE id = ?`).get(id) as RoleRow | undefined;
    return r && roleView(r);
  }

  async roleByName(tenantId: TenantId, name: string): Promise<RoleView | undefined> {
    const r = this.sql.stmt(`SELECT * FROM roles WHERE tenant_id = ? AND name = ?`).get(tenantId, name) as RoleRow | undefined;
    return r && roleView(r);
  }

  async rolesOfTenant(tenantId: TenantId): Promise<RoleView[]> {
    return (this.sql.stmt(`SELECT * FROM roles WHERE tenant_id = ? ORDER BY name`).all(tenantId) as RoleRow[]).map(roleView);
  }

  async deleteRole(id: RoleId): Promise<void> {
    this.sql.stmt(`DELETE FROM principals WHERE id = ?`).run(id);
  }

  async addUserToRole(userId: UserId, roleId: RoleId): Promise<void> {
    this.sql.stmt(`INSERT OR IGNORE INTO user_roles (user_id, role_id, created_at) VALUES (?, ?, ?)`).run(userId, roleId, now());
  }

  async removeUserFromRole(userId: UserId, roleId: RoleId): Promise<void> {
    this.sql.stmt(`DELETE FROM user_roles WHERE user_id = ? AND role_id = ?`).run(userId, roleId);
  }

  async roleIdsOfUser(userId: UserId): Promise<RoleId[]> {
    return (this.sql.stmt(`SELECT role_id FROM user_roles WHERE user_id = ?`).all(userId) as { role_id: RoleId }[]).map((r) => r.role_id);
  }

  async roleMembers(roleId: RoleId): Promise<UserId[]> {
    return (this.sql.stmt(`SELECT user_id FROM user_roles WHERE role_id = ? ORDER BY created_at`).all(roleId) as { user_id: UserId }[]).map((r) => r.user_id);
  }

  /**
   * Removes a member from a tenant: clears their tenant, strips their roles in it and
   * their direct grants on the tenant's datasets (the rule), in one transaction.
   */
  async removeMember(tenantId: TenantId, userId: UserId): Promise<void> {
    this.sql.tx(() => {
      this.sql.stmt(`DELETE FROM user_roles WHERE user_id = ? AND role_id IN (SELECT id FROM roles WHERE tenant_id = ?)`).run(userId, tenantId);
      this.sql
        .stmt(`DELETE FROM acls WHERE principal_id = ? AND dataset_id IN (SELECT id FROM datasets WHERE tenant_id = ? AND owner_id <> ?)`)
        .run(userId, tenantId, userId);
      this.sql.stmt(`UPDATE users SET tenant_id = NULL WHERE id = ? AND tenant_id = ?`).run(userId, tenantId);
    });
  }

  /**
   * Records a pending invitation, only while the user belongs to no tenant (checked in the
   * same transaction, so a profile that just joined elsewhere is never left with one).
   * Inviting again returns the pending invitation unchanged; undefined when the user is in a tenant.
   */
  async createInvitation(tenantId: TenantId, userId: UserId, invitedBy: UserId): Promise<TenantInvitationView | undefined> {
    const id = this.sql.tx((): string | undefined => {
      const free = this.sql.stmt(`SELECT 1 FROM users WHERE id = ? AND tenant_id IS NULL`).get(userId);
      if (!free) return undefined;
      const existing = this.sql.stmt(`SELECT id FROM tenant_invitations WHERE tenant_id = ? AND user_id = ?`).get(tenantId, userId) as { id: string } | undefined;
      if (existing) return existing.id;
      const fresh = newId();
      this.sql
        .stmt(`INSERT INTO tenant_invitations (id, tenant_id, user_id, invited_by, created_at) VALUES (?, ?, ?, ?, ?)`)
        .run(fresh, tenantId, userId, invitedBy, now());
      return fresh;
    });
    return id === undefined ? undefined : this.invitationById(id);
  }

  async invitationById(id: string): Promise<TenantInvitationView | undefined> {
    const r = this.sql.stmt(`${INVITATIONS} WHERE i.id = ?`).get(id) as InvitationRow | undefined;
    return r && invitationView(r);
  }

  /** Pending invitations of a tenant, oldest first (what its owner sees). */
  async invitationsOfTenant(tenantId: TenantId): Promise<TenantInvitationView[]> {
    return (this.sql.stmt(`${INVITATIONS} WHERE i.tenant_id = ? ORDER BY i.created_at, u.email`).all(tenantId) as InvitationRow[]).map(invitationView);
  }

  /** Pending invitations addressed to a user, oldest first (what the invited profile sees). */
  async invitationsOfUser(userId: UserId): Promise<TenantInvitationView[]> {
    return (this.sql.stmt(`${INVITATIONS} WHERE i.user_id = ? ORDER BY i.created_at, t.name`).all(userId) as InvitationRow[]).map(invitationView);
  }

  async deleteInvitation(id: string): Promise<void> {
    this.sql.stmt(`DELETE FROM tenant_invitations WHERE id = ?`).run(id);
  }

  /**
   * Accepts invitation `id` on behalf of `userId`, in one transaction: the invitation must be
   * addressed to that user, who must still belong to no tenant; they join, and every other
   * invitation addressed to them ends (a user belongs to at most one tenant).
   */
  async acceptInvitation(id: string, userId: UserId): Promise<AcceptOutcome> {
    return this.sql.tx((): AcceptOutcome => {
      const inv = this.sql.stmt(`SELECT tenant_id FROM tenant_invitations WHERE id = ? AND user_id = ?`).get(id, userId) as { tenant_id: TenantId } | undefined;
      if (!inv) return { ok: false, reason: 'no_invitation' };
      const joined = this.sql.stmt(`UPDATE users SET tenant_id = ? WHERE id = ? AND tenant_id IS NULL`).run(inv.tenant_id, userId);
      if (joined.changes !== 1) return { ok: false, reason: 'already_in_tenant' };
      this.sql.stmt(`DELETE FROM tenant_invitations WHERE user_id = ?`).run(userId);
      return { ok: true, tenantId: inv.tenant_id };
    });
  }
}
