/** Transport security: CSRF, Origin, Host, cookies, CORS, headers, limits, rate limiting, no 500s. */
import http from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rpc } from '../../helpers/http-core';
import { openHost } from './harness';
import type { Harness } from './harness';

const RPC = { 'x-kenning': '1' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('host security', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    token = (await h.user('sec@example.com')).token;
  });
  afterAll(async () => h.close());

  it('/rpc refuses a request without the CSRF header, or from a foreign Origin', async () => {
    const noHeader = await h.post('/rpc/datasets.list', {}, token);
    expect(noHeader.status).toBe(403);
    expect(await noHeader.json()).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    const foreign = await h.post('/rpc/datasets.list', {}, token, { ...RPC, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await h.post('/rpc/datasets.list', {}, token, { ...RPC, origin: h.url });
    expect(own.status).toBe(200);
  });

  it('/api/v1 refuses foreign Origins, and cookie-authenticated writes a browser makes for another site', async () => {
    const foreign = await h.post('/api/v1/datasets', { name: 'x' }, token, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const login = await h.post('/api/v1/auth/login', new URLSearchParams({ username: 'sec@example.com', password: 'password-123' }).toString(), null, FORM);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    // A page on another port of this machine is same-site: the SameSite=Strict cookie goes with it.
    for (const site of ['same-site', 'cross-site']) {
      const fromPage = await h.post('/api/v1/datasets', { name: 'via-cookie' }, null, { cookie, 'sec-fetch-site': site });
      expect([site, fromPage.status]).toEqual([site, 403]);
    }
    const names = async () => ((await (await h.get('/api/v1/datasets', token)).json()) as { name: string }[]).map((d) => d.name);
    expect(await names()).not.toContain('via-cookie');
    // Kenning's own page (same-origin) and a script keeping the cookie (no Origin, no Sec-Fetch-Site) may write.
    expect((await h.post('/api/v1/datasets', { name: 'via-cookie' }, null, { cookie, 'sec-fetch-site': 'same-origin', origin: h.url })).status).toBe(200);
    expect((await h.post('/api/v1/datasets', { name: 'via-script' }, null, { cookie })).status).toBe(200);
    expect((await h.get('/api/v1/datasets', null, { cookie })).status).toBe(200); // reads are safe
    expect((await h.post('/api/v1/datasets', { name: 'via-bearer' }, token)).status).toBe(200); // Bearer needs no CSRF header
  });

  it('classifies CSRF by the route the router matched: encoded, doubled, dotted and re-cased paths get no cross-site cookie write through', async () => {
    const login = await h.post('/api/v1/auth/login', new URLSearchParams({ username: 'sec@example.com', password: 'password-123' }).toString(), null, FORM);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const names = async () => {
      const r = await rpc(h.url, token, 'datasets.list', {});
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { name: string }[]).map((d) => d.name).sort();
    };
    const before = await names();
    // Raw request paths, sent exactly as written (fetch would normalise some of them).
    const attempts: [string, string][] = [
      ['/%61pi/v1/datasets', '{"name":"csrf-1"}'], // the reported bypass: the router decodes %61 to "a"
      ['/api/v1/%64atasets', '{"name":"csrf-2"}'],
      ['/%61%70%69/%76%31/datasets', '{"name":"csrf-3"}'],
      ['//api/v1/datasets', '{"name":"csrf-4"}'],
      ['/api//v1/datasets', '{"name":"csrf-5"}'],
      ['/api/v1/datasets/', '{"name":"csrf-6"}'],
      ['/api/v1/datasets.', '{"name":"csrf-7"}'],
      ['/api/./v1/datasets', '{"name":"csrf-8"}'],
      ['/api/v1/../v1/datasets', '{"name":"csrf-9"}'],
      ['/API/v1/datasets', '{"name":"csrf-10"}'],
      ['/Api/V1/Datasets', '{"name":"csrf-11"}'],
      ['/%2561pi/v1/datasets', '{"name":"csrf-12"}'],
      ['/%72pc/datasets.create', '{"name":"csrf-13"}'], // /rpc needs the header whatever the spelling
      ['/rpc/datasets%2Ecreate', '{"name":"csrf-14"}'],
      ['/rpc/%64atasets.create', '{"name":"csrf-15"}'],
    ];
    // As a page on another port of this machine sends them: same-site, the cookie attached.
    const fromPage = { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-site' };
    for (const [p, body] of attempts) {
      const status = await rawPost(h.port, p, body, fromPage);
      // Refused by the guard (403) or reaching no route (404): never a write.
      expect([p, [403, 404].includes(status)]).toEqual([p, true]);
    }
    const routed = await rawPost(h.port, '/%61pi/v1/datasets', '{"name":"csrf-1"}', fromPage);
    expect(routed).toBe(403); // matched /api/v1/datasets, and the same-site cookie write is refused
    expect(await names()).toEqual(before);
    // /rpc needs its header whatever the spelling, also from a script that is no browser.
    expect(await rawPost(h.port, '/%72pc/datasets.create', '{"name":"csrf-13"}', { cookie, 'content-type': 'application/json' })).toBe(403);
    expect(await names()).toEqual(before);
    // The same encoded path from a same-origin page, or with a Bearer token, still works.
    expect(await rawPost(h.port, '/%61pi/v1/datasets', '{"name":"encoded-ok"}', { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await rawPost(h.port, '/%72pc/datasets.list', '{}', { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-kenning': '1' })).toBe(200);
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${h.url}/health`, { headers: { host: `attacker.example:${h.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('keeps CORS closed and sends security headers with a strict CSP', async () => {
    const r = await h.get('/', null, { origin: 'http://evil.example' });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const page = await h.get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const preflight = await fetch(`${h.url}/rpc/datasets.list`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.status).toBeLessThan(500);
    expect((await h.get('/health')).status).toBe(200);
  });

  it('sign-in over /rpc sets the HttpOnly SameSite=Strict cookie and hides the token from browser pages', async () => {
    const r = await h.post('/rpc/auth.signIn', { email: 'sec@example.com', password: 'password-123' }, null, { ...RPC, origin: h.url });
    const reply = await r.json();
    expect(reply.ok).toBe(true);
    expect(reply.value.token).toBe('');
    const cookieHeader = r.headers.get('set-cookie') ?? '';
    expect(cookieHeader).toMatch(/HttpOnly/i);
    expect(cookieHeader).toMatch(/SameSite=Strict/i);
    const cookie = cookieHeader.split(';')[0]!;
    const me = await (await h.post('/rpc/auth.me', {}, null, { ...RPC, cookie })).json();
    expect(me.value.email).toBe('sec@example.com');
    const out = await h.post('/rpc/auth.signOut', {}, null, { ...RPC, cookie });
    expect(out.headers.get('set-cookie') ?? '').toMatch(/kenning_session=;/);
    expect((await h.post('/rpc/auth.me', {}, null, { ...RPC, cookie })).status).toBe(401);
  });

  it('bounds JSON bodies at 1 MB and answers malformed JSON with 400 in the Reply envelope', async () => {
    const big = await h.post('/rpc/datasets.create', `{"name":"${'x'.repeat(1024 * 1024 + 10)}"}`, token, { ...RPC, 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    expect((await big.json()).ok).toBe(false);
    const bad = await h.post('/rpc/datasets.create', '{"name":', token, { ...RPC, 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await h.post('/rpc/no.such.thing', {}, token, RPC);
    expect(unknown.status).toBe(400);
  });

  it('never answers 500 to a batch of garbage requests', async () => {
    const bodies: (string | undefined)[] = ['', 'null', '[]', '"x"', '{"__proto__":{"a":1}}', '{"constructor":{"prototype":{}}}', '\u0000\u0001', '{"name":1e999}', `{"a":${'['.repeat(5000)}}`];
    const paths = ['/rpc/datasets.create', '/rpc/data.add', '/rpc/auth.signIn', '/rpc/search.run', '/rpc/%00', '/rpc/', '/api/v1/datasets', '/api/v1/add', '/api/v1/cognify', '/api/v1/search', '/api/v1/forget', '/api/v1/auth/login', '/api/v1/auth/register', `/api/v1/permissions/datasets/x?permission_name=read`, '/api/v1/users/get-user-id', '/nowhere'];
    const types = ['application/json', 'text/plain', 'multipart/form-data; boundary=zzz', 'application/x-www-form-urlencoded', 'application/xml'];
    const statuses: number[] = [];
    for (const p of paths) {
      for (const body of bodies) {
        for (const type of types) {
          const r = await fetch(h.url + p, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}`, ...RPC }, body });
          await r.arrayBuffer();
          statuses.push(r.status);
          expect([p, body?.slice(0, 20), type, r.status < 500]).toEqual([p, body?.slice(0, 20), type, true]);
        }
      }
    }
    for (const p of ['/api/v1/datasets/%ZZ/data', '/api/v1/visualize?dataset_id[]=1', '/api/v1/datasets/status?dataset=1&dataset=2', '/rpc/auth.me', '/events']) {
      const r = await h.get(p, token);
      await r.arrayBuffer();
      expect([p, r.status < 500]).toEqual([p, true]);
    }
    expect(statuses.length).toBeGreaterThan(500);
  });
});

/** POSTs with the request path exactly as given (no URL normalisation) and resolves with the status. */
function rawPost(port: number, rawPath: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: rawPath, headers: { host: `127.0.0.1:${port}`, 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}
