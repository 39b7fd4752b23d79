import type { Sql } from '../sql';
import type { DataId, DatasetId, UserId } from '../../../../shared/domain/ids';
import type { DataStatus, DataView } from '../../../../shared/domain/types';
import { newId, now } from './util';

export type DataRow = Readonly<{
  id: DataId;
  name: string;
  extension: string;
  mime_type: string;
  size: number;
  content_hash: string;
  raw_location: string;
  owner_id: UserId;
  tenant_id: string | null;
  created_at: string;
}>;

type LinkedRow = DataRow & { status: DataStatus; error: string | null };

export function toDataView(r: LinkedRow): DataView {
  return {
    id: r.id,
    name: r.name,
    extension: r.extension,
    mimeType: r.mime_type,
    size: r.size,
    contentHash: r.content_hash,
    ownerId: r.owner_id,
    createdAt: r.created_at,
    status: r.status,
    error: r.error,
  };
}

const IN_DATASET_BY_HASH = `SELECT d.* FROM dataset_data dd JOIN data d ON d.id = dd.data_id WHERE dd.dataset_id = ? AND d.content_hash = ? ORDER BY dd.added_at LIMIT 1`;

/**
 * Data items and their links to datasets. A row is a catalog entry (id, name, dates, who added
 * it) created for one dataset; raw files are stored once per content hash, so several rows may
 * share a raw_location. (Rows from before migration 0004 may still be linked to several of one
 * owner's datasets; nothing creates such links any more.)
 */
export class DataRepo {
  constructor(private readonly sql: Sql) {}

  /** The item with this content already in the dataset, if any: the only duplicate an add may report. */
  async inDatasetByHash(datasetId: DatasetId, hash: string): Promise<DataRow | undefined> {
    return this.sql.stmt(IN_DATASET_BY_HASH).get(datasetId, hash) as DataRow | undefined;
  }

  async byId(id: string): Promise<DataRow | undefined> {
    return this.sql.stmt(`SELECT * FROM data WHERE id = ?`).get(id) as DataRow | undefined;
  }

  /**
   * Creates a new catalog row for `datasetId` and links it, unless an item with the same content
   * is already in that dataset (then returns that one, `created: false`). One transaction, so two
   * concurrent adds of the same bytes to one dataset make one row. Rows of other datasets are
   * never looked at: reusing one would hand its id, name and dates to this uploader.
   */
  async addToDataset(datasetId: DatasetId, d: Omit<DataRow, 'id' | 'created_at'>): Promise<{ row: DataRow; created: boolean }> {
    return this.sql.tx(() => {
      const existing = this.sql.stmt(IN_DATASET_BY_HASH).get(datasetId, d.content_hash) as DataRow | undefined;
      if (existing) return { row: existing, created: false };
      const id = newId() as DataId;
      const at = now();
      this.sql
        .stmt(
          `INSERT INTO data (id, name, extension, mime_type, size, content_hash, raw_location, owner_id, tenant_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, d.name, d.extension, d.mime_type, d.size, d.content_hash, d.raw_location, d.owner_id, d.tenant_id, at);
      this.sql.stmt(`INSERT INTO dataset_data (dataset_id, data_id, added_at) VALUES (?, ?, ?)`).run(datasetId, id, at);
      return { row: this.sql.stmt(`SELECT * FROM data WHERE id = ?`).get(id) as DataRow, created: true };
    });
  }

  async unlink(datasetId: DatasetId, dataId: DataId): Promise<void> {
    this.sql.stmt(`DELETE FROM dataset_data WHERE dataset_id = ? AND data_id = ?`).run(datasetId, dataId);
  }

  async linkCount(dataId: DataId): Promise<number> {
    return (this.sql.stmt(`SELECT COUNT(*) AS n FROM dataset_data WHERE data_id = ?`).get(dataId) as { n: number }).n;
  }

  /** Rows that still reference a raw file (one file per content hash and folder may back many rows). */
  async rawLocationUses(rawLocation: string): Promise<number> {
    return (this.sql.stmt(`SELECT COUNT(*) AS n FROM data WHERE raw_location = ?`).get(rawLocation) as { n: number }).n;
  }

  async delete(dataId: DataId): Promise<void> {
    this.sql.stmt(`DELETE FROM data WHERE id = ?`).run(dataId);
  }

  async inDataset(datasetId: DatasetId): Promise<DataView[]> {
    const rows = this.sql
      .stmt(
        `SELECT d.*, dd.status, dd.error FROM dataset_data dd JOIN data d ON d.id = dd.data_id
         WHERE dd.dataset_id = ? ORDER BY dd.added_at, d.name`,
      )
      .all(datasetId) as LinkedRow[];
    return rows.map(toDataView);
  }

  async linked(datasetId: DatasetId, dataId: string): Promise<(DataRow & { status: DataStatus }) | undefined> {
    return this.sql
      .stmt(`SELECT d.*, dd.status FROM dataset_data dd JOIN data d ON d.id = dd.data_id WHERE dd.dataset_id = ? AND dd.data_id = ?`)
      .get(datasetId, dataId) as (DataRow & { status: DataStatus }) | undefined;
  }

  /** Items cognify still has to process (incremental: completed ones are skipped). */
  async pending(datasetId: DatasetId): Promise<DataRow[]> {
    return this.sql
      .stmt(
        `SELECT d.* FROM dataset_data dd JOIN data d ON d.id = dd.data_id
         WHERE dd.dataset_id = ? AND dd.status <> 'completed' ORDER BY dd.added_at`,
      )
      .all(datasetId) as DataRow[];
  }

  async setStatus(datasetId: DatasetId, dataId: DataId, status: DataStatus, error: string | null = null): Promise<void> {
    this.sql
      .stmt(`UPDATE dataset_data SET status = ?, error = ?, processed_at = ? WHERE dataset_id = ? AND data_id = ?`)
      .run(status, error, status === 'completed' ? now() : null, datasetId, dataId);
  }

  /** Forget (memory only): every item back to pending, raw data kept. */
  async resetStatuses(datasetId: DatasetId): Promise<void> {
    this.sql.stmt(`UPDATE dataset_data SET status = 'pending', error = NULL, processed_at = NULL WHERE dataset_id = ?`).run(datasetId);
  }

  async statusCounts(datasetId: DatasetId): Promise<Record<DataStatus, number>> {
    const rows = this.sql.stmt(`SELECT status, COUNT(*) AS n FROM dataset_data WHERE dataset_id = ? GROUP BY status`).all(datasetId) as {
      status: DataStatus;
      n: number;
    }[];
    const out: Record<DataStatus, number> = { pending: 0, processing: 0, completed: 0, errored: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }
}
