import type { Sql } from '../sql';
import type { UserId } from '../../../../shared/domain/ids';
import { newId, now } from './util';

export type ConfigurationRow = Readonly<{ id: string; name: string; json: string; created_at: string; updated_at: string }>;

/** Named JSON configurations a profile stores (Cognee's principal configurations); a name is unique per profile. */
export class ConfigurationsRepo {
  constructor(private readonly sql: Sql) {}

  /**
   * Inserts, or replaces the one of that name in place (keeping its id). False when a new name
   * would pass `maxCount` for the profile (red team, issue 19: names were unbounded); replacing
   * an existing one is always allowed. Checked in the same synchronous step as the write.
   */
  async upsert(userId: UserId, name: string, value: unknown, maxCount: number): Promise<boolean> {
    const exists = this.sql.stmt(`SELECT 1 FROM user_configurations WHERE user_id = ? AND name = ?`).get(userId, name);
    const { n } = this.sql.stmt(`SELECT COUNT(*) AS n FROM user_configurations WHERE user_id = ?`).get(userId) as { n: number };
    if (!exists && n >= maxCount) return false;
    const at = now();
    this.sql
      .stmt(
        `INSERT INTO user_configurations (id, user_id, name, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(user_id, name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
      )
      .run(newId(), userId, name, JSON.stringify(value), at, at);
    return true;
  }

  async list(userId: UserId): Promise<ConfigurationRow[]> {
    return this.sql.stmt(`SELECT id, name, json, created_at, updated_at FROM user_configurations WHERE user_id = ? ORDER BY created_at, name`).all(userId) as ConfigurationRow[];
  }
}
