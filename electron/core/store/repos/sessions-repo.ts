import type { Sql } from '../sql';
import type { UserId } from '../../../../shared/domain/ids';
import { newId, now } from './util';

/** Sign-in sessions. Only the sha256 of a token is stored. */
export class SessionsRepo {
  constructor(private readonly sql: Sql) {}

  async create(tokenHash: string, userId: UserId, expiresAt: string): Promise<void> {
    this.sql.stmt(`INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(newId(), tokenHash, userId, now(), expiresAt);
  }

  async userFor(tokenHash: string): Promise<UserId | undefined> {
    const r = this.sql.stmt(`SELECT user_id, expires_at FROM sessions WHERE token_hash = ?`).get(tokenHash) as
      | { user_id: UserId; expires_at: string }
      | undefined;
    if (!r) return undefined;
    if (r.expires_at <= now()) {
      await this.delete(tokenHash);
      return undefined;
    }
    return r.user_id;
  }

  async delete(tokenHash: string): Promise<void> {
    this.sql.stmt(`DELETE FROM sessions WHERE token_hash = ?`).run(tokenHash);
  }

  async deleteForUser(userId: UserId): Promise<void> {
    this.sql.stmt(`DELETE FROM sessions WHERE user_id = ?`).run(userId);
  }
}
