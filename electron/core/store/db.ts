/**
 * Opens system.db (better-sqlite3, WAL, foreign keys on) and applies migrations.
 * The only module in core that imports better-sqlite3.
 */
import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import { AppError } from '../../../shared/domain/errors';
import { storageError, unwritableFolder } from '../../common/storage-errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export function openDb(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    throw unwritableFolder(path.dirname(file), `opening ${path.basename(file)}`) ?? classifySqliteError(e, `opening ${path.basename(file)}`);
  }
  migrate(db, migrations);
  return db;
}

/** Applies the migrations whose version is above `user_version`, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Maps SQLite failures to error codes a user can act on (disk full, read-only, corrupt). */
export function classifySqliteError(e: unknown, what: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  const storage = storageError(e, what);
  if (storage) return storage;
  if (code === 'SQLITE_CANTOPEN') return new AppError('storage_readonly', `Cannot open the database (${what}): ${msg}`);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new AppError('corrupt', `The database is corrupt (${what})`);
  return new AppError('internal', `Database error (${what}): ${msg}`);
}
