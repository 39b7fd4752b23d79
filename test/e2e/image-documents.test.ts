/**
 * Issue 19, item 7: images are accepted and stored with a clear "stored, no text extracted"
 * status (no OCR engine is installed). A PNG added over Cognee's /api/v1/add from the signed-in
 * page (its cookie, same origin) shows in the documents panel with that note instead of
 * "Processed"; the text file beside it is processed as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';

const STEP = 240_000;
const NOTE = 'Stored, no text extracted: no OCR engine is installed';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

describe('image documents', () => {
  let e2e: E2eHost;
  let app: AppDriver;

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-images-');
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'images');
    await app.waitForProfile('default_user@example.com');
  }, STEP);

  afterAll(async () => {
    await app?.close();
    await e2e?.close();
  }, STEP);

  it('a PNG is stored and its row says no text was extracted; a text file beside it is processed', async () => {
    await app.createDataset('Pictures');
    const datasetId = (await app.byTestId('dataset-Pictures').getAttribute('data-dataset-id'))!;
    const statuses = await app.page.evaluate(
      async ({ datasetId, png }) => {
        const form = new FormData();
        form.append('datasetId', datasetId);
        form.append('data', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'whiteboard.png');
        form.append('data', new Blob(['Grace Hopper wrote the first compiler at Remington Rand.'], { type: 'text/plain' }), 'hopper.txt');
        const add = await fetch('/api/v1/add', { method: 'POST', body: form });
        const cognify = await fetch('/api/v1/cognify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset_ids: [datasetId] }) });
        return [add.status, cognify.status];
      },
      { datasetId, png: PNG },
    );
    expect(statuses).toEqual([200, 200]);
    await app.byTestId('tab-documents').click();
    await app.page.locator('[data-testid="documents-summary"]', { hasText: '2 documents: 2 processed' }).waitFor({ timeout: 170_000 });
    const image = app.page.locator('[data-testid="document-row"][data-name="whiteboard.png"]');
    expect(await image.getByTestId('document-status').innerText()).toBe(NOTE);
    expect(await image.getAttribute('data-state')).toBe('processed');
    const text = app.page.locator('[data-testid="document-row"][data-name="hopper.txt"]');
    expect(await text.getByTestId('document-status').innerText()).toBe('Processed');
    await app.screenshot('images-01-stored-no-text');
  }, STEP);
});
