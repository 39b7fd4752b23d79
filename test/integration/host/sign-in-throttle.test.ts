/**
 * Sign-in throttling over the host, from 127.0.0.1 where every local caller shares one
 * address: per account with backoff (one profile's wrong guesses never lock another out),
 * a registration limit, scrypt N = 2^17 with old hashes upgraded on sign-in, and the coarse
 * per-address cap that applies to remote callers only.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { hashPassword, SCRYPT_N } from '../../../electron/core/access/passwords';
import { buildHost } from '../../../electron/host/server';
import { rpc } from '../../helpers/http-core';
import { openHost } from './harness';
import type { Harness } from './harness';

const RPC = { 'x-kenning': '1' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const login = (h: Harness, email: string, password: string) => h.post('/api/v1/auth/login', new URLSearchParams({ username: email, password }).toString(), null, FORM);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('sign-in throttling per account', () => {
  it('one profile’s wrong guesses from 127.0.0.1 lock out neither another profile nor ten profiles signing in at once', async () => {
    h = await openHost(); // the default limits
    const emails = Array.from({ length: 10 }, (_, i) => `member${i}@example.com`);
    for (const e of emails) await h.user(e);
    await h.user('target@example.com');
    // Twelve wrong guesses at one profile, over both sign-in routes.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(h, 'target@example.com', `guess-${i}`)).status);
    for (let i = 0; i < 6; i++) statuses.push((await h.post('/rpc/auth.signIn', { email: 'target@example.com', password: `guess-${i}` }, null, RPC)).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]); // wrong password
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true); // then the account waits
    // Everyone else on 127.0.0.1 signs in, all at once.
    const all = await Promise.all(emails.map((e) => login(h!, e, 'password-123')));
    expect(all.map((r) => r.status)).toEqual(emails.map(() => 200));
    const viaRpc = await Promise.all(emails.map((e) => rpc(h!.url, null, 'auth.signIn', { email: e, password: 'password-123' })));
    expect(viaRpc.every((r) => r.ok)).toBe(true);
  }, 60_000);

  it('after five failures the account waits, even for the right password, and the refusal says when to retry', async () => {
    h = await openHost();
    await h.user('a@example.com');
    for (let i = 0; i < 5; i++) expect((await login(h, 'a@example.com', 'wrong-password')).status).toBe(400);
    const v1 = await login(h, 'a@example.com', 'password-123');
    expect(v1.status).toBe(429);
    expect(Number(v1.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await v1.json()) as { detail: string }).detail).toMatch(/Too many failed sign-in attempts for this profile; try again in \d+ s \(after \d{4}-/);
    const r = await h.post('/rpc/auth.signIn', { email: 'a@example.com', password: 'password-123' }, null, RPC);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/try again in \d+ s/), detail: { retryAfterSeconds: expect.any(Number) } } });
    // Unknown emails are throttled the same way, so a lockout does not tell which emails exist.
    for (let i = 0; i < 5; i++) expect((await login(h, 'nobody@example.com', 'wrong-password')).status).toBe(400);
    expect((await login(h, 'nobody@example.com', 'wrong-password')).status).toBe(429);
  });

  it('a burst of registrations is refused with 429 naming when to retry', async () => {
    h = await openHost({ registrationsPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.post('/api/v1/auth/register', { email: `r${i}@example.com`, password: 'password-123' })).status);
    expect(statuses).toEqual([201, 201, 201]);
    const v1 = await h.post('/api/v1/auth/register', { email: 'r3@example.com', password: 'password-123' });
    expect(v1.status).toBe(429);
    expect(v1.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await v1.json()) as { detail: string }).detail).toMatch(/Too many new profiles \(at most 3 every 1 min\); try again in \d+ s/);
    const r = await rpc(h.url, null, 'auth.register', { email: 'r4@example.com', password: 'password-123' });
    expect(r).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await login(h, 'r3@example.com', 'password-123')).status).toBe(400); // nothing was created
  });

  it('a hash made with the old parameters (N = 2^14) still signs in, and is stored again with N = 2^17', async () => {
    h = await openHost({ scryptN: SCRYPT_N }); // production cost, not the test helpers' cheap hashes
    const { store } = h.core.services;
    const user = await store.users.create({ email: 'old@example.com', passwordHash: await hashPassword('old-password-1', 2 ** 14) });
    expect(user.password_hash).toMatch(/^scrypt\$16384\$/);
    const r = await rpc(h.url, null, 'auth.signIn', { email: 'old@example.com', password: 'old-password-1' });
    expect(r.ok).toBe(true);
    const after = (await store.users.byId(user.id))!;
    expect(after.password_hash).toMatch(new RegExp(`^scrypt\\$${SCRYPT_N}\\$8\\$1\\$`));
    expect(after.uses_default_password).toBe(user.uses_default_password);
    expect((await rpc(h.url, null, 'auth.signIn', { email: 'old@example.com', password: 'old-password-1' })).ok).toBe(true);
    expect((await rpc(h.url, null, 'auth.signIn', { email: 'old@example.com', password: 'wrong-password' })).ok).toBe(false);
  }, 120_000);
});

describe('the per-address cap', () => {
  it('does not apply on loopback, where every profile shares 127.0.0.1', async () => {
    h = await openHost({}, { signInPerMinute: 3 });
    for (let i = 0; i < 8; i++) expect((await login(h, `nobody${i}@example.com`, 'wrong-password')).status).toBe(400);
  });

  // A remote caller, without sending a packet off loopback: fastify's inject() runs the same
  // routes and hooks with the client address we give it (tests here may only use 127.0.0.0/8).
  it('applies to a remote address', async () => {
    h = await openHost();
    const app = await buildHost(h.core, { port: h.port, signInPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '203.0.113.7',
          headers: { ...FORM, host: `127.0.0.1:${h.port}` },
          payload: new URLSearchParams({ username: `nobody${i}@example.com`, password: 'wrong-password' }).toString(),
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
      // Another remote address still has its own allowance.
      const other = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.8',
        headers: { ...FORM, host: `127.0.0.1:${h.port}` },
        payload: new URLSearchParams({ username: 'nobody@example.com', password: 'wrong-password' }).toString(),
      });
      expect(other.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
