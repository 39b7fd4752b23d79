import type { Sql } from '../sql';
import type { TenantId, UserId } from '../../../../shared/domain/ids';
import type { UserView } from '../../../../shared/domain/types';
import { newId, now } from './util';

export type UserRow = Readonly<{
  id: UserId;
  email: string;
  password_hash: string;
  tenant_id: TenantId | null;
  is_superuser: number;
  is_default: number;
  uses_default_password: number;
  created_at: string;
}>;

export function toUserView(r: UserRow): UserView {
  return {
    id: r.id,
    email: r.email,
    tenantId: r.tenant_id,
    isSuperuser: r.is_superuser === 1,
    isDefault: r.is_default === 1,
    usesDefaultPassword: r.uses_default_password === 1,
    createdAt: r.created_at,
  };
}

/** Users and their principal rows. Async signatures so a Postgres store can replace SQLite. */
export class UsersRepo {
  constructor(private readonly sql: Sql) {}

  async create(u: { email: string; passwordHash: string; isDefault?: boolean; isSuperuser?: boolean; usesDefaultPassword?: boolean }): Promise<UserRow> {
    const id = newId() as UserId;
    const at = now();
    this.sql.tx(() => {
      this.sql.stmt(`INSERT INTO principals (id, type, created_at) VALUES (?, 'user', ?)`).run(id, at);
      this.sql
        .stmt(
          `INSERT INTO users (id, email, password_hash, is_default, is_superuser, uses_default_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, u.email, u.passwordHash, u.isDefault ? 1 : 0, u.isSuperuser ? 1 : 0, u.usesDefaultPassword ? 1 : 0, at);
    });
    return (await this.byId(id))!;
  }

  async byId(id: string): Promise<UserRow | undefined> {
    return this.sql.stmt(`SELECT * FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  }

  async byEmail(email: string): Promise<UserRow | undefined> {
    return this.sql.stmt(`SELECT * FROM users WHERE email = ?`).get(email) as UserRow | undefined;
  }

  async defaultUser(): Promise<UserRow | undefined> {
    return this.sql.stmt(`SELECT * FROM users WHERE is_default = 1 LIMIT 1`).get() as UserRow | undefined;
  }

  async list(): Promise<UserRow[]> {
    return this.sql.stmt(`SELECT * FROM users ORDER BY created_at, email`).all() as UserRow[];
  }

  async count(): Promise<number> {
    return (this.sql.stmt(`SELECT COUNT(*) AS n FROM users`).get() as { n: number }).n;
  }

  async setPassword(id: UserId, passwordHash: string, usesDefaultPassword: boolean): Promise<void> {
    this.sql.stmt(`UPDATE users SET password_hash = ?, uses_default_password = ? WHERE id = ?`).run(passwordHash, usesDefaultPassword ? 1 : 0, id);
  }

  async inTenant(tenantId: TenantId): Promise<UserRow[]> {
    return this.sql.stmt(`SELECT * FROM users WHERE tenant_id = ? ORDER BY email`).all(tenantId) as UserRow[];
  }
}
