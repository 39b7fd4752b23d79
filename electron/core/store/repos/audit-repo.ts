import type { Sql } from '../sql';
import { now } from './util';

export type AuditEntry = Readonly<{
  actorId: string | null;
  action: string;
  datasetId?: string | null;
  principalId?: string | null;
  permission?: string | null;
  detail?: Readonly<Record<string, unknown>>;
}>;

/** Append-only log of grants, revokes and deletions. */
export class AuditRepo {
  constructor(private readonly sql: Sql) {}

  async record(e: AuditEntry): Promise<void> {
    this.sql
      .stmt(`INSERT INTO audit_log (at, actor_id, action, dataset_id, principal_id, permission, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(now(), e.actorId, e.action, e.datasetId ?? null, e.principalId ?? null, e.permission ?? null, e.detail ? JSON.stringify(e.detail) : null);
  }

  async recent(limit = 100): Promise<Array<AuditEntry & { at: string }>> {
    const rows = this.sql.stmt(`SELECT * FROM audit_log ORDER BY id DESC LIMIT ?`).all(limit) as Array<{
      at: string;
      actor_id: string | null;
      action: string;
      dataset_id: string | null;
      principal_id: string | null;
      permission: string | null;
      detail: string | null;
    }>;
    return rows.map((r) => ({
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      datasetId: r.dataset_id,
      principalId: r.principal_id,
      permission: r.permission,
      ...(r.detail ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {}),
    }));
  }
}
