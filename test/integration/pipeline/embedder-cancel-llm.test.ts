/** Embedder changes, cancel, and the optional LLM provider (against a local fake server). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { CURIE, DARWIN, HTML, MARKDOWN, SHARED_PARIS, file } from '../../helpers/corpus';
import { nextRunFinished } from '../../helpers/events';
import { startFakeOpenAiServer } from '../../unit/ingest/llm/fake-openai-server';
import type { FakeOpenAiServer } from '../../unit/ingest/llm/fake-openai-server';

describe('embedders, cancel and the optional LLM', () => {
  let t: TestCore;
  let token: string;
  let llm: FakeOpenAiServer;

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('emb@example.com')).token;
    llm = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });

  it('refuses to mix embedders, then re-embeds the dataset in the background on request', async () => {
    const ds = (await t.call(token, 'datasets.create', { name: 'emb' })).id;
    await t.call(token, 'data.add', { datasetId: ds, files: [file('curie.txt', CURIE)] });
    await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    const { settings } = await t.call(token, 'settings.get');
    await t.call(token, 'settings.set', { settings: { ...settings, embedding: { provider: 'hashing' } } });
    await t.call(token, 'data.add', { datasetId: ds, files: [file('darwin.txt', DARWIN)] });
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(run).toMatchObject({ itemsFailed: 1 });
    const darwin = (await t.call(token, 'datasets.data', { datasetId: ds })).find((d) => d.name === 'darwin.txt')!;
    expect(darwin).toMatchObject({ status: 'errored', error: expect.stringMatching(/re-embed/) });
    // search still works with the embedder the vectors were written with
    const before = await t.call(token, 'search.run', { datasetIds: [ds], query: 'radium', searchType: 'CHUNKS' });
    expect(before.results[0]!.hits.length).toBeGreaterThan(0);

    const finished = nextRunFinished(t.core, token, ds);
    const [bg] = await t.call(token, 'datasets.reembed', { datasetId: ds });
    expect(bg!.pipeline).toBe('reembed');
    expect(['initiated', 'started']).toContain(bg!.status);
    expect(await finished).toMatchObject({ status: 'completed', itemsDone: 2, itemsFailed: 0 });
    const after = await t.call(token, 'search.run', { datasetIds: [ds], query: 'Galapagos finches', searchType: 'CHUNKS' });
    expect(after.results[0]!.hits[0]!.citation?.dataName).toBe('darwin.txt');
  });

  it('cancel stops preparing, commits what was prepared, leaves the dataset consistent; a new run completes it', async () => {
    const ds = (await t.call(token, 'datasets.create', { name: 'cancel-me' })).id;
    // Big enough (about 100 KB each) that preparing one takes a while, so the cancel lands mid-batch.
    const files = [CURIE, DARWIN, HTML, MARKDOWN, SHARED_PARIS].map((body, i) =>
      file(`doc${i}.${i === 2 ? 'html' : i === 3 ? 'md' : 'txt'}`, `${Array.from({ length: 150 }, (_, k) => `${body}\nVariant ${i}.${k} for cancel.`).join('\n')}`),
    );
    await t.call(token, 'data.add', { datasetId: ds, files });
    const finished = nextRunFinished(t.core, token, ds);
    const extracting = new Set<string>();
    let cancelled = false;
    const off = t.core.subscribe(() => ({ token }), (name, payload) => {
      const p = payload as { stage: string; dataId: string };
      if (name !== 'run.progress' || p.stage !== 'extract') return;
      extracting.add(p.dataId);
      // The second item is being prepared: the first one is prepared and waits to be written.
      if (extracting.size === 2 && !cancelled) {
        cancelled = true;
        void t.call(token, 'cognify.cancel', { datasetId: ds });
      }
    });
    await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: true });
    const run = await finished;
    off();
    expect(run.status).toBe('cancelled');
    expect(run.itemsDone).toBeGreaterThanOrEqual(1);
    expect(run.itemsDone).toBeLessThan(5);
    const items = await t.call(token, 'datasets.data', { datasetId: ds });
    expect(items.some((i) => i.status === 'processing')).toBe(false);
    expect(items.filter((i) => i.status === 'completed')).toHaveLength(run.itemsDone);
    expect(items.filter((i) => i.status === 'pending')).toHaveLength(5 - run.itemsDone);
    expect((await t.call(token, 'graph.counts', { datasetId: ds })).Document).toBe(run.itemsDone);
    const [rest] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(rest).toMatchObject({ status: 'completed', itemsDone: 5 - run.itemsDone });
    expect((await t.call(token, 'graph.counts', { datasetId: ds })).Document).toBe(5);
  });

  it('with an LLM configured, extraction and completion go to it (and nothing else does)', async () => {
    llm.reply = (req) => {
      const system = String(req.body?.messages?.[0]?.content ?? '');
      if (/knowledge graph/i.test(system)) {
        const kg = {
          nodes: [
            { name: 'Quasar Foundation', type: 'Organization', description: 'A foundation only the LLM names' },
            { name: 'Marie Curie', type: 'Person', description: 'Physicist' },
          ],
          edges: [{ source: 'Marie Curie', target: 'Quasar Foundation', relationship_name: 'advised' }],
        };
        return { json: { choices: [{ message: { role: 'assistant', content: JSON.stringify(kg) }, finish_reason: 'stop' }] } };
      }
      return { json: { choices: [{ message: { role: 'assistant', content: 'Marie Curie discovered polonium.' }, finish_reason: 'stop' }] } };
    };
    const me = await t.user('llm@example.com');
    await t.call(me.token, 'settings.set', { settings: { llm: { enabled: true, baseUrl: `${llm.origin}/v1`, model: 'fake-model' }, embedding: { provider: 'local' } } });
    const ds = (await t.call(me.token, 'datasets.create', { name: 'llm' })).id;
    await t.call(me.token, 'data.add', { datasetId: ds, files: [file('curie.txt', CURIE)] });
    const sent = llm.requests.length;
    const [run] = await t.call(me.token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsDone: 1 });
    expect(llm.requests.length).toBeGreaterThan(sent);
    const found = await t.call(me.token, 'graph.find', { datasetId: ds, query: 'Quasar' });
    expect(found.map((n) => n.name)).toContain('Quasar Foundation');
    const triplets = await t.call(me.token, 'search.run', { datasetIds: [ds], query: 'Quasar Foundation', searchType: 'TRIPLET' });
    expect(triplets.results[0]!.hits.some((h) => h.triplet?.relation === 'advised')).toBe(true);
    const answer = await t.call(me.token, 'search.run', { datasetIds: [ds], query: 'Who discovered polonium?', searchType: 'GRAPH_COMPLETION' });
    expect(answer.results[0]!.answer).toBe('Marie Curie discovered polonium.');
    // the other profile, with no LLM configured, still gets llm_not_configured
    expect(await t.code(token, 'search.run', { query: 'x', searchType: 'RAG_COMPLETION' })).toBe('llm_not_configured');
  });
});
