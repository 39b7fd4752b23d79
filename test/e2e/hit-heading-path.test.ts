/**
 * A hit shows where it is and what answers (issue 17's last item, issue 15 part 4), in headless
 * Chromium against the real host and engines: a manual page's passage comes with its heading
 * path ("Backup and Restore › Continuous archiving › Recovering"), its answer sentence is set
 * apart in the preview, and opening it scrolls the document to that sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';

const EMAIL = 'headings@example.com';
const PASSWORD = 'password-123';
const STEP = 180_000;

const filler = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic} covers routine matters of configuration and upkeep that every administrator meets sooner or later.</p>`).join('');

const MANUAL = `<!doctype html><html><head><title>Database administration</title></head><body>
<h1>Backup and Restore</h1><p>Every database needs a backup plan.</p>
<h2>Logical dumps</h2>${filler('logical dumps', 12)}
<h2>Continuous archiving</h2><p>Archiving copies each write-ahead log segment as it fills.</p>
<h3>Recovering</h3><p>${filler('recovery preparation', 3).replace(/<\/?p>/g, ' ')} The server replays archived log segments until it reaches the recovery target time. Afterwards it opens for connections.</p>
<h2>Replication</h2>${filler('replication', 12)}
</body></html>`;

const ANSWER = 'The server replays archived log segments until it reaches the recovery target time.';

describe('search hits: heading path and answer sentence', () => {
  let e2e: E2eHost;
  let app: AppDriver;

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-headings-', { signInPerMinute: 1000 });
    const { core } = e2e.host;
    let token: string | null = null;
    const call = async <T,>(name: string, input: unknown): Promise<T> => {
      const r = await core.call({ token }, name as never, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as T;
    };
    await call('auth.register', { email: EMAIL, password: PASSWORD });
    token = (await call<{ token: string }>('auth.signIn', { email: EMAIL, password: PASSWORD })).token;
    const id = (await call<{ id: string }>('datasets.create', { name: 'Manuals' })).id;
    await call('data.add', { datasetId: id, files: [{ name: 'admin.html', bytes: new TextEncoder().encode(MANUAL) }] });
    await call('cognify.run', { datasetIds: [id], runInBackground: false });
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'headings');
    await app.signIn(EMAIL, PASSWORD);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await e2e?.close();
  }, STEP);

  it('shows the heading path above the passage and sets its answer sentence apart', async () => {
    await app.search('when does the server stop replaying archived log segments');
    const first = app.byTestId('search-hit').first();
    // The first search starts the dataset's worker: on a loaded 2-core machine that can take a while.
    await first.waitFor({ timeout: 120_000 });
    expect(await first.getByTestId('hit-heading-path').innerText()).toBe('Backup and Restore › Continuous archiving › Recovering');
    expect(await first.getByTestId('answer-sentence').innerText()).toBe(ANSWER);
    // The answer lies deep in its passage: the preview starts at it, so it is visible.
    expect(await first.getByTestId('answer-sentence').isVisible()).toBe(true);
    await app.screenshot('search-heading-path');
  }, STEP);

  it('opens the document at the answer sentence', async () => {
    await app.byTestId('search-hit').first().click();
    const view = app.byTestId('document-view');
    await view.waitFor();
    const answer = view.getByTestId('document-answer');
    await answer.waitFor();
    expect(await answer.innerText()).toBe(ANSWER);
    expect(await answer.isVisible()).toBe(true);
    const box = await answer.boundingBox();
    const viewport = app.page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  }, STEP);
});
