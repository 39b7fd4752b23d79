/**
 * Issue 12, part 2: a grantee must not be able to exfiltrate a shared dataset by pointing its
 * own embedder or LLM at a server it controls. Two capture servers: A's (the owner's chosen
 * provider) and B's (the grantees'). Whoever triggers the work — the owner, a write-only
 * grantee, a reader — the dataset's text and the query embedding go only to A's server; B's
 * server hears from Kenning only for what a grantee may legitimately send it: the answer step
 * of a completion search by a profile that may READ the dataset, and searches of its own data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { file } from '../../helpers/corpus';
import { nextRunFinished } from '../../helpers/events';
import { chatReply, embeddingsReply, startFakeOpenAiServer } from '../../unit/ingest/llm/fake-openai-server';
import type { FakeOpenAiServer, RecordedRequest } from '../../unit/ingest/llm/fake-openai-server';

const SECRET = 'Zorblax ledger';
const OWNER_TEXT = `The ${SECRET} records that the Quillon Works in Tallinn shipped brass valves to Oslo in 1911. The ledger was kept by Ada Varg.`;
const GRANTEE_TEXT = 'A write-only grantee added this note about copper pipes in Bergen.';
const DIM = 8;

/** Answers embeddings with fixed vectors and chat with a small knowledge graph (extraction) or an answer. */
function provider(answer: string): (req: RecordedRequest) => ReturnType<typeof chatReply> {
  return (req) => {
    if (req.path.endsWith('/embeddings')) return embeddingsReply(req, DIM);
    const system = String(req.body?.messages?.[0]?.content ?? '');
    if (/knowledge graph/i.test(system)) {
      const kg = { nodes: [{ name: 'Quillon Works', type: 'Organization', description: 'A valve maker' }, { name: 'Tallinn', type: 'Location', description: 'A city' }], edges: [{ source: 'Quillon Works', target: 'Tallinn', relationship_name: 'located_in' }] };
      return chatReply(JSON.stringify(kg));
    }
    return chatReply(answer);
  };
}

const settingsFor = (server: FakeOpenAiServer, model: string) => ({
  llm: { enabled: true, baseUrl: `${server.origin}/v1`, model: `${model}-chat` },
  embedding: { provider: 'openai', baseUrl: `${server.origin}/v1`, model: `${model}-embed`, dimension: DIM },
});

const sent = (s: FakeOpenAiServer, from = 0): string => JSON.stringify(s.requests.slice(from).map((r) => r.body));
const paths = (s: FakeOpenAiServer, from = 0): string[] => s.requests.slice(from).map((r) => r.path);

describe("processing uses the dataset owner's providers, never a grantee's", () => {
  let t: TestCore;
  let capA: FakeOpenAiServer;
  let capB: FakeOpenAiServer;
  let owner: { token: string; id: string };
  let writer: { token: string; id: string };
  let reader: { token: string; id: string };
  let shared: string;

  beforeAll(async () => {
    t = await openTestCore();
    [capA, capB] = await Promise.all([startFakeOpenAiServer(), startFakeOpenAiServer()]);
    capA.reply = provider('answer from A');
    capB.reply = provider('answer from B');
    owner = await t.user('owner@example.com');
    writer = await t.user('writer@example.com');
    reader = await t.user('reader@example.com');
    await t.call(owner.token, 'settings.set', { settings: settingsFor(capA, 'a') });
    // Both grantees point their embedder and LLM at B's capture server.
    await t.call(writer.token, 'settings.set', { settings: settingsFor(capB, 'b') });
    await t.call(reader.token, 'settings.set', { settings: settingsFor(capB, 'b') });
    shared = (await t.call(owner.token, 'datasets.create', { name: 'shared' })).id;
    await t.call(owner.token, 'data.add', { datasetId: shared, files: [file('ledger.txt', OWNER_TEXT)] });
    await t.call(owner.token, 'sharing.grant', { datasetId: shared, principalId: writer.id, permissions: ['write'] });
    await t.call(owner.token, 'sharing.grant', { datasetId: shared, principalId: reader.id, permissions: ['read'] });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([capA.close(), capB.close()]);
  });

  it("a write-only grantee's cognify extracts and embeds with the owner's LLM and embedder", async () => {
    await t.call(writer.token, 'data.add', { datasetId: shared, files: [file('note.txt', GRANTEE_TEXT)] });
    const fromA = capA.requests.length;
    const [run] = await t.call(writer.token, 'cognify.run', { datasetIds: [shared], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsDone: 2, itemsFailed: 0 });
    expect(capB.requests).toHaveLength(0); // not one request, for the owner's text or the grantee's own
    expect(paths(capA, fromA)).toEqual(expect.arrayContaining(['/v1/embeddings', '/v1/chat/completions']));
    expect(sent(capA, fromA)).toContain(SECRET);
    // the LLM (A's) did the extraction: its entity is in the owner's graph
    expect((await t.call(owner.token, 'graph.find', { datasetId: shared, query: 'Quillon' })).map((n) => n.name)).toContain('Quillon Works');
  });

  it("a write-only grantee's re-embed rebuilds the index with the owner's embedder, sending nothing to its own", async () => {
    const fromA = capA.requests.length;
    const finished = nextRunFinished(t.core, owner.token, shared);
    const [bg] = await t.call(writer.token, 'datasets.reembed', { datasetId: shared });
    expect(bg!.pipeline).toBe('reembed');
    expect(await finished).toMatchObject({ status: 'completed', itemsDone: 2, itemsFailed: 0 });
    expect(capB.requests).toHaveLength(0);
    expect(sent(capA, fromA)).toContain(SECRET);
    // the index is A's: the owner's own search (A's embedder, recorded id) works
    const hits = await t.call(owner.token, 'search.run', { datasetIds: [shared], query: 'brass valves', searchType: 'CHUNKS' });
    expect(hits.results[0]!.hits.length).toBeGreaterThan(0);
  });

  it("a write-only grantee cannot search the dataset, so no context of it can reach the grantee's LLM", async () => {
    expect(await t.code(writer.token, 'search.run', { datasetIds: [shared], query: 'What did the ledger record?', searchType: 'RAG_COMPLETION' })).toBe('permission_denied');
    expect(await t.code(writer.token, 'search.run', { datasetIds: [shared], query: 'brass', searchType: 'CHUNKS' })).toBe('permission_denied');
    // without naming it, the shared dataset is simply not searched (the grantee has no readable dataset at all here)
    const r = await t.call(writer.token, 'search.run', { query: 'brass valves', searchType: 'CHUNKS' });
    expect(r.results).toEqual([]);
    expect(capB.requests).toHaveLength(0);
  });

  it("a reader's query is embedded with the owner's embedder; only the answer step uses the reader's LLM", async () => {
    const fromA = capA.requests.length;
    const chunks = await t.call(reader.token, 'search.run', { datasetIds: [shared], query: 'brass valves Oslo', searchType: 'CHUNKS' });
    expect(chunks.results[0]!.hits.map((h) => h.text).join(' ')).toContain(SECRET);
    expect(capB.requests).toHaveLength(0); // the query never went to the reader's embedder
    expect(paths(capA, fromA)).toEqual(['/v1/embeddings']);
    expect(sent(capA, fromA)).toContain('brass valves Oslo');

    // A completion: retrieval as above (A's embedder), the answer from the reader's own LLM — allowed,
    // because the reader may read every passage in the context it is given.
    const fromA2 = capA.requests.length;
    const answer = await t.call(reader.token, 'search.run', { datasetIds: [shared], query: 'Who shipped valves?', searchType: 'RAG_COMPLETION' });
    expect(answer.results[0]!.answer).toBe('answer from B');
    expect(paths(capB)).toEqual(['/v1/chat/completions']);
    expect(sent(capB)).toContain(SECRET);
    expect(paths(capA, fromA2)).toEqual(['/v1/embeddings']); // A's LLM does not answer other people's questions
  });

  it("each dataset's query embedding follows its own owner: a search over both sends the query to each owner's embedder", async () => {
    const own = (await t.call(reader.token, 'datasets.create', { name: 'mine' })).id;
    await t.call(reader.token, 'data.add', { datasetId: own, texts: ['The reader keeps notes on brass instruments.'] });
    await t.call(reader.token, 'cognify.run', { datasetIds: [own], runInBackground: false });
    const [fromA, fromB] = [capA.requests.length, capB.requests.length];
    const r = await t.call(reader.token, 'search.run', { query: 'brass', searchType: 'CHUNKS' });
    expect(r.results.map((x) => x.datasetId).sort()).toEqual([own, shared].sort());
    expect(paths(capA, fromA)).toEqual(['/v1/embeddings']);
    expect(paths(capB, fromB)).toEqual(['/v1/embeddings']);
    // and nothing the reader's server ever received from processing carries the owner's text
    expect(sent(capB, fromB)).not.toContain(SECRET);
  });
});
