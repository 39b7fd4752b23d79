import type { Sql } from '../sql';
import type { DatasetId, PrincipalId } from '../../../../shared/domain/ids';
import type { Permission } from '../../../../shared/domain/permissions';
import type { PrincipalType } from '../../../../shared/domain/types';
import { newId, now } from './util';

/** One row of the ACL: principal × permission × dataset. */
export type GrantRow = Readonly<{ principalId: PrincipalId; principalType: PrincipalType; datasetId: DatasetId; permission: Permission }>;

const GRANTS_FOR = `SELECT a.principal_id AS principalId, pr.type AS principalType, a.dataset_id AS datasetId, p.name AS permission
  FROM acls a JOIN permissions p ON p.id = a.permission_id JOIN principals pr ON pr.id = a.principal_id
  WHERE a.principal_id IN (SELECT value FROM json_each(?))`;
const GRANTS_FOR_ON_DATASET = `${GRANTS_FOR} AND a.dataset_id = ?`;

export class AclsRepo {
  constructor(private readonly sql: Sql) {}

  async grant(principalId: PrincipalId, datasetId: DatasetId, permission: Permission): Promise<boolean> {
    const r = this.sql
      .stmt(
        `INSERT OR IGNORE INTO acls (id, principal_id, permission_id, dataset_id, created_at)
         SELECT ?, ?, id, ?, ? FROM permissions WHERE name = ?`,
      )
      .run(newId(), principalId, datasetId, now(), permission);
    return r.changes > 0;
  }

  async revoke(principalId: PrincipalId, datasetId: DatasetId, permission: Permission): Promise<boolean> {
    const r = this.sql
      .stmt(`DELETE FROM acls WHERE principal_id = ? AND dataset_id = ? AND permission_id = (SELECT id FROM permissions WHERE name = ?)`)
      .run(principalId, datasetId, permission);
    return r.changes > 0;
  }

  /** Every grant held by any of `principalIds` (a user's own id, its roles' and its tenant's). */
  async grantsFor(principalIds: readonly string[], datasetId?: DatasetId): Promise<GrantRow[]> {
    if (principalIds.length === 0) return [];
    // The ids are bound as one JSON array, so the SQL text is the same for any number of roles
    // and its prepared statement can be reused (an `IN (?,?,…)` list would be a new text per count).
    const ids = JSON.stringify(principalIds);
    return (datasetId ? this.sql.stmt(GRANTS_FOR_ON_DATASET).all(ids, datasetId) : this.sql.stmt(GRANTS_FOR).all(ids)) as GrantRow[];
  }

  /** Everyone holding anything on a dataset (for the sharing dialog). */
  async grantsOn(datasetId: DatasetId): Promise<GrantRow[]> {
    return this.sql
      .stmt(
        `SELECT a.principal_id AS principalId, pr.type AS principalType, a.dataset_id AS datasetId, p.name AS permission
         FROM acls a JOIN permissions p ON p.id = a.permission_id JOIN principals pr ON pr.id = a.principal_id
         WHERE a.dataset_id = ? ORDER BY pr.type, a.principal_id, p.id`,
      )
      .all(datasetId) as GrantRow[];
  }

  async principalType(id: string): Promise<PrincipalType | undefined> {
    const r = this.sql.stmt(`SELECT type FROM principals WHERE id = ?`).get(id) as { type: PrincipalType } | undefined;
    return r?.type;
  }
}
