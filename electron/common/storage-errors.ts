/**
 * A full disk or an unwritable data folder, told in words a user can act on. One classifier for
 * every layer that writes (the catalog, raw files, the dataset lock, Kùzu, LanceDB): each passes
 * its native error here first and keeps its own mapping only for what is particular to it.
 */
import fs from 'node:fs';

import { AppError } from '../../shared/domain/errors';

/**
 * Error codes after which no write can succeed (a full or read-only disk, a damaged store):
 * ingestion stops instead of failing item after item. One list for the worker and for main.
 */
export const STORAGE_STOP_CODES: ReadonlySet<string> = new Set(['storage_full', 'storage_readonly', 'corrupt']);

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/** `storage_full` / `storage_readonly` for `e`, or null when it is some other failure. */
export function storageError(e: unknown, what: string): AppError | null {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  const msg = e instanceof Error ? e.message : String(e);
  if (FULL_CODES.has(code) || /No space left/i.test(msg)) return new AppError('storage_full', `The disk is full (${what})`);
  if (READONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY') || /Read-only file system|read-?only database|Permission denied/i.test(msg))
    return new AppError('storage_readonly', `The data folder is read-only (${what})`);
  return null;
}

/**
 * Asks the file system why `dir` cannot be written (SQLite only says "unable to open database
 * file"): a storage error, or null when the folder is writable.
 */
export function unwritableFolder(dir: string, what: string): AppError | null {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return null;
  } catch (e) {
    return storageError(e, what);
  }
}
