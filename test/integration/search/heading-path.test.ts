/**
 * A hit says where it is and what answers (issue 15 part 4, issue 17): its heading path from the
 * document's sections, and the sentence of the passage that best answers the query. Real core,
 * real workers and engines, the default (offline) embedder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { CURIE, file } from '../../helpers/corpus';

const filler = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic} covers routine matters of configuration and upkeep that every administrator meets sooner or later.</p>`).join('');

/** A manual page: the answer sits deep in a third-level section, after sections long enough to be chunks of their own. */
const MANUAL = `<!doctype html><html><head><title>Database administration</title></head><body>
<h1>Backup and Restore</h1><p>Every database needs a backup plan.</p>
<h2>Logical dumps</h2>${filler('logical dumps', 12)}
<h2>Continuous archiving</h2><p>Archiving copies each write-ahead log segment as it fills.</p>
<h3>Recovering</h3><p>Recovery begins from the base backup. The server replays archived log segments until it reaches the recovery target time. Afterwards it opens for connections.</p>
<h2>Replication</h2>${filler('replication', 12)}
</body></html>`;

describe('heading path and answer sentence on a hit', () => {
  let t: TestCore;
  let token: string;
  let ds: string;

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('headings@example.com')).token;
    ds = (await t.call(token, 'datasets.create', { name: 'manuals' })).id;
    await t.call(token, 'data.add', { datasetId: ds, files: [file('admin.html', MANUAL), file('curie.txt', CURIE)] });
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsFailed: 0 });
  }, 120_000);
  afterAll(async () => t?.close());

  it('gives a passage the titles of the sections it sits under, and marks the sentence that answers', async () => {
    const r = await t.call(token, 'search.run', { datasetIds: [ds], query: 'replays archived log segments until the target time', topK: 5 });
    const top = r.merged[0]!;
    expect(top.citation?.dataName).toBe('admin.html');
    expect(top.citation?.headingPath).toEqual(['Backup and Restore', 'Continuous archiving', 'Recovering']);
    const answer = top.citation!.answer!;
    expect(answer.start).toBeGreaterThanOrEqual(top.citation!.start);
    expect(answer.end).toBeLessThanOrEqual(top.citation!.end);
    const doc = await t.call(token, 'data.text', { datasetId: ds, dataId: top.citation!.dataId });
    expect(doc.text.slice(answer.start, answer.end)).toBe('The server replays archived log segments until it reaches the recovery target time.');
  });

  it('keeps sections apart: the Recovering passage does not run into Replication', async () => {
    const r = await t.call(token, 'search.run', { datasetIds: [ds], searchType: 'CHUNKS_LEXICAL', query: 'recovery target time', topK: 3 });
    const top = r.merged[0]!;
    expect(top.citation?.text).toContain('recovery target time');
    expect(top.citation?.text).not.toContain('Replication');
  });

  it('a document without headings gives no path', async () => {
    const r = await t.call(token, 'search.run', { datasetIds: [ds], query: 'Marie Curie polonium radium', topK: 3 });
    const curie = r.merged.find((h) => h.citation?.dataName === 'curie.txt')!;
    expect(curie).toBeDefined();
    expect(curie.citation!.headingPath).toBeUndefined();
  });
});
