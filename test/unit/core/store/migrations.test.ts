import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { migrate, openDb, schemaVersion } from '../../../../electron/core/store/db';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { migration0001 } from '../../../../electron/core/store/migrations/0001-initial';
import { migration0002 } from '../../../../electron/core/store/migrations/0002-settings';
import { tempDir } from '../../../helpers/temp';

const tables = (db: ReturnType<typeof openDb>): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  const t = tempDir();
  afterEach(() => undefined);

  it('versions are unique and ascending', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('0001 creates the access model and data tables with their constraints', () => {
    const db = openDb(path.join(t.dir, 'a.db'), [migration0001]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['principals', 'users', 'tenants', 'roles', 'user_roles', 'permissions', 'acls', 'datasets', 'data', 'dataset_data', 'pipeline_runs', 'sessions', 'audit_log']),
    );
    expect((db.prepare(`SELECT name FROM permissions ORDER BY id`).all() as { name: string }[]).map((r) => r.name)).toEqual(['read', 'write', 'delete', 'share']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // email unique (case-insensitively)
    db.prepare(`INSERT INTO principals VALUES ('u1','user','t')`).run();
    db.prepare(`INSERT INTO principals VALUES ('u2','user','t')`).run();
    db.prepare(`INSERT INTO users (id, email, password_hash, created_at) VALUES ('u1', 'a@x.org', 'h', 't')`).run();
    expect(() => db.prepare(`INSERT INTO users (id, email, password_hash, created_at) VALUES ('u2', 'A@X.org', 'h', 't')`).run()).toThrow(/UNIQUE/);
    // an ACL row is unique per principal × permission × dataset, and dies with its dataset
    db.prepare(`INSERT INTO datasets (id, name, owner_id, created_at, updated_at) VALUES ('d1', 'n', 'u1', 't', 't')`).run();
    db.prepare(`INSERT INTO acls VALUES ('a1', 'u1', 1, 'd1', 't')`).run();
    expect(() => db.prepare(`INSERT INTO acls VALUES ('a2', 'u1', 1, 'd1', 't')`).run()).toThrow(/UNIQUE/);
    db.prepare(`DELETE FROM datasets WHERE id = 'd1'`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM acls`).get()).toEqual({ n: 0 });
    // a user cannot own two datasets with one name
    db.prepare(`INSERT INTO datasets (id, name, owner_id, created_at, updated_at) VALUES ('d2', 'same', 'u1', 't', 't')`).run();
    expect(() => db.prepare(`INSERT INTO datasets (id, name, owner_id, created_at, updated_at) VALUES ('d3', 'same', 'u1', 't', 't')`).run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('0002 adds settings and the per-dataset embedder record on top of 0001', () => {
    const db = openDb(path.join(t.dir, 'b.db'), [migration0001]);
    db.prepare(`INSERT INTO principals VALUES ('u1','user','t')`).run();
    db.prepare(`INSERT INTO users (id, email, password_hash, created_at) VALUES ('u1', 'a@x.org', 'h', 't')`).run();
    db.prepare(`INSERT INTO datasets (id, name, owner_id, created_at, updated_at) VALUES ('d1', 'n', 'u1', 't', 't')`).run();
    migrate(db, [migration0001, migration0002]);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toContain('user_settings');
    expect(db.prepare(`SELECT embedder_id, embedder_dimension FROM datasets WHERE id = 'd1'`).get()).toEqual({ embedder_id: null, embedder_dimension: null });
    db.close();
  });

  it('re-opening applies nothing twice', () => {
    const file = path.join(t.dir, 'c.db');
    openDb(file).close();
    const db = openDb(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM permissions`).get()).toEqual({ n: 4 });
    db.close();
  });
});
