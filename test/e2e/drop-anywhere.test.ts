/**
 * Dropping files anywhere but on a dataset (issue 17, defect 1): on the top bar or the sidebar's
 * empty space the window asks which dataset they go to. That dialog's store selector built a
 * new array on every call, so React re-rendered until it gave up ("Minified React error #185"),
 * the window showed "Kenning hit a problem" and the dropped files were lost. Now the dialog
 * opens, and the files reach the dataset chosen in it.
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
import { AppDriver, launchBrowser } from './driver';
import { LAB_MD, NOTES_TXT } from './fixtures';

const STEP = 180_000;

describe('dropping files outside a dataset', () => {
  let home: string;
  let host: RunningHost;
  let browser: Browser;
  let app: AppDriver;

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-e2e-drop-'));
    const rendererDir = await buildRenderer(path.join(home, 'renderer-build'));
    host = await startHost({ home: path.join(home, 'data'), port: 0, log: silentLog, rendererDir });
    browser = await launchBrowser();
    app = await AppDriver.open(browser, host.url, 'drop');
    await app.waitForProfile('default_user@example.com');
  }, STEP);

  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await host?.close();
    fs.rmSync(home, { recursive: true, force: true });
  }, STEP);

  it('on the top bar: the dataset dialog opens (no crash) and a new dataset receives the file', async () => {
    await app.dropFiles(app.page.locator('header.topbar'), [NOTES_TXT]);
    const dialog = app.byTestId('choose-dataset-dialog');
    await dialog.waitFor();
    expect(await app.byTestId('error-boundary').count()).toBe(0);
    await dialog.getByLabel('New dataset name').fill('Dropped');
    await app.byTestId('choose-dataset-submit').click();
    expect(await app.waitForIngest([NOTES_TXT.name], ['done', 'error', 'rejected'])).toEqual({ [NOTES_TXT.name]: 'done' });
    expect(await app.byTestId('dataset-sidebar').innerText()).toContain('Dropped');
    expect(await app.byTestId('error-boundary').count()).toBe(0);
  }, STEP);

  it('on the sidebar’s empty space: the dialog offers the existing dataset, and the file lands there', async () => {
    await app.dropFiles(app.byTestId('dataset-sidebar'), [LAB_MD]);
    const dialog = app.byTestId('choose-dataset-dialog');
    await dialog.waitFor();
    expect(await app.byTestId('error-boundary').count()).toBe(0);
    await dialog.getByRole('radio', { name: 'Dropped' }).check();
    await app.byTestId('choose-dataset-submit').click();
    expect(await app.waitForIngest([LAB_MD.name], ['done', 'error', 'rejected'])).toEqual({ [LAB_MD.name]: 'done' });
    expect(await app.byTestId('error-boundary').count()).toBe(0);
  }, STEP);
});
