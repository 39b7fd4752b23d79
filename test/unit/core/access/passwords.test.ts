/** scrypt hashes: today's cost (N = 2^17, needs an explicit maxmem), old hashes still verify, bad rows never crash. */
import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { dummyHash, hashPassword, MIN_SCRYPT_N, needsRehash, SCRYPT_N, verifyPassword } from '../../../../electron/core/access/passwords';

describe('passwords', () => {
  it('hashes with N = 2^17 by default and verifies (scrypt would refuse N = 2^17 without maxmem)', async () => {
    expect(SCRYPT_N).toBe(2 ** 17);
    const h = await hashPassword('correct horse');
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('wrong horse', h)).toBe(false);
    expect(needsRehash(h)).toBe(false);
  }, 30_000);

  it('verifies a hash made with the old parameters (N = 2^14) and says it needs a rehash', async () => {
    const old = await hashPassword('old-password', 2 ** 14);
    expect(old).toMatch(/^scrypt\$16384\$/);
    expect(await verifyPassword('old-password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, 2 ** 14)).toBe(false);
  });

  it('refuses to make hashes cheaper than the test floor, or with an N that is not a power of two', async () => {
    await expect(hashPassword('x', 2 ** 9)).rejects.toThrow(/power of two between/);
    await expect(hashPassword('x', 3000)).rejects.toThrow(/power of two/);
    expect(await hashPassword('x', MIN_SCRYPT_N)).toMatch(/^scrypt\$1024\$/);
  });

  it('a malformed or absurd stored hash is a failed match, never a crash or a huge allocation', async () => {
    const sha = createHash('sha256').update('x').digest('base64');
    for (const bad of ['', 'bcrypt$x', 'scrypt$abc$8$1$AA==$AA==', `scrypt$${2 ** 30}$8$1$AAAA$${sha}`, `scrypt$1000$8$1$AAAA$${sha}`, `scrypt$1024$0$1$AAAA$${sha}`, 'scrypt$1024$8$1$AAAA$AA==']) {
      expect([bad, await verifyPassword('x', bad)]).toEqual([bad, false]);
    }
  });

  it('the dummy hash for unknown emails uses today’s parameters and matches nothing', async () => {
    expect(dummyHash(2 ** 12)).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect(await verifyPassword('', dummyHash(2 ** 12))).toBe(false);
  });
});
