/**
 * The CSRF and CORS rules of issue 19 (items 3 and 4), proved in headless Chromium rather
 * than with hand-written headers: real pages on other origins, the browser's own Origin and
 * Sec-Fetch-* headers, its cookie rules and its CORS checks.
 *
 * Kenning runs at http://localhost:K with one listed origin. Two small page servers stand in
 * for other sites: http://localhost:A (listed: Cognee's frontend) and http://localhost:E (not
 * listed). Both are *same-site* with Kenning (ports do not make a site), so the SameSite=Strict
 * session cookie IS sent along with their requests — the hard case, where only the host's
 * Origin / fetch-metadata rule stands between a page and the user's session.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { silentLog } from '../../electron/core/log';
import { startHost } from '../../electron/host/server';
import type { RunningHost } from '../../electron/host/server';
import { launchBrowser, RESULTS_DIR } from './driver';

const STEP = 120_000;
const EMAIL = 'victim@example.com';
const PASSWORD = 'password-123';

/** A one-page site on its own port: `/` answers `html`. */
async function pageServer(html: () => string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

describe('cross-origin pages in Chromium', () => {
  let home: string;
  let host: RunningHost;
  let kenning: string;
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof pageServer>>;
  let evil: Awaited<ReturnType<typeof pageServer>>;
  let token: string;

  /** Dataset names the victim owns, read with a Bearer token (outside the browser). */
  const datasetNames = async () => {
    const r = await fetch(`${host.url}/api/v1/datasets`, { headers: { authorization: `Bearer ${token}` } });
    return ((await r.json()) as { name: string }[]).map((d) => d.name).sort();
  };

  /** A browser context signed in to Kenning the way its own page would: a same-origin login that sets the cookie. */
  async function signedInContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${kenning}/health`);
    const status = await page.evaluate(
      async ([email, password]) =>
        (await fetch('/api/v1/auth/login', { method: 'POST', body: new URLSearchParams({ username: email!, password: password! }) })).status,
      [EMAIL, PASSWORD],
    );
    expect(status).toBe(200);
    const cookies = await context.cookies(kenning);
    expect(cookies.map((c) => [c.httpOnly, c.sameSite])).toEqual([[true, 'Strict']]);
    await page.close();
    return context;
  }

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-e2e-cors-'));
    // Page markup is filled in once Kenning's port is known.
    let kenningUrl = '';
    allowed = await pageServer(() => `<!doctype html><title>Allowed origin</title><h1>Cognee frontend stand-in</h1><pre id="out">waiting</pre>
<script>window.KENNING = ${JSON.stringify(kenningUrl)};</script>`);
    evil = await pageServer(() => `<!doctype html><title>Another site</title><h1>A page on another origin</h1><pre id="out">waiting</pre>
<form id="f" method="POST" action="${kenningUrl}/api/v1/datasets"><input name="name" value="evil-form"></form>
<script>window.KENNING = ${JSON.stringify(kenningUrl)};</script>`);
    host = await startHost({ home, port: 0, log: silentLog, signInPerMinute: 1000, corsOrigins: [`http://localhost:${allowed.port}`] });
    kenning = `http://localhost:${host.port}`;
    kenningUrl = kenning;
    const reg = await fetch(`${host.url}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    expect(reg.status).toBe(201);
    const login = await fetch(`${host.url}/api/v1/auth/login`, { method: 'POST', body: new URLSearchParams({ username: EMAIL, password: PASSWORD }) });
    token = ((await login.json()) as { access_token: string }).access_token;
    await fetch(`${host.url}/api/v1/datasets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"name":"mine"}' });
    browser = await launchBrowser();
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await allowed?.close();
    await evil?.close();
    fs.rmSync(home, { recursive: true, force: true });
  }, STEP);

  it('a page on another origin cannot write with the user’s cookie: neither a form POST nor fetch with credentials', async () => {
    const context = await signedInContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${evil.port}/`);
    // fetch: a cookie-carrying no-cors POST (needs no preflight, the response is opaque anyway)
    // and a CORS POST; then the classic form, which navigates to Kenning's answer.
    const fetched = await page.evaluate(async () => {
      const k = (window as unknown as { KENNING: string }).KENNING;
      const out: string[] = [];
      try {
        // Sent with the cookie; Kenning refuses it, and its Cross-Origin-Resource-Policy then fails the fetch.
        await fetch(`${k}/api/v1/datasets`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ name: 'evil-no-cors' }) });
        out.push('no-cors: answered');
      } catch (e) {
        out.push(`no-cors: ${(e as Error).name}`);
      }
      try {
        await fetch(`${k}/api/v1/datasets`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{"name":"evil-cors"}' });
        out.push('cors: answered');
      } catch (e) {
        out.push(`cors: ${(e as Error).name}`);
      }
      return out;
    });
    expect(fetched).toEqual(['no-cors: TypeError', 'cors: TypeError']);
    await Promise.all([page.waitForURL(`${kenning}/api/v1/datasets`), page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())]);
    const answer = await page.locator('body').innerText();
    expect(answer).toContain('Cross-origin requests are not allowed');
    await shot(page, 'cors-01-form-post-refused');
    expect(await datasetNames()).toEqual(['mine']);
    // The cookie did go with those requests (same-site): a plain link from that page reaches the session.
    await page.goto(`http://localhost:${evil.port}/`);
    await Promise.all([page.waitForURL(`${kenning}/api/v1/auth/me`), page.evaluate((k) => void (location.href = `${k}/api/v1/auth/me`), kenning)]);
    expect(await page.locator('body').innerText()).toContain(EMAIL);
    await context.close();
  }, STEP);

  it('a page on another origin cannot read answers made with the user’s cookie', async () => {
    const context = await signedInContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${evil.port}/`);
    const reads = await page.evaluate(async () => {
      const k = (window as unknown as { KENNING: string }).KENNING;
      const out: string[] = [];
      for (const p of ['/api/v1/datasets', '/api/v1/auth/me', '/api/v1/users/me', '/']) {
        try {
          const r = await fetch(k + p, { credentials: 'include', headers: { accept: 'application/json' } });
          out.push(`${p}: ${await r.text()}`);
        } catch (e) {
          out.push(`${p}: ${(e as Error).name}`);
        }
      }
      try {
        const opaque = await fetch(`${k}/api/v1/datasets`, { mode: 'no-cors', credentials: 'include' });
        out.push(`no-cors: ${opaque.type} ${(await opaque.text()).length}`);
      } catch (e) {
        out.push(`no-cors: ${(e as Error).name}`); // Cross-Origin-Resource-Policy: same-origin
      }
      return out;
    });
    expect(reads).toEqual(['/api/v1/datasets: TypeError', '/api/v1/auth/me: TypeError', '/api/v1/users/me: TypeError', '/: TypeError', 'no-cors: TypeError']);
    await context.close();
  }, STEP);

  it('a page on an origin that is not listed cannot sign in with credentials nor read the datasets', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${evil.port}/`);
    const tried = await page.evaluate(
      async ([email, password]) => {
        const k = (window as unknown as { KENNING: string }).KENNING;
        const out: string[] = [];
        try {
          await fetch(`${k}/api/v1/auth/login`, { method: 'POST', credentials: 'include', body: new URLSearchParams({ username: email!, password: password! }) });
          out.push('login answered');
        } catch (e) {
          out.push(`login ${(e as Error).name}`);
        }
        try {
          await fetch(`${k}/api/v1/datasets`, { credentials: 'include' });
          out.push('datasets answered');
        } catch (e) {
          out.push(`datasets ${(e as Error).name}`);
        }
        return out;
      },
      [EMAIL, PASSWORD],
    );
    expect(tried).toEqual(['login TypeError', 'datasets TypeError']);
    expect(await context.cookies(kenning)).toEqual([]); // refused before sign-in: no session was made
    await context.close();
  }, STEP);

  it('a page on a listed origin (Cognee’s frontend) signs in with credentials, reads /api/v1/datasets and writes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`http://localhost:${allowed.port}/`);
    const result = await page.evaluate(
      async ([email, password]) => {
        const k = (window as unknown as { KENNING: string }).KENNING;
        // As cognee-frontend's LocalSignInForm and localFetch do: cookie sign-in, then credentials: 'include'.
        const login = await fetch(`${k}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ username: email!, password: password! }).toString(),
          credentials: 'include',
        });
        // A preflighted write (JSON body, the frontend's X-Api-Key style custom header) to the slash form it uses.
        const created = await fetch(`${k}/api/v1/datasets/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'unused' },
          body: JSON.stringify({ name: 'from-frontend' }),
          credentials: 'include',
        });
        const list = await fetch(`${k}/api/v1/datasets/`, { credentials: 'include' });
        const names = ((await list.json()) as { name: string }[]).map((d) => d.name).sort();
        document.getElementById('out')!.textContent = `login ${login.status}\ncreate ${created.status}\ndatasets: ${names.join(', ')}`;
        return { login: login.status, created: created.status, list: list.status, names };
      },
      [EMAIL, PASSWORD],
    );
    expect(result).toEqual({ login: 200, created: 200, list: 200, names: ['from-frontend', 'mine'] });
    await shot(page, 'cors-02-listed-origin-reads-datasets');
    await context.close();
  }, STEP);
});
