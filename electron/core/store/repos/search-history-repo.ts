import type { Sql } from '../sql';
import type { UserId } from '../../../../shared/domain/ids';
import { newId, now } from './util';

/** Rows kept per profile; older ones are dropped on insert so the history cannot grow without end. */
const KEEP_PER_USER = 2000;

export type SearchHistoryRow = Readonly<{ id: string; role: 'user' | 'system'; text: string; dataset_id: string | null; created_at: string }>;

/** One profile's searches: each query ('user') and a digest of its answer ('system'), as Cognee keeps them. */
export class SearchHistoryRepo {
  constructor(private readonly sql: Sql) {}

  async record(userId: UserId, query: string, answer: string, datasetId: string | null): Promise<void> {
    this.sql.tx(() => {
      const at = now();
      const insert = this.sql.stmt(`INSERT INTO search_history (id, user_id, role, text, dataset_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
      insert.run(newId(), userId, 'user', query, datasetId, at);
      insert.run(newId(), userId, 'system', answer, datasetId, at);
      this.sql
        .stmt(
          `DELETE FROM search_history WHERE user_id = ? AND rowid NOT IN (SELECT rowid FROM search_history WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
        )
        .run(userId, userId, KEEP_PER_USER);
    });
  }

  /** Oldest first, as Cognee orders it. Only ever the given profile's rows. */
  async forUser(userId: UserId): Promise<SearchHistoryRow[]> {
    return this.sql.stmt(`SELECT id, role, text, dataset_id, created_at FROM search_history WHERE user_id = ? ORDER BY created_at, rowid`).all(userId) as SearchHistoryRow[];
  }
}
