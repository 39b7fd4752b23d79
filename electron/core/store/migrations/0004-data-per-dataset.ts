import type { Migration } from './types';

/**
 * Catalog rows belong to one dataset and to whoever added them (issue 12, part 3): `data` no
 * longer has UNIQUE (owner_id, content_hash), which made an upload reuse — and so reveal — the
 * row (id, name, date) of another of the owner's datasets. Raw bytes are still stored once per
 * hash: several rows may point at one raw_location, and a file is removed only when none does.
 *
 * SQLite cannot drop a table constraint, so `data` is rebuilt. This runs in the migration's
 * transaction with foreign keys ON, where `DROP TABLE data` would cascade-delete every
 * dataset_data row; so the link table is rebuilt too, pointing at the new table, and the old
 * pair is dropped child first (nothing references `data` any more when it goes). Renaming a
 * table rewrites the REFERENCES clauses that name it (SQLite ≥ 3.26, legacy_alter_table off),
 * which leaves dataset_data → data exactly as before. Rows already linked to several datasets
 * are kept as they are: their ids are in those datasets' graphs, so splitting them would orphan
 * graph nodes; new adds never create such rows.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'data-per-dataset',
  up: `
    CREATE TABLE data_v4 (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      extension TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      raw_location TEXT NOT NULL,
      owner_id TEXT NOT NULL REFERENCES users(id),
      tenant_id TEXT,
      created_at TEXT NOT NULL
    );
    INSERT INTO data_v4 (id, name, extension, mime_type, size, content_hash, raw_location, owner_id, tenant_id, created_at)
      SELECT id, name, extension, mime_type, size, content_hash, raw_location, owner_id, tenant_id, created_at FROM data;

    CREATE TABLE dataset_data_v4 (
      dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      data_id TEXT NOT NULL REFERENCES data_v4(id) ON DELETE CASCADE,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'errored')),
      error TEXT,
      processed_at TEXT,
      added_at TEXT NOT NULL,
      PRIMARY KEY (dataset_id, data_id)
    );
    INSERT INTO dataset_data_v4 (dataset_id, data_id, status, error, processed_at, added_at)
      SELECT dataset_id, data_id, status, error, processed_at, added_at FROM dataset_data;

    DROP TABLE dataset_data;
    DROP TABLE data;
    ALTER TABLE data_v4 RENAME TO data;
    ALTER TABLE dataset_data_v4 RENAME TO dataset_data;

    CREATE INDEX dataset_data_data ON dataset_data(data_id);
    -- the duplicate check of an add (same bytes in the same dataset) and the raw-file reference count
    CREATE INDEX data_content_hash ON data(content_hash);
    CREATE INDEX data_raw_location ON data(raw_location);
  `,
};
