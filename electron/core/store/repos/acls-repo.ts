import type { Db } from '../db';
import type { DatasetId, PrincipalId } from '../../../../shared/domain/ids';
import type { Permission } from '../../../../shared/domain/permissions';
import type { PrincipalType } from '../../../../shared/domain/types';
import { newId, now } from './util';

/** One row of the ACL: principal × permission × dataset. */
export type GrantRow = Readonly<{ principalId: PrincipalId; principalType: PrincipalType; datasetId: DatasetId; permission: Permission }>;

export class AclsRepo {
  constructor(private readonly db: Db) {}

  async grant(principalId: PrincipalId, datasetId: DatasetId, permission: Permission): Promise<boolean> {
    const r = this.db
      .prepare(
        `INSERT OR IGNORE INTO acls (id, principal_id, permission_id, dataset_id, created_at)
         SELECT ?, ?, id, ?, ? FROM permissions WHERE name = ?`,
      )
      .run(newId(), principalId, datasetId, now(), permission);
    return r.changes > 0;
  }

  async revoke(principalId: PrincipalId, datasetId: DatasetId, permission: Permission): Promise<boolean> {
    const r = this.db
      .prepare(`DELETE FROM acls WHERE principal_id = ? AND dataset_id = ? AND permission_id = (SELECT id FROM permissions WHERE name = ?)`)
      .run(principalId, datasetId, permission);
    return r.changes > 0;
  }

  /** Every grant held by any of `principalIds` (a user's own id, its roles' and its tenant's). */
  async grantsFor(principalIds: readonly string[], datasetId?: DatasetId): Promise<GrantRow[]> {
    if (principalIds.length === 0) return [];
    const marks = principalIds.map(() => '?').join(',');
    const sql = `SELECT a.principal_id AS principalId, pr.type AS principalType, a.dataset_id AS datasetId, p.name AS permission
                 FROM acls a JOIN permissions p ON p.id = a.permission_id JOIN principals pr ON pr.id = a.principal_id
                 WHERE a.principal_id IN (${marks})${datasetId ? ' AND a.dataset_id = ?' : ''}`;
    const args: unknown[] = [...principalIds];
    if (datasetId) args.push(datasetId);
    return this.db.prepare(sql).all(...args) as GrantRow[];
  }

  /** Everyone holding anything on a dataset (for the sharing dialog). */
  async grantsOn(datasetId: DatasetId): Promise<GrantRow[]> {
    return this.db
      .prepare(
        `SELECT a.principal_id AS principalId, pr.type AS principalType, a.dataset_id AS datasetId, p.name AS permission
         FROM acls a JOIN permissions p ON p.id = a.permission_id JOIN principals pr ON pr.id = a.principal_id
         WHERE a.dataset_id = ? ORDER BY pr.type, a.principal_id, p.id`,
      )
      .all(datasetId) as GrantRow[];
  }

  async principalType(id: string): Promise<PrincipalType | undefined> {
    const r = this.db.prepare(`SELECT type FROM principals WHERE id = ?`).get(id) as { type: PrincipalType } | undefined;
    return r?.type;
  }
}
