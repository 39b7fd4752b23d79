import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { migrate, openDb, schemaVersion } from '../../../../electron/core/store/db';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { migration0001 } from '../../../../electron/core/store/migrations/0001-initial';
import { migration0002 } from '../../../../electron/core/store/migrations/0002-settings';
import { migration0003 } from '../../../../electron/core/store/migrations/0003-tenant-invitations';
import { tempDir } from '../../../helpers/temp';

const count = (db: ReturnType<typeof openDb>): number => (db.prepare(`SELECT COUNT(*) AS n FROM tenant_invitations`).get() as { n: number }).n;

describe('migration 0003: tenant invitations', () => {
  const t = tempDir();

  it('is registered after 0002', () => {
    expect(MIGRATIONS.indexOf(migration0003)).toBe(MIGRATIONS.indexOf(migration0002) + 1);
    expect(migration0003.version).toBe(3);
  });

  it('adds the invitation table to a version-2 database that already holds a tenant, one invitation per tenant × user, gone with its tenant or user', () => {
    const db = openDb(path.join(t.dir, 'a.db'), [migration0001, migration0002]);
    for (const [id, type] of [['owner', 'user'], ['v', 'user'], ['w', 'user'], ['t1', 'tenant']]) db.prepare(`INSERT INTO principals VALUES (?, ?, 't')`).run(id, type);
    for (const id of ['owner', 'v', 'w']) db.prepare(`INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, 'h', 't')`).run(id, `${id}@x.org`);
    db.prepare(`INSERT INTO tenants (id, name, owner_id, created_at) VALUES ('t1', 'Acme', 'owner', 't')`).run();

    migrate(db, [migration0001, migration0002, migration0003]);
    expect(schemaVersion(db)).toBe(3);
    const invite = db.prepare(`INSERT INTO tenant_invitations (id, tenant_id, user_id, invited_by, created_at) VALUES (?, 't1', ?, 'owner', 't')`);
    invite.run('i1', 'v');
    invite.run('i2', 'w');
    expect(() => invite.run('i3', 'v')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO tenant_invitations VALUES ('i4', 'no-such-tenant', 'v', 'owner', 't')`).run()).toThrow(/FOREIGN KEY/);
    // a deleted user takes its invitation along; a deleted tenant (its principal row) takes the rest
    db.prepare(`DELETE FROM principals WHERE id = 'w'`).run();
    expect(count(db)).toBe(1);
    db.prepare(`DELETE FROM principals WHERE id = 't1'`).run();
    expect(count(db)).toBe(0);
    db.close();
  });
});
