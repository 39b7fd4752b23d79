import type { Sql } from '../sql';
import type { DatasetId, TenantId, UserId } from '../../../../shared/domain/ids';
import { ALL_PERMISSIONS } from '../../../../shared/domain/permissions';
import type { Permission } from '../../../../shared/domain/permissions';
import { newId, now } from './util';

export type DatasetRow = Readonly<{
  id: DatasetId;
  name: string;
  owner_id: UserId;
  tenant_id: TenantId | null;
  graph_handler: string;
  vector_handler: string;
  embedder_id: string | null;
  embedder_dimension: number | null;
  created_at: string;
  updated_at: string;
}>;

export class DatasetsRepo {
  constructor(private readonly sql: Sql) {}

  /** Creates a dataset and grants its creator all four permissions, atomically. */
  async create(name: string, ownerId: UserId, tenantId: TenantId | null): Promise<DatasetRow> {
    const id = newId() as DatasetId;
    const at = now();
    this.sql.tx(() => {
      this.sql
        .stmt(`INSERT INTO datasets (id, name, owner_id, tenant_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(id, name, ownerId, tenantId, at, at);
      const grant = this.sql.stmt(
        `INSERT INTO acls (id, principal_id, permission_id, dataset_id, created_at) SELECT ?, ?, id, ?, ? FROM permissions WHERE name = ?`,
      );
      for (const p of Object.keys(ALL_PERMISSIONS) as Permission[]) grant.run(newId(), ownerId, id, at, p);
    });
    return (await this.byId(id))!;
  }

  async byId(id: string): Promise<DatasetRow | undefined> {
    return this.sql.stmt(`SELECT * FROM datasets WHERE id = ?`).get(id) as DatasetRow | undefined;
  }

  async byOwnerAndName(ownerId: UserId, name: string): Promise<DatasetRow | undefined> {
    return this.sql.stmt(`SELECT * FROM datasets WHERE owner_id = ? AND name = ?`).get(ownerId, name) as DatasetRow | undefined;
  }

  async byIds(ids: readonly string[]): Promise<DatasetRow[]> {
    if (ids.length === 0) return [];
    // One JSON array parameter: no bound-parameter limit for users with thousands of datasets,
    // and one SQL text whatever the count, so the statement is prepared once.
    return this.sql.stmt(`SELECT * FROM datasets WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as DatasetRow[];
  }

  async rename(id: DatasetId, name: string): Promise<void> {
    this.sql.stmt(`UPDATE datasets SET name = ?, updated_at = ? WHERE id = ?`).run(name, now(), id);
  }

  async touch(id: DatasetId): Promise<void> {
    this.sql.stmt(`UPDATE datasets SET updated_at = ? WHERE id = ?`).run(now(), id);
  }

  async setEmbedder(id: DatasetId, embedderId: string | null, dimension: number | null): Promise<void> {
    this.sql.stmt(`UPDATE datasets SET embedder_id = ?, embedder_dimension = ? WHERE id = ?`).run(embedderId, dimension, id);
  }

  async delete(id: DatasetId): Promise<void> {
    this.sql.stmt(`DELETE FROM datasets WHERE id = ?`).run(id);
  }
}
