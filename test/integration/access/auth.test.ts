import { afterEach, describe, expect, it } from 'vitest';

import { configFromEnv } from '../../../electron/core/config';
import { rawDbForTests } from '../../../electron/core/store';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { openHttpTestCore, replyOf } from '../../helpers/http-core';

// The same suite runs over the in-process binding and over HTTP (/rpc with Bearer tokens).
describe.each([
  ['in-process', openTestCore],
  ['http', openHttpTestCore],
] as const)('profiles and sessions (%s)', (_binding, openTestCore) => {
  let t: TestCore | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('creates the default profile on first start and lets a single-profile machine skip the password', async () => {
    t = await openTestCore();
    const status = await t.call(null, 'auth.status');
    expect(status.profiles?.map((p) => p.email)).toEqual(['default_user@example.com']);
    expect(status.autoSignIn).toBe(true);
    const s = await t.call(null, 'auth.autoSignIn');
    expect(s.user.usesDefaultPassword).toBe(true);
    expect((await t.call(s.token, 'auth.me')).email).toBe('default_user@example.com');
    // the default password itself also works
    await t.call(null, 'auth.signIn', { email: 'default_user@example.com', password: 'default_password' });
  });

  it('stops auto sign-in once a second profile exists or the default password changes', async () => {
    t = await openTestCore();
    await t.user('second@example.com');
    expect((await t.call(null, 'auth.status')).autoSignIn).toBe(false);
    expect(await t.code(null, 'auth.autoSignIn')).toBe('unauthenticated');
  });

  it('tells the picker the default profile’s password only while it is the shipped one', async () => {
    const core = (t = await openTestCore());
    await core.user('second@example.com');
    const hints = async () => Object.fromEntries((await core.call(null, 'auth.status')).profiles!.map((p) => [p.email, p.passwordHint]));
    expect(await hints()).toEqual({ 'default_user@example.com': 'default_password', 'second@example.com': null });
    const s = await core.call(null, 'auth.signIn', { email: 'default_user@example.com', password: 'default_password' });
    await core.call(s.token, 'auth.changePassword', { currentPassword: 'default_password', newPassword: 'a-better-secret-1' });
    expect(await hints()).toEqual({ 'default_user@example.com': null, 'second@example.com': null });
  });

  it('refuses wrong passwords and unknown emails with the same error', async () => {
    t = await openTestCore();
    await t.user('a@example.com');
    const wrong = await replyOf(t, null, 'auth.signIn', { email: 'a@example.com', password: 'nope-nope' });
    const unknown = await replyOf(t, null, 'auth.signIn', { email: 'zz@example.com', password: 'nope-nope' });
    expect(wrong).toEqual(unknown);
    expect(wrong.ok).toBe(false);
  });

  it('a token stops working after sign-out and never acts as another profile', async () => {
    t = await openTestCore();
    const a = await t.user('a@example.com');
    const b = await t.user('b@example.com');
    expect((await t.call(a.token, 'auth.me')).id).toBe(a.id);
    expect((await t.call(b.token, 'auth.me')).id).toBe(b.id);
    await t.call(a.token, 'auth.signOut');
    expect(await t.code(a.token, 'auth.me')).toBe('unauthenticated');
    expect(await t.code(a.token, 'datasets.list')).toBe('unauthenticated');
    expect((await t.call(b.token, 'auth.me')).id).toBe(b.id);
    expect(await t.code('forged-token', 'auth.me')).toBe('unauthenticated');
  });

  it('sessions expire', async () => {
    t = await openTestCore({ sessionTtlMs: 1000 });
    const a = await t.user('a@example.com');
    rawDbForTests(t.core.services.store).prepare(`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'`).run();
    expect(await t.code(a.token, 'auth.me')).toBe('unauthenticated');
  });

  it('changing the password ends other sessions but keeps the current one', async () => {
    t = await openTestCore();
    const a = await t.user('a@example.com');
    const other = await t.call(null, 'auth.signIn', { email: 'a@example.com', password: 'password-123' });
    expect(await t.code(a.token, 'auth.changePassword', { currentPassword: 'wrong', newPassword: 'another-password' })).toBe('unauthenticated');
    await t.call(a.token, 'auth.changePassword', { currentPassword: 'password-123', newPassword: 'another-password' });
    expect(await t.code(other.token, 'auth.me')).toBe('unauthenticated');
    expect(await t.code(a.token, 'auth.me')).toBe('ok');
    expect(await t.code(null, 'auth.signIn', { email: 'a@example.com', password: 'another-password' })).toBe('ok');
  });

  it('register refuses a duplicate email (any case) and weak input names the field', async () => {
    t = await openTestCore();
    await t.user('a@example.com');
    expect(await t.code(null, 'auth.register', { email: 'A@Example.com', password: 'password-123' })).toBe('conflict');
    const r = await replyOf(t, null, 'auth.register', { email: 'b@example.com', password: 'short' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(/password/);
    }
  });

  it('with access control on, every call is authenticated', async () => {
    t = await openTestCore();
    expect(await t.code(null, 'datasets.list')).toBe('unauthenticated');
    expect(await t.code(null, 'auth.status')).toBe('ok');
  });

  it('with access control and authentication off, anonymous calls act as the default profile', async () => {
    t = await openTestCore({ accessControl: false, requireAuthentication: false });
    const ds = await t.call(null, 'datasets.create', { name: 'anon' });
    const def = (await t.call(null, 'auth.status')).profiles!.find((p) => p.isDefault)!;
    expect(ds.ownerId).toBe(def.id);
  });

  it('access control on forces authentication on (Cognee’s semantics)', () => {
    expect(configFromEnv({ REQUIRE_AUTHENTICATION: 'false' }).requireAuthentication).toBe(true);
    expect(configFromEnv({ ENABLE_BACKEND_ACCESS_CONTROL: 'false' }).requireAuthentication).toBe(false);
    expect(configFromEnv({ ENABLE_BACKEND_ACCESS_CONTROL: 'false', REQUIRE_AUTHENTICATION: 'true' }).requireAuthentication).toBe(true);
    expect(() => configFromEnv({ DATASET_QUEUE_MAX_CONCURRENT: 'lots' })).toThrow(/DATASET_QUEUE_MAX_CONCURRENT/);
  });
});
