/**
 * Cognee's clients over HTTP (issue 19, items 2, 3, 4 and 7): every /api/v1 route answers
 * `/x` and `/x/`; a cookie-keeping script (requests.Session, httpx.Client: no Origin, no
 * Sec-Fetch-*) registers, signs in and writes without a custom header; the CORS allow-list
 * (HostOptions.corsOrigins, `--cors-origin`, CORS_ALLOWED_ORIGINS) answers preflights for
 * listed origins only; `GET /` is Cognee's alive JSON for API clients and the app for browsers.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Core } from '../../../electron/core/core';
import { silentLog } from '../../../electron/core/log';
import { nodeCoreOptions } from '../../../electron/core/node-core';
import { corsPolicy } from '../../../electron/host/cors';
import { buildHost } from '../../../electron/host/server';
import { FAST_HASHES } from '../../helpers/core';
import { addForm, openHost, UNKNOWN_ID } from './harness';
import type { Harness } from './harness';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const login = (email: string) => new URLSearchParams({ username: email, password: 'password-123' }).toString();

/** Every route the app registered, with its methods, read from fastify's route tree. */
function routesOf(tree: string): { path: string; methods: string[] }[] {
  const stack: string[] = [];
  const out: { path: string; methods: string[] }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const full = (depth === 0 ? '' : stack[depth - 1]!) + m[2]!;
    stack[depth] = full;
    stack.length = depth + 1;
    if (m[3]) out.push({ path: full.replace(/\/{2,}/g, '/'), methods: m[3].split(', ').filter((x) => x !== 'HEAD') });
  }
  return out;
}

describe('every /api/v1 route answers with and without a trailing slash', () => {
  it('the same status and body for `/x` and `/x/`, for every route the app registers', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-slash-'));
    const core = await Core.open(nodeCoreOptions({ home, config: { ...FAST_HASHES, listProfiles: false }, log: silentLog }));
    const app = await buildHost(core, { port: 80, log: silentLog });
    try {
      await app.ready();
      const json = { 'content-type': 'application/json' };
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/register', headers: json, payload: { email: 'slash@example.com', password: 'password-123' } })).statusCode).toBe(201);
      const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login/', headers: FORM, payload: login('slash@example.com') });
      expect(signIn.statusCode).toBe(200);
      const auth = { authorization: `Bearer ${signIn.json().access_token as string}` };
      const routes = routesOf(app.printRoutes({ commonPrefix: false })).filter((r) => r.path.startsWith('/api/v1/'));
      expect(routes.length).toBeGreaterThanOrEqual(25);
      let checked = 0;
      for (const r of routes) {
        if (r.path === '/api/v1/auth/logout') continue; // would end the session the loop uses
        const url = r.path.replace(/:[A-Za-z]+/g, UNKNOWN_ID);
        for (const method of r.methods) {
          const send = (u: string) => app.inject({ method: method as 'GET', url: u, headers: { ...auth, ...json }, ...(method === 'GET' ? {} : { payload: '{}' }) });
          const plain = await send(url);
          const slash = await send(`${url}/`);
          expect([method, url, slash.statusCode, slash.body]).toEqual([method, url, plain.statusCode, plain.body]);
          expect([method, url, plain.statusCode === 404 && plain.json().detail === 'Not Found']).toEqual([method, url, false]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(30);
      // The slash form keeps the method and the body: create, list, delete through it.
      const created = await app.inject({ method: 'POST', url: '/api/v1/datasets/', headers: { ...auth, ...json }, payload: { name: 'slashed' } });
      expect([created.statusCode, created.json().name]).toEqual([200, 'slashed']);
      const listed = await app.inject({ method: 'GET', url: '/api/v1/datasets/', headers: auth });
      expect(listed.json().map((d: { name: string }) => d.name)).toEqual(['slashed']);
      const removed = await app.inject({ method: 'DELETE', url: `/api/v1/datasets/${created.json().id as string}/`, headers: auth });
      expect(removed.statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/v1/datasets/?', headers: auth })).json()).toEqual([]);
      // DELETE /api/v1/datasets/ is Cognee's delete_all (it used to reach /datasets/:id with an empty id: 400).
      for (const name of ['one', 'two']) await app.inject({ method: 'POST', url: '/api/v1/datasets', headers: { ...auth, ...json }, payload: { name } });
      const all = await app.inject({ method: 'DELETE', url: '/api/v1/datasets/', headers: auth });
      expect([all.statusCode, all.body]).toEqual([200, 'null']);
      expect((await app.inject({ method: 'GET', url: '/api/v1/datasets', headers: auth })).json()).toEqual([]);
    } finally {
      await app.close();
      await core.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('Cognee clients over HTTP', () => {
  let h: Harness;
  let rendererDir: string;

  beforeAll(async () => {
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-app-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kenning-test-app</title>');
    h = await openHost({}, { signInPerMinute: 1000, rendererDir, corsOrigins: ['http://localhost:3000'] });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  it('a cookie-keeping script (no Origin, no Sec-Fetch-*, no custom header) registers, signs in, writes, signs in again and out', async () => {
    // What requests.Session / httpx.Client do: remember Set-Cookie, send it back, nothing else.
    const jar = new Map<string, string>();
    const send = async (method: string, p: string, body?: BodyInit, headers: Record<string, string> = {}) => {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const r = await fetch(h.url + p, { method, body, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
      for (const c of r.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        if (v) jar.set(k!, v);
        else jar.delete(k!);
      }
      return r;
    };
    const json = { 'content-type': 'application/json' };
    expect((await send('POST', '/api/v1/auth/register', JSON.stringify({ email: 'script@example.com', password: 'password-123' }), json)).status).toBe(201);
    expect((await send('POST', '/api/v1/auth/login', login('script@example.com'), FORM)).status).toBe(200);
    expect(jar.size).toBe(1);
    const created = await send('POST', '/api/v1/datasets', JSON.stringify({ name: 'from-script' }), json);
    expect(created.status).toBe(200);
    const datasetId = ((await created.json()) as { id: string }).id;
    const added = await send('POST', '/api/v1/add', addForm({ datasetId }, [{ name: 'note.txt', text: 'Written by a script.' }]));
    expect(added.status).toBe(200);
    // A second sign-in with the old cookie still attached replaces the session.
    const before = [...jar.values()][0];
    expect((await send('POST', '/api/v1/auth/login', login('script@example.com'), FORM)).status).toBe(200);
    expect([...jar.values()][0]).not.toBe(before);
    expect((await send('POST', '/api/v1/datasets', JSON.stringify({ name: 'after-second-login' }), json)).status).toBe(200);
    const names = ((await (await send('GET', '/api/v1/datasets/')).json()) as { name: string }[]).map((d) => d.name).sort();
    expect(names).toEqual(['after-second-login', 'from-script']);
    expect((await send('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await send('GET', '/api/v1/datasets')).status).toBe(401);
  });

  it('GET / is Cognee’s alive JSON for an API client and the app for a browser', async () => {
    for (const accept of [undefined, '*/*', 'application/json']) {
      const r = await h.get('/', null, accept ? { accept } : {});
      expect([accept, r.status, await r.json()]).toEqual([accept, 200, { message: 'Hello, World, I am alive!' }]);
    }
    const page = await h.get('/', null, { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('kenning-test-app');
    expect(page.headers.get('vary')).toMatch(/Accept/);
  });

  it('answers preflights and reads for a listed origin, with credentials; refuses every other origin', async () => {
    const preflight = (origin: string, p = '/api/v1/datasets/') =>
      fetch(h.url + p, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-api-key' },
      });
    const ok = await preflight('http://localhost:3000');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(ok.headers.get('vary')).toMatch(/Origin/);
    for (const origin of ['http://localhost:3001', 'http://evil.example', 'null']) {
      const refused = await preflight(origin);
      expect([origin, refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([origin, 403, null]);
    }
    // Kenning's own contract is not Cognee's API: a listed origin gets nothing there.
    const rpc = await preflight('http://localhost:3000', '/rpc/datasets.list');
    expect([rpc.status, rpc.headers.get('access-control-allow-origin')]).toEqual([403, null]);

    const { token } = await h.user('cors@example.com');
    const read = await h.get('/api/v1/datasets', token, { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' });
    expect([read.status, read.headers.get('access-control-allow-origin'), read.headers.get('access-control-allow-credentials')]).toEqual([200, 'http://localhost:3000', 'true']);
    const write = await h.post('/api/v1/datasets', { name: 'from-frontend' }, token, { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' });
    expect(write.status).toBe(200);
    const foreign = await h.get('/api/v1/datasets', token, { origin: 'http://localhost:3001' });
    expect([foreign.status, foreign.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    // Without an Origin nothing CORS-related is granted.
    expect((await h.get('/api/v1/datasets', token)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses wildcard and malformed CORS entries, naming them', () => {
    expect(() => corsPolicy(['*'])).toThrow(/"\*" is not allowed/);
    expect(() => corsPolicy(['localhost:3000'])).toThrow(/localhost:3000/);
    expect(() => corsPolicy(['http://localhost:3000/app'])).toThrow(/no path/);
    expect([...corsPolicy(['HTTP://LocalHost:3000/', ' ', 'https://example.com:443']).origins]).toEqual(['http://localhost:3000', 'https://example.com']);
  });
});

describe('npm run serve: --cors-origin and CORS_ALLOWED_ORIGINS', () => {
  it('allows the origins of both, and only those', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-cli-cors-'));
    const tsx = path.resolve('node_modules/.bin/tsx');
    const child = spawn(tsx, ['electron/host/cli.ts', '--home', home, '--port', '0', '--cors-origin', 'http://localhost:3000', '--cors-origin', 'http://localhost:3001'], {
      env: { ...process.env, CORS_ALLOWED_ORIGINS: 'http://localhost:5173, http://127.0.0.1:5173' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const ready = await new Promise<string>((resolve, reject) => {
        const lines = readline.createInterface({ input: child.stdout! });
        lines.on('line', (l) => resolve(l));
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const url = /listening on (\S+)/.exec(ready)![1]!;
      const allowed = async (origin: string) =>
        (await fetch(`${url}/api/v1/datasets`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } })).headers.get('access-control-allow-origin');
      for (const origin of ['http://localhost:3000', 'http://localhost:3001', 'http://localhost:5173', 'http://127.0.0.1:5173']) expect(await allowed(origin)).toBe(origin);
      expect(await allowed('http://localhost:8080')).toBeNull();
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
