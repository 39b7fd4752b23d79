import type { Db } from '../db';
import type { RoleId, TenantId, UserId } from '../../../../shared/domain/ids';
import type { RoleView, TenantView } from '../../../../shared/domain/types';
import { newId, now } from './util';

type TenantRow = { id: TenantId; name: string; owner_id: UserId; created_at: string };
type RoleRow = { id: RoleId; tenant_id: TenantId; name: string; created_at: string };

const tenantView = (r: TenantRow): TenantView => ({ id: r.id, name: r.name, ownerId: r.owner_id, createdAt: r.created_at });
const roleView = (r: RoleRow): RoleView => ({ id: r.id, name: r.name, tenantId: r.tenant_id, createdAt: r.created_at });

/** Tenants, roles and role membership. */
export class TenantsRepo {
  constructor(private readonly db: Db) {}

  async createTenant(name: string, ownerId: UserId): Promise<TenantView> {
    const id = newId() as TenantId;
    const at = now();
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO principals (id, type, created_at) VALUES (?, 'tenant', ?)`).run(id, at);
      this.db.prepare(`INSERT INTO tenants (id, name, owner_id, created_at) VALUES (?, ?, ?, ?)`).run(id, name, ownerId, at);
      this.db.prepare(`UPDATE users SET tenant_id = ? WHERE id = ?`).run(id, ownerId);
    })();
    return (await this.tenantById(id))!;
  }

  async tenantById(id: string): Promise<TenantView | undefined> {
    const r = this.db.prepare(`SELECT * FROM tenants WHERE id = ?`).get(id) as TenantRow | undefined;
    return r && tenantView(r);
  }

  async tenantByName(name: string): Promise<TenantView | undefined> {
    const r = this.db.prepare(`SELECT * FROM tenants WHERE name = ?`).get(name) as TenantRow | undefined;
    return r && tenantView(r);
  }

  /** Deletes the tenant; members fall back to no tenant, its roles and their grants go with it. */
  async deleteTenant(id: TenantId): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE users SET tenant_id = NULL WHERE tenant_id = ?`).run(id);
      const roles = this.db.prepare(`SELECT id FROM roles WHERE tenant_id = ?`).all(id) as { id: string }[];
      for (const r of roles) this.db.prepare(`DELETE FROM principals WHERE id = ?`).run(r.id);
      this.db.prepare(`UPDATE datasets SET tenant_id = NULL WHERE tenant_id = ?`).run(id);
      this.db.prepare(`DELETE FROM principals WHERE id = ?`).run(id);
    })();
  }

  async createRole(tenantId: TenantId, name: string): Promise<RoleView> {
    const id = newId() as RoleId;
    const at = now();
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO principals (id, type, created_at) VALUES (?, 'role', ?)`).run(id, at);
      this.db.prepare(`INSERT INTO roles (id, tenant_id, name, created_at) VALUES (?, ?, ?, ?)`).run(id, tenantId, name, at);
    })();
    return (await this.roleById(id))!;
  }

  async roleById(id: string): Promise<RoleView | undefined> {
    const r = this.db.prepare(`SELECT * FROM roles WHERE id = ?`).get(id) as RoleRow | undefined;
    return r && roleView(r);
  }

  async roleByName(tenantId: TenantId, name: string): Promise<RoleView | undefined> {
    const r = this.db.prepare(`SELECT * FROM roles WHERE tenant_id = ? AND name = ?`).get(tenantId, name) as RoleRow | undefined;
    return r && roleView(r);
  }

  async rolesOfTenant(tenantId: TenantId): Promise<RoleView[]> {
    return (this.db.prepare(`SELECT * FROM roles WHERE tenant_id = ? ORDER BY name`).all(tenantId) as RoleRow[]).map(roleView);
  }

  async deleteRole(id: RoleId): Promise<void> {
    this.db.prepare(`DELETE FROM principals WHERE id = ?`).run(id);
  }

  async addUserToRole(userId: UserId, roleId: RoleId): Promise<void> {
    this.db.prepare(`INSERT OR IGNORE INTO user_roles (user_id, role_id, created_at) VALUES (?, ?, ?)`).run(userId, roleId, now());
  }

  async removeUserFromRole(userId: UserId, roleId: RoleId): Promise<void> {
    this.db.prepare(`DELETE FROM user_roles WHERE user_id = ? AND role_id = ?`).run(userId, roleId);
  }

  async roleIdsOfUser(userId: UserId): Promise<RoleId[]> {
    return (this.db.prepare(`SELECT role_id FROM user_roles WHERE user_id = ?`).all(userId) as { role_id: RoleId }[]).map((r) => r.role_id);
  }

  async roleMembers(roleId: RoleId): Promise<UserId[]> {
    return (this.db.prepare(`SELECT user_id FROM user_roles WHERE role_id = ? ORDER BY created_at`).all(roleId) as { user_id: UserId }[]).map((r) => r.user_id);
  }

  /**
   * Removes a member from a tenant: clears their tenant, strips their roles in it and
   * their direct grants on the tenant's datasets (the rule), in one transaction.
   */
  async removeMember(tenantId: TenantId, userId: UserId): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM user_roles WHERE user_id = ? AND role_id IN (SELECT id FROM roles WHERE tenant_id = ?)`).run(userId, tenantId);
      this.db
        .prepare(`DELETE FROM acls WHERE principal_id = ? AND dataset_id IN (SELECT id FROM datasets WHERE tenant_id = ? AND owner_id <> ?)`)
        .run(userId, tenantId, userId);
      this.db.prepare(`UPDATE users SET tenant_id = NULL WHERE id = ? AND tenant_id = ?`).run(userId, tenantId);
    })();
  }
}
