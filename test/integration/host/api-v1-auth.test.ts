/** /api/v1/auth and /api/v1/users: Cognee's (fastapi-users') shapes and statuses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openHost } from './harness';
import type { Harness } from './harness';

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('/api/v1 auth', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHost();
  });
  afterAll(async () => h.close());

  it('register answers 201 with UserRead; a duplicate or weak password answers 400 like fastapi-users', async () => {
    const r = await h.post('/api/v1/auth/register', { email: 'ann@example.com', password: 'password-123' });
    expect(r.status).toBe(201);
    const u = await r.json();
    expect(u).toMatchObject({ email: 'ann@example.com', is_active: true, is_superuser: false, is_verified: true, tenant_id: null });
    expect(typeof u.id).toBe('string');
    const dup = await h.post('/api/v1/auth/register', { email: 'ANN@example.com', password: 'password-123' });
    expect([dup.status, await dup.json()]).toEqual([400, { detail: 'REGISTER_USER_ALREADY_EXISTS' }]);
    const weak = await h.post('/api/v1/auth/register', { email: 'bob@example.com', password: 'short' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).detail.code).toBe('REGISTER_INVALID_PASSWORD');
  });

  it('register with a missing or malformed field answers 400 naming the field', async () => {
    const missing = await h.post('/api/v1/auth/register', { email: 'x@example.com' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).detail).toContainEqual(expect.objectContaining({ loc: ['body', 'password'], type: 'missing' }));
    const bad = await h.post('/api/v1/auth/register', { email: 'not-an-email', password: 'password-123' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail[0].loc).toEqual(['body', 'email']);
  });

  it('login answers the bearer token and sets an HttpOnly SameSite=Strict cookie', async () => {
    const r = await h.post('/api/v1/auth/login', form({ username: 'ann@example.com', password: 'password-123' }), null, FORM);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.token_type).toBe('bearer');
    expect(typeof body.access_token).toBe('string');
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kenning_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    // the cookie alone authenticates reads
    const me = await h.get('/api/v1/auth/me', null, { cookie: cookie.split(';')[0]! });
    expect([me.status, await me.json()]).toEqual([200, { email: 'ann@example.com' }]);
  });

  it('wrong password, unknown user and malformed forms all answer 400 LOGIN_BAD_CREDENTIALS', async () => {
    for (const body of [form({ username: 'ann@example.com', password: 'wrong-one' }), form({ username: 'nobody@example.com', password: 'x' }), form({ username: 'ann@example.com' }), '']) {
      const r = await h.post('/api/v1/auth/login', body, null, FORM);
      expect([r.status, await r.json()]).toEqual([400, { detail: 'LOGIN_BAD_CREDENTIALS' }]);
    }
  });

  it('me and users/me need a session: 401 {detail: "Unauthorized"} without one', async () => {
    for (const p of ['/api/v1/auth/me', '/api/v1/users/me']) {
      const r = await h.get(p);
      expect([r.status, await r.json()]).toEqual([401, { detail: 'Unauthorized' }]);
      const forged = await h.get(p, 'forged-token');
      expect(forged.status).toBe(401);
    }
    const { token, id } = await h.user('carl@example.com');
    const me = await h.get('/api/v1/users/me', token);
    expect(await me.json()).toMatchObject({ id, email: 'carl@example.com', is_active: true });
  });

  it('logout answers 204, clears the cookie and ends the token', async () => {
    const { token } = await h.user('dora@example.com');
    const r = await h.post('/api/v1/auth/logout', '', token);
    expect(r.status).toBe(204);
    expect(r.headers.get('set-cookie') ?? '').toMatch(/kenning_session=;/);
    expect((await h.get('/api/v1/auth/me', token)).status).toBe(401);
    expect((await h.post('/api/v1/auth/logout', '', token)).status).toBe(401);
  });

  it('users/get-user-id finds an id by email for a signed-in caller', async () => {
    const { token } = await h.user('erin@example.com');
    const { id } = await h.user('finn@example.com');
    const r = await h.post('/api/v1/users/get-user-id', { email: 'finn@example.com' }, token);
    expect([r.status, await r.json()]).toEqual([200, { user_id: id }]);
    const missing = await h.post('/api/v1/users/get-user-id', { email: 'ghost@example.com' }, token);
    expect([missing.status, await missing.json()]).toEqual([404, { detail: 'User not found' }]);
    expect((await h.post('/api/v1/users/get-user-id', { email: 'finn@example.com' })).status).toBe(401);
    expect((await h.post('/api/v1/users/get-user-id', {}, token)).status).toBe(400);
  });
});
