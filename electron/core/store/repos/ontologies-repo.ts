import type { Sql } from '../sql';
import type { UserId } from '../../../../shared/domain/ids';
import { now } from './util';

export type OntologyRow = Readonly<{ key: string; filename: string; size_bytes: number; description: string | null; uploaded_at: string }>;

/** How much one profile may keep (red team, issue 19: uploads were unbounded, into the catalog database). */
export type OntologyLimits = Readonly<{ count: number; bytes: number }>;

/** Ontologies a profile uploaded, by the key it chose; keys are per profile, as in Cognee. */
export class OntologiesRepo {
  constructor(private readonly sql: Sql) {}

  /**
   * Null when the profile already has an ontology under this key; 'full' when adding it would
   * pass the profile's limits (checked in the same synchronous step as the insert, so two
   * uploads at once cannot both slip under them).
   */
  async insert(userId: UserId, o: Omit<OntologyRow, 'uploaded_at'> & { content: string }, limits: OntologyLimits): Promise<OntologyRow | null | 'full'> {
    const used = this.sql.stmt(`SELECT COUNT(*) AS n, COALESCE(SUM(size_bytes), 0) AS bytes FROM ontologies WHERE user_id = ?`).get(userId) as { n: number; bytes: number };
    if (used.n >= limits.count || used.bytes + o.size_bytes > limits.bytes) return 'full';
    const uploadedAt = now();
    const r = this.sql
      .stmt(`INSERT INTO ontologies (user_id, key, filename, size_bytes, description, content, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id, key) DO NOTHING`)
      .run(userId, o.key, o.filename, o.size_bytes, o.description, o.content, uploadedAt);
    return r.changes === 0 ? null : { key: o.key, filename: o.filename, size_bytes: o.size_bytes, description: o.description, uploaded_at: uploadedAt };
  }

  async list(userId: UserId): Promise<OntologyRow[]> {
    return this.sql.stmt(`SELECT key, filename, size_bytes, description, uploaded_at FROM ontologies WHERE user_id = ? ORDER BY uploaded_at, key`).all(userId) as OntologyRow[];
  }

  async delete(userId: UserId, key: string): Promise<boolean> {
    return this.sql.stmt(`DELETE FROM ontologies WHERE user_id = ? AND key = ?`).run(userId, key).changes > 0;
  }
}
