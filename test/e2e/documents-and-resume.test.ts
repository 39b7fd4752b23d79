/**
 * Issue 17, items 2 and 3 (and the rejected count of item 7): honest ingestion state and a
 * documents panel. A cancelled run says what it left and offers Resume; re-added files are
 * processed only if they never were; a reload mid-run rebuilds the per-file list from the core;
 * a deleted document leaves search and the graph; removing a failed file clears the dataset's
 * red; rejected files are counted in the header and listed first.
 *
 * Runs are held (not slowed down by sleeping) by taking the dataset's write turn in the host's
 * own dataset queue (test/helpers/hold-writes.ts): the run then waits with its files queued until released.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DropFile } from './driver';
import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';
import { LAB_MD, NOTES_TXT, PEOPLE_CSV, THREE_FILES } from './fixtures';
import { holdWrites } from '../helpers/hold-writes';
import type { Hold } from '../helpers/hold-writes';

const STEP = 240_000;

const txt = (name: string, text: string): DropFile => ({ name, type: 'text/plain', text });
/** Ten small memos, each with its own content (the same bytes would be one document). */
const MEMOS: readonly DropFile[] = Array.from({ length: 10 }, (_, i) =>
  txt(`memo-${String(i + 1).padStart(2, '0')}.txt`, `Memo number ${i + 1}. Ada Lovelace wrote notes on the Analytical Engine in London, part ${i + 1}.`),
);
const QUILL = txt('quillfeather.txt', 'Bartholomew Quillfeather founded the Glimmerdale Observatory in Thornbury. Quillfeather mapped comets from Glimmerdale for forty years.');
const BROKEN_PDF: DropFile = { name: 'broken.pdf', type: 'application/pdf', text: '%PDF-1.7\n this is not really a pdf' };
const names = (files: readonly DropFile[]) => files.map((f) => f.name);

describe('documents panel, cancel and resume', () => {
  let e2e: E2eHost;
  let app: AppDriver;
  /** Every hold taken, released at the end too: a failed test must not leave a run stuck for the host's close. */
  const holds: Hold[] = [];

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-docs-');
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'docs');
    await app.waitForProfile('default_user@example.com');
  }, STEP);

  afterAll(async () => {
    await Promise.all(holds.map((h) => h.release()));
    await app?.close();
    await e2e?.close();
  }, STEP);

  const datasetId = async (name: string) => (await app.byTestId(`dataset-${name}`).getAttribute('data-dataset-id'))!;
  const sidebarStatus = (name: string, status: string) => app.page.locator(`[data-testid="dataset-${name}"] [data-testid="dataset-status"][data-status="${status}"]`).waitFor({ timeout: 170_000 });
  const title = () => app.byTestId('ingest-panel').locator('h2').innerText();
  const clearFinished = async () => {
    const clear = app.byTestId('ingest-panel').getByRole('button', { name: 'Clear finished' });
    if ((await clear.count()) > 0 && (await clear.isEnabled())) await clear.click();
  };
  /** Calls a procedure as the page's signed-in profile (same cookie, same checks as the renderer). */
  const rpc = <T>(name: string, input: unknown): Promise<T> =>
    app.page.evaluate(
      async ({ name, input }) => {
        const res = await fetch(`/rpc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kenning': '1' }, body: JSON.stringify(input) });
        const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
        if (!reply.ok) throw new Error(reply.error?.message ?? 'call failed');
        return reply.value as T;
      },
      { name, input },
    );
  /** Drops files on the dataset while its write turn is held, and waits until their run is waiting for it. */
  const dropHeld = async (dataset: string, files: readonly DropFile[]) => {
    const hold = await holdWrites(e2e.host.core, await datasetId(dataset));
    holds.push(hold);
    await app.dropFiles(app.byTestId('drop-zone'), files);
    await sidebarStatus(dataset, 'processing');
    return hold;
  };
  /** Cancels the dataset's run from a file's Cancel button and, once the core took it, lets the held run go on to notice. */
  const cancelHeld = async (hold: Hold, file: string) => {
    const answered = app.page.waitForResponse((r) => r.url().endsWith('/rpc/cognify.cancel'));
    await app.page.getByRole('button', { name: `Cancel processing ${file}` }).click();
    expect((await answered).ok()).toBe(true);
    await hold.release();
  };

  it('cancel: counts say what was processed and what was cancelled; the header offers Resume, which processes the rest', async () => {
    await app.createDataset('Cancel me');
    await app.dropFiles(app.byTestId('drop-zone'), THREE_FILES);
    expect(await app.waitForIngest(names(THREE_FILES), ['done', 'error', 'rejected'])).toEqual(Object.fromEntries(names(THREE_FILES).map((n) => [n, 'done'])));

    const hold = await dropHeld('Cancel me', MEMOS);
    await cancelHeld(hold, MEMOS[0]!.name);
    await app.waitForIngest(names(MEMOS), ['cancelled']);
    expect(await title()).toBe('3 of 13 files processed · 10 cancelled');

    // The dataset says it was cancelled (not "Waiting to be processed") and how much is left.
    await sidebarStatus('Cancel me', 'cancelled');
    const line = app.byTestId('dataset-status-line');
    await app.page.locator('[data-testid="dataset-status-line"]', { hasText: '10 of 13 not processed' }).waitFor();
    expect(await line.getAttribute('data-status')).toBe('cancelled');
    await app.byTestId('tab-documents').click();
    await app.page.locator('[data-testid="documents-summary"]', { hasText: '13 documents: 3 processed · 10 cancelled' }).waitFor();
    expect(await app.page.locator('[data-testid="document-row"][data-state="cancelled"]').count()).toBe(10);
    await app.screenshot('documents-01-cancelled-with-resume');

    await app.byTestId('dataset-resume').click();
    expect(await app.waitForIngest(names(MEMOS), ['done', 'error', 'cancelled'])).toEqual(Object.fromEntries(names(MEMOS).map((n) => [n, 'done'])));
    expect(await title()).toBe('13 of 13 files processed');
    await sidebarStatus('Cancel me', 'completed');
    await app.page.locator('[data-testid="documents-summary"]', { hasText: '13 documents: 13 processed' }).waitFor();
    expect(await app.byTestId('dataset-resume').count()).toBe(0);
  }, STEP);

  it('re-adding: processed files are not processed again; cancelled ones are, and the header counts them', async () => {
    await clearFinished();
    const id = await datasetId('Cancel me');
    const runBefore = (await e2e.host.core.services.store.runs.latest(id as never))!.id;
    await app.dropFiles(app.byTestId('drop-zone'), THREE_FILES);
    await app.waitForIngest(names(THREE_FILES), ['duplicate']);
    await app.page.locator('[data-testid="ingest-message"]', { hasText: 'Already in this dataset and processed' }).nth(2).waitFor({ state: 'attached' });
    expect(await title()).toBe('0 of 3 files processed · 3 already in the dataset');
    await sidebarStatus('Cancel me', 'completed');
    expect((await e2e.host.core.services.store.runs.latest(id as never))!.id).toBe(runBefore);

    // Two new files, cancelled before they were processed, then dropped again.
    await clearFinished();
    const twice = [txt('again-1.txt', 'Grace Hopper worked on the Harvard Mark I.'), txt('again-2.txt', 'Alan Turing worked at Bletchley Park.')];
    const first = await dropHeld('Cancel me', twice);
    await cancelHeld(first, twice[0]!.name);
    await app.waitForIngest(names(twice), ['cancelled']);
    await clearFinished();
    const second = await dropHeld('Cancel me', twice);
    await app.waitForIngest(names(twice), ['queued']);
    expect(await title()).toBe('Adding 2 files…');
    expect(await app.page.locator('[data-testid="ingest-message"]', { hasText: 'not processed yet' }).count()).toBe(2);
    await second.release();
    expect(await app.waitForIngest(names(twice), ['done', 'error', 'duplicate', 'cancelled'])).toEqual({ 'again-1.txt': 'done', 'again-2.txt': 'done' });
  }, STEP);

  it('a reload mid-run rebuilds the per-file list from the core, and it goes on to done', async () => {
    await app.createDataset('Reload');
    const files = [txt('reload-a.txt', 'Rosalind Franklin studied DNA at King’s College London.'), txt('reload-b.txt', 'Dorothy Hodgkin worked on insulin in Oxford.')];
    const hold = await dropHeld('Reload', files);
    await app.waitForIngest(names(files), ['queued']);
    await app.page.reload();
    await app.page.waitForFunction(() => (window as { __kenning?: { ready?: boolean } }).__kenning?.ready === true);
    await app.waitForProfile('default_user@example.com');
    await app.waitForIngest(names(files), ['queued']);
    expect(await title()).toBe('Adding 2 files…');
    await hold.release();
    expect(await app.waitForIngest(names(files), ['done', 'error', 'cancelled'])).toEqual({ 'reload-a.txt': 'done', 'reload-b.txt': 'done' });
  }, STEP);

  it('deleting a document removes its passages from search and its own entities from the graph', async () => {
    await clearFinished();
    await app.createDataset('Delete');
    const id = await datasetId('Delete');
    await app.dropFiles(app.byTestId('drop-zone'), [QUILL, NOTES_TXT]);
    await app.waitForIngest([QUILL.name, NOTES_TXT.name], ['done']);
    type Search = { results: { hits: { text: string }[] }[] };
    const mentions = async (word: string) => (await rpc<Search>('search.run', { query: word, searchType: 'CHUNKS_LEXICAL', datasetIds: [id] })).results.flatMap((r) => r.hits).filter((h) => h.text.includes(word)).length;
    const found = async (name: string) => (await rpc<{ name: string }[]>('graph.find', { datasetId: id, query: name })).filter((n) => n.name.includes(name)).length;
    const entities = async () => (await rpc<Record<string, number>>('graph.counts', { datasetId: id })).Entity ?? 0;
    expect(await mentions('Glimmerdale')).toBeGreaterThan(0);
    expect(await found('Quillfeather')).toBeGreaterThan(0);
    expect(await found('Curie')).toBeGreaterThan(0);
    const before = await entities();

    await app.selectDataset('Delete');
    await app.byTestId('tab-documents').click();
    const row = app.page.locator(`[data-testid="document-row"][data-name="${QUILL.name}"]`);
    await row.getByTestId('delete-document').click();
    await app.byTestId('documents-confirm').waitFor();
    await app.screenshot('documents-02-delete-confirm');
    await app.byTestId('documents-confirm-delete').click();
    await row.waitFor({ state: 'detached' });
    await app.page.locator('[data-testid="documents-summary"]', { hasText: '1 document: 1 processed' }).waitFor();

    expect(await mentions('Glimmerdale')).toBe(0);
    expect(await found('Quillfeather')).toBe(0);
    expect(await found('Curie')).toBeGreaterThan(0); // what the other document says stays
    expect(await entities()).toBeLessThan(before);
  }, STEP);

  it('a failed file keeps the dataset red only until it is removed', async () => {
    await clearFinished();
    await app.createDataset('Failing');
    await app.dropFiles(app.byTestId('drop-zone'), [LAB_MD, BROKEN_PDF]);
    expect(await app.waitForIngest([LAB_MD.name, BROKEN_PDF.name], ['done', 'error'])).toEqual({ [LAB_MD.name]: 'done', [BROKEN_PDF.name]: 'error' });
    await sidebarStatus('Failing', 'errored');
    await app.byTestId('tab-graph').click();
    await app.byTestId('show-failed').click();
    const failed = app.page.locator(`[data-testid="document-row"][data-name="${BROKEN_PDF.name}"]`);
    expect(await failed.getAttribute('data-state')).toBe('failed');
    expect(await failed.getByTestId('document-error').innerText()).toMatch(/pdf/i);
    await app.screenshot('documents-03-failed');

    await app.byTestId('remove-failed').click();
    await app.byTestId('documents-confirm-delete').click();
    await failed.waitFor({ state: 'detached' });
    await sidebarStatus('Failing', 'completed');
    await app.byTestId('tab-graph').click();
    expect(await app.byTestId('show-failed').count()).toBe(0);
    expect(await app.page.locator(`[data-testid="ingest-item"][data-name="${BROKEN_PDF.name}"]`).count()).toBe(0);
  }, STEP);

  it('rejected files: the header counts them while the others are added, and they are listed first', async () => {
    await clearFinished();
    await app.createDataset('Rejects');
    const rejected = [txt('setup.exe', 'MZ not a document'), txt('empty.txt', ''), txt('table.xyz', 'what is this')];
    const good = [PEOPLE_CSV, txt('rejects-good.txt', 'Katherine Johnson calculated orbits at NASA.')];
    const hold = await dropHeld('Rejects', [...good, ...rejected]);
    await app.waitForIngest(names(rejected), ['rejected']);
    expect(await title()).toBe('Adding 2 files… · 3 rejected');
    const stages = await app.page.locator('[data-testid="ingest-item"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage')));
    expect(stages.slice(0, 3)).toEqual(['rejected', 'rejected', 'rejected']);
    // Visible without scrolling: each rejected row lies inside the list's visible box.
    const list = (await app.page.locator('.ingest-list').boundingBox())!;
    for (const n of names(rejected)) {
      const box = (await app.page.locator(`[data-testid="ingest-item"][data-name="${n}"]`).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(list.y + list.height);
    }
    await app.screenshot('documents-04-rejected-first');
    await hold.release();
    await app.waitForIngest(names(good), ['done']);
    expect(await title()).toBe('2 of 5 files processed · 3 rejected');
    expect(app.errors).toEqual([]);
  }, STEP);
});
