/**
 * add + cognify through the real core: real worker processes, real Kùzu and LanceDB in a
 * temporary folder. Incremental runs, idempotence, shared-entity delete, forget, bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { CSV, CURIE, DARWIN, HTML, MARKDOWN, SHARED_PARIS, file } from '../../helpers/corpus';
import { makeDocx } from '../../fixtures/docx';
import { makePdf } from '../../fixtures/pdf';

describe('cognify', () => {
  let t: TestCore;
  let token: string;
  let ds: string;
  const counts = async () => t.call(token, 'graph.counts', { datasetId: ds });

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('ingest@example.com')).token;
    ds = (await t.call(token, 'datasets.create', { name: 'science' })).id;
  });
  afterAll(async () => t.close());

  it('adds files of several formats, skips duplicate content and rejects what it cannot read', async () => {
    const r = await t.call(token, 'data.add', {
      datasetId: ds,
      files: [file('curie.txt', CURIE), file('lighthouses.md', MARKDOWN), file('cities.csv', CSV), file('glaciers.html', HTML), file('photo.png', '\x89PNG'), file('empty.txt', '')],
    });
    expect(r.items.map((i) => i.status)).toEqual(['added', 'added', 'added', 'added', 'rejected', 'rejected']);
    expect(r.items[4]!.reason).toMatch(/the file is not a PNG image/); // .png is accepted (stored, no text); its bytes must be a PNG
    expect(r.items[5]!.reason).toMatch(/empty/);
    const again = await t.call(token, 'data.add', { datasetId: ds, files: [file('curie-copy.txt', CURIE)] });
    expect(again.items[0]).toMatchObject({ status: 'duplicate', reason: expect.stringMatching(/already/) });
    expect(await t.call(token, 'datasets.data', { datasetId: ds })).toHaveLength(4);
  });

  it('builds the graph and index, reporting progress per item and stage', async () => {
    const stages: string[] = [];
    const off = t.core.subscribe(() => ({ token }), (name, payload) => {
      if (name === 'run.progress') stages.push(`${(payload as { dataName: string }).dataName}:${(payload as { stage: string }).stage}`);
    });
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    off();
    expect(run).toMatchObject({ status: 'completed', itemsDone: 4, itemsFailed: 0 });
    for (const s of ['curie.txt:parse', 'curie.txt:extract', 'curie.txt:embed', 'curie.txt:write', 'curie.txt:done']) expect(stages).toContain(s);
    const c = await counts();
    expect(c.Document).toBe(4);
    expect(c.DocumentChunk).toBeGreaterThanOrEqual(4);
    expect(c.Entity).toBeGreaterThan(5);
    const status = await t.call(token, 'datasets.status', { datasetIds: [ds] });
    expect(status[0]).toMatchObject({ status: 'completed', counts: { completed: 4 } });
    const people = await t.call(token, 'graph.find', { datasetId: ds, query: 'Curie' });
    expect(people.map((n) => n.name)).toContain('Marie Curie');
  });

  it('is incremental and idempotent: a second run with nothing new changes nothing', async () => {
    const before = await counts();
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsTotal: 0, itemsDone: 0 });
    expect(await counts()).toEqual(before);
    await t.call(token, 'data.add', { datasetId: ds, files: [file('darwin.txt', DARWIN)] });
    const [run2] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(run2).toMatchObject({ status: 'completed', itemsDone: 1 });
    expect((await counts()).Document).toBe(5);
  });

  it('whole-graph reads are limited, stable and pageable', async () => {
    const all = await t.call(token, 'graph.read', { datasetId: ds, nodeLimit: 50_000 });
    expect(all.truncated).toBe(false);
    const page1 = await t.call(token, 'graph.read', { datasetId: ds, nodeLimit: 10 });
    const page2 = await t.call(token, 'graph.read', { datasetId: ds, nodeLimit: 10, offset: 10 });
    expect(page1.truncated).toBe(true);
    expect(page1.totalNodes).toBe(all.nodes.length);
    expect([...page1.nodes, ...page2.nodes].map((n) => n.id)).toEqual(all.nodes.slice(0, 20).map((n) => n.id));
    for (const e of page1.edges) expect(page1.nodes.some((n) => n.id === e.source) && page1.nodes.some((n) => n.id === e.target)).toBe(true);
  });

  it('node details cite the exact passage, and the document view returns that text', async () => {
    const [curie] = await t.call(token, 'graph.find', { datasetId: ds, query: 'Marie Curie', types: ['Entity'] });
    const details = await t.call(token, 'graph.node', { datasetId: ds, nodeId: curie!.id });
    expect(details.sources.length).toBeGreaterThan(0);
    const src = details.sources[0]!;
    expect(src.dataName).toBe('curie.txt');
    const doc = await t.call(token, 'data.text', { datasetId: ds, dataId: src.dataId });
    expect(doc.text.slice(src.start, src.end)).toBe(src.text);
    expect(src.text).toMatch(/Curie/);
  });

  it('deleting one of two items that share an entity keeps it; deleting both removes it', async () => {
    const ds2 = (await t.call(token, 'datasets.create', { name: 'shared-entity' })).id;
    const added = await t.call(token, 'data.add', { datasetId: ds2, files: [file('a.txt', CURIE), file('b.txt', SHARED_PARIS)] });
    await t.call(token, 'cognify.run', { datasetIds: [ds2], runInBackground: false });
    const paris = async () => (await t.call(token, 'graph.find', { datasetId: ds2, query: 'Paris', types: ['Entity'] })).filter((n) => n.name === 'Paris');
    expect(await paris()).toHaveLength(1);
    const [a, b] = added.items.map((i) => i.dataId!);
    await t.call(token, 'data.delete', { datasetId: ds2, dataId: a! });
    expect(await paris()).toHaveLength(1);
    expect((await t.call(token, 'graph.counts', { datasetId: ds2 })).Document).toBe(1);
    const hits = await t.call(token, 'search.run', { datasetIds: [ds2], query: 'radium polonium', searchType: 'CHUNKS_LEXICAL' });
    expect(hits.results[0]!.hits.every((h) => h.citation?.dataId !== a)).toBe(true);
    await t.call(token, 'data.delete', { datasetId: ds2, dataId: b! });
    expect(await paris()).toHaveLength(0);
    const c = await t.call(token, 'graph.counts', { datasetId: ds2 });
    expect(Object.values(c).reduce((x, y) => x + y, 0)).toBe(0);
  });

  it('forget (memory only) wipes graph and vectors but keeps the raw data, so cognify rebuilds the same graph', async () => {
    const before = await counts();
    await t.call(token, 'forget', { datasetId: ds, memoryOnly: true });
    const wiped = await counts();
    expect(Object.values(wiped).reduce((x, y) => x + y, 0)).toBe(0);
    expect(await t.call(token, 'datasets.data', { datasetId: ds })).toHaveLength(5);
    await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(await counts()).toEqual(before);
  });

  it('a bad item fails alone with a clear error; the rest of the run completes', async () => {
    const ds3 = (await t.call(token, 'datasets.create', { name: 'bad-input' })).id;
    const notPdf = new TextEncoder().encode('%PDF-1.7\n this is not really a pdf \x00\x01\x02');
    const badUtf8 = new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0xc3, 0x28]);
    await t.call(token, 'data.add', { datasetId: ds3, files: [file('broken.pdf', notPdf), file('bad.txt', badUtf8), file('good.txt', DARWIN + ' A unique closing line about good items.')] });
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds3], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsDone: 1, itemsFailed: 2 });
    const items = await t.call(token, 'datasets.data', { datasetId: ds3 });
    const byName = Object.fromEntries(items.map((i) => [i.name, i]));
    expect(byName['good.txt']!.status).toBe('completed');
    expect(byName['broken.pdf']).toMatchObject({ status: 'errored', error: expect.stringMatching(/pdf/i) });
    expect(byName['bad.txt']).toMatchObject({ status: 'errored', error: expect.stringMatching(/UTF-8|encoding|binary/i) });
  });
});

describe('cognify of PDF, DOCX and JSON documents', () => {
  it('every supported format becomes a Document with cited chunks', async () => {
    const t = await openTestCore();
    try {
      const { token } = await t.user('formats@example.com');
      const ds = (await t.call(token, 'datasets.create', { name: 'formats' })).id;
      const pdf = makePdf([['The Hubble Space Telescope orbits the Earth.', 'Edwin Hubble worked at Mount Wilson Observatory.']], 'Hubble');
      const docx = makeDocx(['Ada Lovelace wrote notes on the Analytical Engine.', 'Charles Babbage designed the engine in London.']);
      const json = JSON.stringify({ mission: { name: 'Apollo 11', crew: ['Neil Armstrong', 'Buzz Aldrin'], landing: 'Sea of Tranquility' } });
      await t.call(token, 'data.add', { datasetId: ds, files: [file('hubble.pdf', pdf), file('lovelace.docx', docx), file('apollo.json', json)] });
      const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
      expect(run).toMatchObject({ status: 'completed', itemsDone: 3, itemsFailed: 0 });
      for (const [query, name] of [['Mount Wilson Observatory', 'hubble.pdf'], ['Analytical Engine', 'lovelace.docx'], ['Sea of Tranquility', 'apollo.json']] as const) {
        const r = await t.call(token, 'search.run', { datasetIds: [ds], query, searchType: 'CHUNKS_LEXICAL' });
        const hit = r.results[0]!.hits[0]!;
        expect(hit.citation?.dataName).toBe(name);
        const doc = await t.call(token, 'data.text', { datasetId: ds, dataId: hit.citation!.dataId });
        expect(doc.text.slice(hit.citation!.start, hit.citation!.end)).toContain(query);
      }
    } finally {
      await t.close();
    }
  });
});
