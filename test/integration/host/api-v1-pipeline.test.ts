/** /api/v1/add, /cognify, /search, /forget and /visualize: multipart edge cases and Cognee's shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addForm, openHost, UNKNOWN_ID } from './harness';
import type { Harness } from './harness';

const LIMIT = 1024; // KENNING_MAX_FILE_BYTES for this suite

describe('/api/v1 pipeline routes', () => {
  let h: Harness;
  let a: { token: string; id: string };
  let b: { token: string; id: string };
  let dsA: string;

  beforeAll(async () => {
    h = await openHost({ maxFileBytes: LIMIT }, { signInPerMinute: 1000 });
    a = await h.user('a@example.com');
    b = await h.user('b@example.com');
  });
  afterAll(async () => h.close());

  it('add: multipart `data` files into a dataset by name (created when missing), PipelineRunInfo shape', async () => {
    const r = await h.post('/api/v1/add', addForm({ datasetName: 'papers' }, [{ name: 'one.txt', text: 'Marie Curie worked in Paris.' }, { name: 'two.md', text: '# Title\nText' }]), a.token);
    expect(r.status).toBe(200);
    const info = await r.json();
    expect(info).toMatchObject({ status: 'PipelineRunCompleted', dataset_name: 'papers', payload: null });
    expect(info.data_ingestion_info.map((i: { status: string }) => i.status)).toEqual(['added', 'added']);
    dsA = info.dataset_id;
    // the same content again is a duplicate, by id this time; an empty datasetName is ignored
    const again = await (await h.post('/api/v1/add', addForm({ datasetId: dsA, datasetName: '' }, [{ name: 'one.txt', text: 'Marie Curie worked in Paris.' }]), a.token)).json();
    expect(again.data_ingestion_info[0].status).toBe('duplicate');
  });

  it('add: 401 without credentials; into another user’s dataset, the add router’s catch-all 500 naming PermissionDeniedError', async () => {
    expect((await h.post('/api/v1/add', addForm({ datasetName: 'x' }, [{ name: 'a.txt', text: 'x' }]))).status).toBe(401);
    const r = await h.post('/api/v1/add', addForm({ datasetId: dsA }, [{ name: 'a.txt', text: 'intruder' }]), b.token);
    expect([r.status, await r.json()]).toEqual([
      500,
      { error: 'Internal server error', detail: 'PermissionDeniedError: Request owner does not have necessary permission: [write] for all datasets requested. (Status code: 403)' },
    ]);
  });

  it('add: multipart edge cases answer 400/413 naming the field, never 500', async () => {
    const noDataset = await h.post('/api/v1/add', addForm({}, [{ name: 'a.txt', text: 'x' }]), a.token);
    expect([noDataset.status, await noDataset.json()]).toEqual([400, { error: 'Either datasetId or datasetName must be provided.', detail: null }]);
    const noFile = await h.post('/api/v1/add', addForm({ datasetName: 'papers' }, []), a.token);
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).detail[0]).toMatchObject({ loc: ['body', 'data'], type: 'missing' });
    const empty = await h.post('/api/v1/add', addForm({ datasetName: 'papers' }, [{ name: 'empty.txt', text: '' }]), a.token);
    expect(empty.status).toBe(400);
    expect((await empty.json()).detail).toMatch(/empty/);
    const big = await h.post('/api/v1/add', addForm({ datasetName: 'papers' }, [{ name: 'big.txt', text: 'x'.repeat(LIMIT + 1) }]), a.token);
    expect(big.status).toBe(413);
    const bigBody = await big.json();
    expect(bigBody.detail[0].loc).toEqual(['body', 'data']);
    expect(bigBody.detail[0].msg).toMatch(/big\.txt/);
    const wrongField = await h.post('/api/v1/add', addForm({ datasetName: 'papers' }, [{ field: 'file', name: 'a.txt', text: 'x' }]), a.token);
    expect(wrongField.status).toBe(400);
    expect((await wrongField.json()).detail[0].loc).toEqual(['body', 'file']);
    const unknownField = await h.post('/api/v1/add', addForm({ datasetName: 'papers', colour: 'red' }, [{ name: 'a.txt', text: 'x' }]), a.token);
    expect((await unknownField.json()).detail[0].loc).toEqual(['body', 'colour']);
    const badId = await h.post('/api/v1/add', addForm({ datasetId: 'nope' }, [{ name: 'a.txt', text: 'x' }]), a.token);
    expect((await badId.json()).detail[0].loc).toEqual(['body', 'datasetId']);
    const json = await h.post('/api/v1/add', { datasetName: 'papers' }, a.token);
    expect(json.status).toBe(400);
    // nothing half-added
    expect((await (await h.get(`/api/v1/datasets/${dsA}/data`, a.token)).json()).map((d: { name: string }) => d.name).sort()).toEqual(['one.txt', 'two.md']);
  });

  it('cognify: 400 without datasets, 400 on bad ids, 401 anonymous, the router’s catch-all 500 across users', async () => {
    const none = await h.post('/api/v1/cognify', {}, a.token);
    expect([none.status, await none.json()]).toEqual([400, { error: 'No datasets or dataset_ids provided' }]);
    const badIds = await h.post('/api/v1/cognify', { datasetIds: ['x'] }, a.token);
    expect((await badIds.json()).detail[0].loc).toEqual(['body', 'datasetIds', 0]);
    const badType = await h.post('/api/v1/cognify', { datasets: 'papers' }, a.token);
    expect(badType.status).toBe(400);
    expect((await h.post('/api/v1/cognify', { datasets: ['papers'] })).status).toBe(401);
    const other = await h.post('/api/v1/cognify', { dataset_ids: [dsA] }, b.token);
    expect(other.status).toBe(500);
    expect(await other.json()).toEqual({ error: 'Internal server error', detail: expect.stringMatching(/^PermissionDeniedError: .*\(Status code: 403\)$/) });
  });

  it('search: validates the body; another user’s dataset answers 403 and unknown names 404, as Cognee does today', async () => {
    const noQuery = await h.post('/api/v1/search', { searchType: 'CHUNKS' }, a.token);
    expect((await noQuery.json()).detail[0]).toMatchObject({ loc: ['body', 'query'], type: 'missing' });
    const badType = await h.post('/api/v1/search', { query: 'x', searchType: 'MAGIC' }, a.token);
    expect((await badType.json()).detail[0].loc).toEqual(['body', 'searchType']);
    expect((await h.post('/api/v1/search', { query: 'x' })).status).toBe(401);
    const other = await h.post('/api/v1/search', { query: 'Curie', datasetIds: [dsA] }, b.token);
    expect([other.status, await other.json()]).toEqual([403, { detail: 'Request owner does not have necessary permission: [read] for all datasets requested. [PermissionDeniedError]' }]);
    const unknownName = await h.post('/api/v1/search', { query: 'Curie', datasets: ['not-mine'] }, a.token);
    expect([unknownName.status, await unknownName.json()]).toEqual([404, { detail: 'No datasets found. [DatasetNotFoundError]' }]);
  });

  it('forget: invalid combinations 422; an unknown name or another user’s dataset gets the router’s catch-all 500', async () => {
    const none = await h.post('/api/v1/forget', {}, a.token);
    expect(none.status).toBe(422);
    const both = await h.post('/api/v1/forget', { dataset: 'papers', datasetId: dsA }, a.token);
    expect(both.status).toBe(422);
    const failed = { error: 'An error occurred during deletion.' };
    const missing = await h.post('/api/v1/forget', { dataset: 'ghost' }, a.token);
    expect([missing.status, await missing.json()]).toEqual([500, failed]);
    const other = await h.post('/api/v1/forget', { datasetId: dsA, memoryOnly: true }, b.token);
    expect([other.status, await other.json()]).toEqual([500, failed]);
    const otherByName = await h.post('/api/v1/forget', { dataset: 'papers' }, b.token);
    expect([otherByName.status, await otherByName.json()]).toEqual([500, failed]);
    expect((await h.get(`/api/v1/datasets/${dsA}/data`, a.token)).status).toBe(200); // untouched
    expect((await h.post('/api/v1/forget', { everything: 'yes' }, a.token)).status).toBe(400);
    expect((await h.post('/api/v1/forget', { dataset: 'x' })).status).toBe(401);
  });

  it('visualize: 400 without dataset_id, 403 across users, 401 anonymous', async () => {
    const none = await h.get('/api/v1/visualize', a.token);
    expect((await none.json()).detail[0]).toMatchObject({ loc: ['query', 'dataset_id'], type: 'missing' });
    expect((await h.get(`/api/v1/visualize?dataset_id=${dsA}`, b.token)).status).toBe(403);
    expect((await h.get(`/api/v1/visualize?dataset_id=${UNKNOWN_ID}`)).status).toBe(401);
  });

  // Happy paths that need the lead's ingestion / search / graph wiring.
  it('cognify runs a dataset and answers per-dataset PipelineRunInfo', async () => {
    const r = await h.post('/api/v1/cognify', { datasetIds: [dsA], runInBackground: false }, a.token);
    expect(r.status).toBe(200);
    const out = await r.json();
    expect(out[dsA]).toMatchObject({ status: 'PipelineRunCompleted', dataset_id: dsA, dataset_name: 'papers' });
    const status = await (await h.get(`/api/v1/datasets/status?dataset=${dsA}`, a.token)).json();
    expect(status).toEqual({ [dsA]: 'DATASET_PROCESSING_COMPLETED' });
  });

  it('search finds added text and answers [{search_result, dataset_id, dataset_name}]', async () => {
    const r = await h.post('/api/v1/search', { query: 'Marie Curie', searchType: 'CHUNKS', datasetIds: [dsA] }, a.token);
    expect(r.status).toBe(200);
    const out = await r.json();
    expect(out[0]).toMatchObject({ dataset_id: dsA, dataset_name: 'papers' });
    expect(JSON.stringify(out[0].search_result)).toMatch(/Curie/);
  });

  it('visualize answers a self-contained HTML page with a nonce CSP', async () => {
    const r = await h.get(`/api/v1/visualize?dataset_id=${dsA}`, a.token);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'nonce-/);
    const html = await r.text();
    expect(html).toMatch(/cytoscape/);
    expect(html).toMatch(/"layout"|name: 'preset'/);
  });
});
