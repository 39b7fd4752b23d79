/**
 * Migration 0004 rebuilds `data` without UNIQUE (owner_id, content_hash), inside a transaction
 * with foreign keys on. The danger is the rebuild itself: a careless DROP TABLE data cascades
 * into dataset_data and silently empties every dataset. So: links, statuses and rows survive,
 * the link table still cascades from both parents, and one owner may now hold two rows with the
 * same bytes.
 */
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { migrate, openDb, schemaVersion } from '../../../../electron/core/store/db';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { migration0004 } from '../../../../electron/core/store/migrations/0004-data-per-dataset';
import { tempDir } from '../../../helpers/temp';

const before = MIGRATIONS.filter((m) => m.version < migration0004.version);
const insertData = (db: ReturnType<typeof openDb>, id: string, owner: string, hash: string) =>
  db
    .prepare(`INSERT INTO data (id, name, extension, mime_type, size, content_hash, raw_location, owner_id, tenant_id, created_at) VALUES (?, ?, 'txt', 'text/plain', 3, ?, ?, ?, NULL, 't')`)
    .run(id, `${id}.txt`, hash, `data_storage/${owner}/${hash}.txt`, owner);

describe('migration 0004: data rows per dataset', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('keeps every row, link and status, drops the per-owner hash uniqueness, and keeps both cascades', () => {
    const db = openDb(path.join(t.dir, 'm4.db'), before);
    expect(schemaVersion(db)).toBe(migration0004.version - 1);
    db.prepare(`INSERT INTO principals VALUES ('u1','user','t')`).run();
    db.prepare(`INSERT INTO users (id, email, password_hash, created_at) VALUES ('u1', 'a@x.org', 'h', 't')`).run();
    for (const d of ['d1', 'd2']) db.prepare(`INSERT INTO datasets (id, name, owner_id, created_at, updated_at) VALUES (?, ?, 'u1', 't', 't')`).run(d, d);
    insertData(db, 'x1', 'u1', 'h1');
    insertData(db, 'x2', 'u1', 'h2');
    // before: the same owner cannot hold the same bytes twice
    expect(() => insertData(db, 'x3', 'u1', 'h1')).toThrow(/UNIQUE/);
    // a legacy row linked to two datasets, and a completed one
    db.prepare(`INSERT INTO dataset_data (dataset_id, data_id, status, added_at) VALUES ('d1', 'x1', 'completed', 't1'), ('d2', 'x1', 'pending', 't2'), ('d1', 'x2', 'errored', 't3')`).run();

    migrate(db, MIGRATIONS);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare(`SELECT id, name, owner_id, content_hash FROM data ORDER BY id`).all()).toEqual([
      { id: 'x1', name: 'x1.txt', owner_id: 'u1', content_hash: 'h1' },
      { id: 'x2', name: 'x2.txt', owner_id: 'u1', content_hash: 'h2' },
    ]);
    expect(db.prepare(`SELECT dataset_id, data_id, status FROM dataset_data ORDER BY added_at`).all()).toEqual([
      { dataset_id: 'd1', data_id: 'x1', status: 'completed' },
      { dataset_id: 'd2', data_id: 'x1', status: 'pending' },
      { dataset_id: 'd1', data_id: 'x2', status: 'errored' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the link table still references `data` (not a leftover name) …
    const fks = db.pragma('foreign_key_list(dataset_data)') as { table: string; on_delete: string }[];
    expect(fks.map((f) => `${f.table}:${f.on_delete}`).sort()).toEqual(['data:CASCADE', 'datasets:CASCADE']);
    expect((db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE '%_v4'`).all() as unknown[]).length).toBe(0);

    // after: the same owner and bytes may have a second row (another dataset's catalog entry)
    insertData(db, 'x3', 'u1', 'h1');
    // … and both cascades still work: deleting a data row drops its links, deleting a dataset drops its links
    db.prepare(`DELETE FROM data WHERE id = 'x2'`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM dataset_data WHERE data_id = 'x2'`).get()).toEqual({ n: 0 });
    db.prepare(`DELETE FROM datasets WHERE id = 'd2'`).run();
    expect(db.prepare(`SELECT dataset_id, data_id FROM dataset_data`).all()).toEqual([{ dataset_id: 'd1', data_id: 'x1' }]);
    // the add's duplicate check and the raw-file reference count have indexes
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('data', 'dataset_data')`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['dataset_data_data', 'data_content_hash', 'data_raw_location']));
    db.close();
  });
});
