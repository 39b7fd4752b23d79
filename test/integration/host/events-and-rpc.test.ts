/** The events WebSocket, data.add multipart over /rpc, static fallback and the CLI. */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rpc } from '../../helpers/http-core';
import { tempDir } from '../../helpers/temp';
import { connectEvents } from './events-socket';
import { openHost } from './harness';
import type { Harness } from './harness';

const RPC = { 'x-kenning': '1' };

const connect = connectEvents;

describe('events WebSocket and /rpc uploads', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await openHost({ maxFileBytes: 64 }, { signInPerMinute: 1000, rendererDir: tempDir('kenning-empty-').dir });
    token = (await h.user('ev@example.com')).token;
  });
  afterAll(async () => h.close());

  it('refuses the socket without a session, or from a foreign Origin', async () => {
    await expect(connect(h.url, {})).rejects.toThrow(/HTTP 401/);
    await expect(connect(h.url, { authorization: 'Bearer forged' })).rejects.toThrow(/HTTP 401/);
    await expect(connect(h.url, { authorization: `Bearer ${token}`, origin: 'http://evil.example' })).rejects.toThrow(/HTTP 403/);
  });

  it('delivers datasets.changed after a dataset is created, and closes on sign-out', async () => {
    const s = await connect(h.url, { authorization: `Bearer ${token}` });
    const created = await rpc(h.url, token, 'datasets.create', { name: 'live' });
    expect(created.ok).toBe(true);
    expect(await s.next()).toEqual({ event: 'datasets.changed', payload: { reason: expect.any(String) } });
    await rpc(h.url, token, 'auth.signOut', {});
    expect(await s.closed).toBe(1008);
  });

  it('data.add over /rpc takes multipart files and texts; limits and field names are enforced', async () => {
    const t2 = (await h.user('up@example.com')).token;
    const ok = await rpc(h.url, t2, 'data.add', { datasetName: 'docs', files: [{ name: 'a.txt', bytes: new TextEncoder().encode('small') }], texts: ['a short note'] });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((ok.value as { items: { status: string }[] }).items.map((i) => i.status)).toEqual(['added', 'added']);
    const post = (form: FormData) => fetch(`${h.url}/rpc/data.add`, { method: 'POST', headers: { ...RPC, authorization: `Bearer ${t2}` }, body: form });
    const big = new FormData();
    big.append('datasetName', 'docs');
    big.append('files', new Blob(['x'.repeat(65)]), 'big.txt');
    const bigR = await post(big);
    expect(bigR.status).toBe(413);
    expect(await bigR.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: { field: 'files' } } });
    const wrong = new FormData();
    wrong.append('datasetName', 'docs');
    wrong.append('file', new Blob(['x']), 'a.txt');
    const wrongR = await post(wrong);
    expect(wrongR.status).toBe(400);
    expect(await wrongR.json()).toMatchObject({ ok: false, error: { detail: { field: 'file' } } });
    const nothing = new FormData();
    nothing.append('datasetName', 'docs');
    const nothingR = await post(nothing);
    expect(nothingR.status).toBe(400);
    expect((await nothingR.json()).error.message).toMatch(/files/);
    const empty = new FormData();
    empty.append('datasetName', 'docs');
    empty.append('files', new Blob([]), 'empty.txt');
    const emptyR = await (await post(empty)).json();
    expect(emptyR.value.items[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/empty/) });
  });

  it('without a renderer build, / explains how to make one (to a browser; API clients get Cognee’s alive JSON)', async () => {
    const r = await h.get('/', null, { accept: 'text/html' });
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(/npm run build/);
    expect((await h.get('/api/v1/nope')).status).toBe(404);
  });
});

describe('npm run serve (cli)', () => {
  it('prints exactly one ready line, serves /health, and exits 0 on SIGTERM', async () => {
    const home = tempDir('kenning-cli-');
    const root = path.resolve(__dirname, '../../..');
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'electron/host/cli.ts'), '--home', home.dir, '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        out += String(c);
        const m = /Kenning listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.trim().split('\n')).toEqual([`Kenning listening on ${url}`]);
    home.cleanup();
  });
});

describe('shutdown', () => {
  it('a refused WebSocket upgrade does not hold shutdown open', async () => {
    const h = await openHost();
    await expect(connect(h.url, { origin: 'http://evil.example' })).rejects.toThrow(/HTTP 403/);
    await h.close(); // hangs (test timeout) if the refused socket lingers
  });
});
