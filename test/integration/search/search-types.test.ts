/** Every search type on a small real corpus, through the real core and workers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { CURIE, DARWIN, HTML, file } from '../../helpers/corpus';

describe('search types', () => {
  let t: TestCore;
  let token: string;
  let ds: string;

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('search@example.com')).token;
    ds = (await t.call(token, 'datasets.create', { name: 'corpus' })).id;
    await t.call(token, 'data.add', { datasetId: ds, files: [file('curie.txt', CURIE), file('darwin.txt', DARWIN), file('glaciers.html', HTML)] });
    await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
  });
  afterAll(async () => t.close());

  const search = (searchType: string, query: string, extra: object = {}) => t.call(token, 'search.run', { datasetIds: [ds], searchType, query, topK: 5, ...extra });

  it('CHUNKS finds passages by meaning, with citations into the source text', async () => {
    const r = await search('CHUNKS', 'doctors treating sick people');
    const top = r.results[0]!.hits[0]!;
    expect(top.citation?.dataName).toBe('curie.txt');
    const doc = await t.call(token, 'data.text', { datasetId: ds, dataId: top.citation!.dataId });
    expect(doc.text.slice(top.citation!.start, top.citation!.end)).toBe(top.citation!.text);
  });

  it('CHUNKS_LEXICAL matches words exactly (BM25)', async () => {
    const r = await search('CHUNKS_LEXICAL', 'Galapagos finches');
    expect(r.results[0]!.hits[0]!.citation?.dataName).toBe('darwin.txt');
  });

  it('CHUNKS_HYBRID is the default and fuses both', async () => {
    const r = await t.call(token, 'search.run', { datasetIds: [ds], query: 'Vatnajökull glacier' });
    expect(r.searchType).toBe('CHUNKS_HYBRID');
    expect(r.results[0]!.hits[0]!.citation?.dataName).toBe('glaciers.html');
    expect(r.merged[0]).toMatchObject({ datasetId: ds, datasetName: 'corpus' });
  });

  it('SUMMARIES returns summary text', async () => {
    const r = await search('SUMMARIES', 'natural selection and species');
    expect(r.results[0]!.hits.length).toBeGreaterThan(0);
    expect(r.results[0]!.hits.every((h) => h.kind === 'summary')).toBe(true);
  });

  it('INSIGHTS / TRIPLET return entity–relation–entity triplets', async () => {
    for (const type of ['INSIGHTS', 'TRIPLET']) {
      const r = await search(type, 'Marie Curie');
      const hits = r.results[0]!.hits;
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]!.triplet).toBeDefined();
      expect(hits.some((h) => [h.triplet!.source.name, h.triplet!.target.name].includes('Marie Curie'))).toBe(true);
    }
  });

  it('CYPHER runs read-only queries and refuses writes', async () => {
    const r = await search('CYPHER', 'MATCH (n) RETURN count(n) AS c');
    expect(Number(r.results[0]!.rows![0]!.c)).toBeGreaterThan(0);
    for (const q of ['CREATE (n:Entity {id: "x"})', 'MATCH (n) DETACH DELETE n', 'MATCH (n) SET n.name = "x"', 'MERGE (n:Entity {id:"y"})']) {
      expect(await t.code(token, 'search.run', { datasetIds: [ds], searchType: 'CYPHER', query: q })).toBe('invalid_input');
    }
    expect((await t.call(token, 'graph.counts', { datasetId: ds })).Document).toBe(3);
  });

  it('GRAPH_REPORT reports hubs, bridges and counts with no model', async () => {
    const r = await search('GRAPH_REPORT', 'report');
    const report = r.results[0]!.report!;
    expect(report.countsByType.Document).toBe(3);
    expect(report.hubs.length).toBeGreaterThan(0);
  });

  it('completion types without an LLM fail with llm_not_configured; onlyContext returns the context', async () => {
    for (const type of ['GRAPH_COMPLETION', 'RAG_COMPLETION', 'HYBRID_COMPLETION']) {
      expect(await t.code(token, 'search.run', { datasetIds: [ds], searchType: type, query: 'Who discovered polonium?' })).toBe('llm_not_configured');
      const r = await search(type, 'Who discovered polonium?', { onlyContext: true });
      expect(r.results[0]!.context).toMatch(/polonium|Curie/);
    }
  });

  it('bad queries get invalid_input, not a crash', async () => {
    expect(await t.code(token, 'search.run', { datasetIds: [ds], query: '' })).toBe('invalid_input');
    expect(await t.code(token, 'search.run', { datasetIds: [ds], query: 'x'.repeat(1_000_000) })).toBe('invalid_input');
    expect(await t.code(token, 'search.run', { datasetIds: [ds], query: 'x', searchType: 'FEELING_LUCKY' })).toBe('invalid_input');
    expect(await t.code(token, 'search.run', { datasetIds: [ds], query: 'x', topK: 0 })).toBe('invalid_input');
  });
});
