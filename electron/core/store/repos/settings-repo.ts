import type { Sql } from '../sql';
import type { UserId } from '../../../../shared/domain/ids';
import { now } from './util';

/** Per-profile settings as one JSON document, validated by the caller. */
export class SettingsRepo {
  constructor(private readonly sql: Sql) {}

  async get(userId: UserId): Promise<unknown> {
    const r = this.sql.stmt(`SELECT json FROM user_settings WHERE user_id = ?`).get(userId) as { json: string } | undefined;
    return r ? (JSON.parse(r.json) as unknown) : undefined;
  }

  async set(userId: UserId, value: unknown): Promise<void> {
    this.sql
      .stmt(`INSERT INTO user_settings (user_id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`)
      .run(userId, JSON.stringify(value), now());
  }
}
