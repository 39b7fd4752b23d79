/**
 * The `window.__kenning` test flags (renderer/src/app/e2eFlags.ts) are compiled out of the
 * production renderer: no emitted file mentions them, and the production page, served by the
 * real host in Chromium, reaches its first screen with no `window.__kenning`. The e2e build of
 * the same sources does carry them — the control that shows the search below can find them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { silentLog } from '../../electron/core/log';
import { startHost } from '../../electron/host/server';
import type { RunningHost } from '../../electron/host/server';
import { buildRenderer } from './build-renderer';
import { launchBrowser } from './driver';

const STEP = 180_000;
/**
 * Every emitted file (js, html, css) that names the global. (Member names such as graphNodeCount
 * may survive as dead arguments of the no-op setFlags; publishing them takes the global.)
 */
function mentions(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile() && fs.readFileSync(path.join(dir, f), 'utf8').includes('__kenning'))
    .sort();
}

describe('test flags in the renderer build', () => {
  let home: string;
  let prod: string;
  let host: RunningHost | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-prod-build-'));
    prod = await buildRenderer(path.join(home, 'production'), { testHooks: false });
  }, STEP);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    fs.rmSync(home, { recursive: true, force: true });
  }, STEP);

  it('the production bundle does not contain the flags; the e2e bundle does', async () => {
    expect(mentions(prod)).toEqual([]);
    const e2e = await buildRenderer(path.join(home, 'e2e'), { testHooks: true });
    expect(mentions(e2e).length).toBeGreaterThan(0);
  }, STEP);

  it('the production page works without them: first screen up, window.__kenning undefined', async () => {
    host = await startHost({ home: path.join(home, 'data'), port: 0, log: silentLog, rendererDir: prod, signInPerMinute: 1000 });
    browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    // A fresh machine opens straight into the default profile.
    await page.getByTestId('current-profile').waitFor();
    expect(await page.evaluate(() => typeof (window as { __kenning?: unknown }).__kenning)).toBe('undefined');
    expect(errors).toEqual([]);
  }, STEP);
});
