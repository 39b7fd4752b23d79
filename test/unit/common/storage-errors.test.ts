import os from 'node:os';

import { describe, expect, it } from 'vitest';

import { storageError, unwritableFolder } from '../../../electron/common/storage-errors';

const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('storage errors', () => {
  it('recognises a full disk by errno, SQLite code or engine message', () => {
    for (const e of [err('ENOSPC'), err('EDQUOT'), err('SQLITE_FULL'), new Error('IO exception: No space left on device')]) {
      expect(storageError(e, 'writing')).toMatchObject({ code: 'storage_full', message: 'The disk is full (writing)' });
    }
  });

  it('recognises a read-only folder by errno, SQLite code or engine message', () => {
    for (const e of [err('EROFS'), err('EACCES'), err('SQLITE_READONLY_DBMOVED'), new Error('Read-only file system (os error 30)')]) {
      expect(storageError(e, 'writing')).toMatchObject({ code: 'storage_readonly', message: 'The data folder is read-only (writing)' });
    }
  });

  it('leaves every other failure to the caller', () => {
    expect(storageError(err('SQLITE_BUSY'), 'writing')).toBeNull();
    expect(storageError(new Error('syntax error'), 'writing')).toBeNull();
    expect(unwritableFolder(os.tmpdir(), 'writing')).toBeNull();
    expect(unwritableFolder('/nonexistent/kenning/folder', 'writing')).toBeNull(); // ENOENT is not a storage fault
  });
});
