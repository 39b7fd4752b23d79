import type { Db } from '../db';
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

/** Data items (raw files stored once per content hash) and their links to datasets. */
export class DataRepo {
  constructor(private readonly db: Db) {}

  async byOwnerAndHash(ownerId: UserId, hash: string): Promise<DataRow | undefined> {
    return this.db.prepare(`SELECT * FROM data WHERE owner_id = ? AND content_hash = ?`).get(ownerId, hash) as DataRow | undefined;
  }

  async byId(id: string): Promise<DataRow | undefined> {
    return this.db.prepare(`SELECT * FROM data WHERE id = ?`).get(id) as DataRow | undefined;
  }

  async create(d: Omit<DataRow, 'id' | 'created_at'>): Promise<DataRow> {
    const id = newId() as DataId;
    this.db
      .prepare(
        `INSERT INTO data (id, name, extension, mime_type, size, content_hash, raw_location, owner_id, tenant_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, d.name, d.extension, d.mime_type, d.size, d.content_hash, d.raw_location, d.owner_id, d.tenant_id, now());
    return (await this.byId(id))!;
  }

  /** Links an item to a dataset; false when it was already linked (a duplicate add). */
  async link(datasetId: DatasetId, dataId: DataId): Promise<boolean> {
    const r = this.db.prepare(`INSERT OR IGNORE INTO dataset_data (dataset_id, data_id, added_at) VALUES (?, ?, ?)`).run(datasetId, dataId, now());
    return r.changes > 0;
  }

  async unlink(datasetId: DatasetId, dataId: DataId): Promise<void> {
    this.db.prepare(`DELETE FROM dataset_data WHERE dataset_id = ? AND data_id = ?`).run(datasetId, dataId);
  }

  async linkCount(dataId: DataId): Promise<number> {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM dataset_data WHERE data_id = ?`).get(dataId) as { n: number }).n;
  }

  /** Rows that still reference a raw file (the same bytes may be stored for several owners in a tenant). */
  async rawLocationUses(rawLocation: string): Promise<number> {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM data WHERE raw_location = ?`).get(rawLocation) as { n: number }).n;
  }

  async delete(dataId: DataId): Promise<void> {
    this.db.prepare(`DELETE FROM data WHERE id = ?`).run(dataId);
  }

  async inDataset(datasetId: DatasetId): Promise<DataView[]> {
    const rows = this.db
      .prepare(
        `SELECT d.*, dd.status, dd.error FROM dataset_data dd JOIN data d ON d.id = dd.data_id
         WHERE dd.dataset_id = ? ORDER BY dd.added_at, d.name`,
      )
      .all(datasetId) as LinkedRow[];
    return rows.map(toDataView);
  }

  async linked(datasetId: DatasetId, dataId: string): Promise<(DataRow & { status: DataStatus }) | undefined> {
    return this.db
      .prepare(`SELECT d.*, dd.status FROM dataset_data dd JOIN data d ON d.id = dd.data_id WHERE dd.dataset_id = ? AND dd.data_id = ?`)
      .get(datasetId, dataId) as (DataRow & { status: DataStatus }) | undefined;
  }

  /** Items cognify still has to process (incremental: completed ones are skipped). */
  async pending(datasetId: DatasetId): Promise<DataRow[]> {
    return this.db
      .prepare(
        `SELECT d.* FROM dataset_data dd JOIN data d ON d.id = dd.data_id
         WHERE dd.dataset_id = ? AND dd.status <> 'completed' ORDER BY dd.added_at`,
      )
      .all(datasetId) as DataRow[];
  }

  async setStatus(datasetId: DatasetId, dataId: DataId, status: DataStatus, error: string | null = null): Promise<void> {
    this.db
      .prepare(`UPDATE dataset_data SET status = ?, error = ?, processed_at = ? WHERE dataset_id = ? AND data_id = ?`)
      .run(status, error, status === 'completed' ? now() : null, datasetId, dataId);
  }

  /** Forget (memory only): every item back to pending, raw data kept. */
  async resetStatuses(datasetId: DatasetId): Promise<void> {
    this.db.prepare(`UPDATE dataset_data SET status = 'pending', error = NULL, processed_at = NULL WHERE dataset_id = ?`).run(datasetId);
  }

  async statusCounts(datasetId: DatasetId): Promise<Record<DataStatus, number>> {
    const rows = this.db.prepare(`SELECT status, COUNT(*) AS n FROM dataset_data WHERE dataset_id = ? GROUP BY status`).all(datasetId) as {
      status: DataStatus;
      n: number;
    }[];
    const out: Record<DataStatus, number> = { pending: 0, processing: 0, completed: 0, errored: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }
}
