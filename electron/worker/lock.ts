/**
 * The dataset lock: an exclusive SQLite transaction on a small file next to the dataset.
 * The kernel drops it the instant the holding process dies (FACTS: re-acquired 0.4 ms after
 * SIGKILL), so a crashed worker never leaves a dataset locked and no stale-lock timeout exists.
 */
import path from 'node:path';

import Database from 'better-sqlite3';

import { AppError } from '../../shared/domain/errors';
import { storageError, unwritableFolder } from '../common/storage-errors';

/** A held lock. Lifetime: until `release()` or the process exits. */
export type DatasetLock = Readonly<{ release(): void; waitedMs: number }>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const WHAT = 'taking the dataset lock';

function tryAcquire(file: string): Database.Database | null {
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 0 });
  } catch (e) {
    throw unwritableFolder(path.dirname(file), WHAT) ?? storageError(e, WHAT) ?? new AppError('internal', `Cannot take the dataset lock: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return null;
    throw storageError(e, WHAT) ?? new AppError('internal', `Cannot take the dataset lock: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Takes the lock, retrying with backoff for up to `waitMs` (an exiting worker may still hold it
 * for a moment). Fails with `locked` when another live process keeps it.
 */
export async function acquireDatasetLock(file: string, waitMs: number): Promise<DatasetLock> {
  const started = Date.now();
  let backoff = 5;
  for (;;) {
    const db = tryAcquire(file);
    if (db) {
      let held = true;
      return {
        waitedMs: Date.now() - started,
        release() {
          if (!held) return; // idempotent
          held = false;
          try {
            db.exec('ROLLBACK');
          } finally {
            db.close();
          }
        },
      };
    }
    if (Date.now() - started >= waitMs) throw new AppError('locked', 'The dataset is open in another process');
    await sleep(backoff);
    backoff = Math.min(backoff * 2, 200);
  }
}
