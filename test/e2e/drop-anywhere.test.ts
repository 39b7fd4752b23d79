/**
 * Dropping files anywhere but on a dataset (issue 17, defect 1): on the top bar or the sidebar's
 * empty space the window asks which dataset they go to. That dialog's store selector built a
 * new array on every call, so React re-rendered until it gave up ("Minified React error #185"),
 * the window showed "Kenning hit a problem" and the dropped files were lost. Now the dialog
 * opens, and the files reach the dataset chosen in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';
import { LAB_MD, NOTES_TXT } from './fixtures';

const STEP = 180_000;

describe('dropping files outside a dataset', () => {
  let e2e: E2eHost;
  let app: AppDriver;

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-drop-');
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'drop');
    await app.waitForProfile('default_user@example.com');
  }, STEP);

  afterAll(async () => {
    await app?.close();
    await e2e?.close();
  }, STEP);

  it('on the top bar: the dataset dialog opens (no crash) and a new dataset receives the file', async () => {
    await app.dropFiles(app.page.locator('header.topbar'), [NOTES_TXT]);
    const dialog = app.byTestId('choose-dataset-dialog');
    await dialog.waitFor();
    expect(await app.byTestId('error-boundary').count()).toBe(0);
    await app.screenshot('drop-01-top-bar-choose-dataset');
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
