/**
 * Today's Cognee denial answers over /api/v1 (issue 19, item 1) and the pipeline names of
 * /datasets/status (item 7), checked against cognee/api/client.py's global handler and the
 * current routers: search raises PermissionDeniedError (403) and DatasetNotFoundError (404)
 * instead of answering `[]`; another profile's dataset status is the router's 409; deleting
 * another profile's data item is UnauthorizedDataAccessError (401); forget answers with the
 * bodies of cognee/api/v1/forget/forget.py, and its router's catch-all 500 for what it cannot delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addForm, openHost } from './harness';
import type { Harness } from './harness';

describe('Cognee’s denial answers', () => {
  let h: Harness;
  let a: { token: string; id: string };
  let b: { token: string; id: string };
  let dsA: string;
  let dataId: string;

  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    a = await h.user('owner@example.com');
    b = await h.user('other@example.com');
    const add = await (await h.post('/api/v1/add', addForm({ datasetName: 'private' }, [{ name: 'secret.txt', text: 'The launch code is kept in the blue folder.' }]), a.token)).json();
    dsA = add.dataset_id;
    dataId = add.data_ingestion_info[0].data_id;
    expect((await h.post('/api/v1/cognify', { datasets: ['private'] }, a.token)).status).toBe(200);
  });
  afterAll(async () => h.close());

  it('search: another profile’s dataset is 403 PermissionDeniedError through the global handler', async () => {
    const r = await h.post('/api/v1/search', { query: 'launch code', searchType: 'CHUNKS', dataset_ids: [dsA] }, b.token);
    expect([r.status, await r.json()]).toEqual([403, { detail: 'Request owner does not have necessary permission: [read] for all datasets requested. [PermissionDeniedError]' }]);
    // The owner reads it.
    const own = await h.post('/api/v1/search', { query: 'launch code', searchType: 'CHUNKS', dataset_ids: [dsA] }, a.token);
    expect(own.status).toBe(200);
    expect((await own.json())[0]).toMatchObject({ dataset_id: dsA, dataset_name: 'private' });
  });

  it('search: a caller who can read no dataset is 403; names that resolve to none are 404', async () => {
    const none = await h.post('/api/v1/search', { query: 'launch code', searchType: 'CHUNKS' }, b.token);
    expect([none.status, await none.json()]).toEqual([403, { detail: 'Request owner does not have permission: [read] for any dataset. [PermissionDeniedError]' }]);
    // Names resolve among the caller's own datasets only: b naming a's dataset finds nothing.
    const byName = await h.post('/api/v1/search', { query: 'launch code', datasets: ['private'] }, b.token);
    expect([byName.status, await byName.json()]).toEqual([404, { detail: 'No datasets found. [DatasetNotFoundError]' }]);
  });

  it('datasets/status: another profile’s dataset is the router’s 409, for any pipeline', async () => {
    for (const q of [`dataset=${dsA}`, `dataset=${dsA}&pipeline=add_pipeline`]) {
      const r = await h.get(`/api/v1/datasets/status?${q}`, b.token);
      expect([q, r.status, await r.json()]).toEqual([q, 409, { error: 'Unable to retrieve dataset statuses.' }]);
    }
  });

  it('datasets/{id}/data/{data_id}: deleting another profile’s item is 401 UnauthorizedDataAccessError', async () => {
    const r = await h.del(`/api/v1/datasets/${dsA}/data/${dataId}`, undefined, b.token);
    expect([r.status, await r.json()]).toEqual([401, { detail: `Dataset ${dsA} not accessible. [UnauthorizedDataAccessError]` }]);
    expect((await (await h.get(`/api/v1/datasets/${dsA}/data`, a.token)).json()).map((d: { id: string }) => d.id)).toEqual([dataId]);
  });

  it('datasets/status accepts Cognee’s other pipeline names: one gives a flat map, several a nested one', async () => {
    const flat = async (q: string) => (await h.get(`/api/v1/datasets/status?dataset=${dsA}${q}`, a.token)).json();
    expect(await flat('')).toEqual({ [dsA]: 'DATASET_PROCESSING_COMPLETED' });
    expect(await flat('&pipeline=cognify_pipeline')).toEqual({ [dsA]: 'DATASET_PROCESSING_COMPLETED' });
    expect(await flat('&pipeline=add_pipeline')).toEqual({ [dsA]: 'DATASET_PROCESSING_COMPLETED' });
    expect(await flat('&pipeline=code_graph_pipeline')).toEqual({});
    const nested = await h.get(`/api/v1/datasets/status/?dataset=${dsA}&pipeline=add_pipeline&pipeline=cognify_pipeline&pipeline=code_graph_pipeline`, a.token);
    expect([nested.status, await nested.json()]).toEqual([200, { [dsA]: { add_pipeline: 'DATASET_PROCESSING_COMPLETED', cognify_pipeline: 'DATASET_PROCESSING_COMPLETED' } }]);
    // A dataset with nothing added has no add_pipeline status yet.
    const empty = (await (await h.post('/api/v1/datasets', { name: 'empty' }, a.token)).json()).id as string;
    expect(await (await h.get(`/api/v1/datasets/status?dataset=${empty}&pipeline=add_pipeline`, a.token)).json()).toEqual({});
  });

  it('forget: today’s success bodies, and the catch-all 500 for a dataset the caller may not delete', async () => {
    const add = await (await h.post('/api/v1/add', addForm({ datasetName: 'scratch' }, [{ name: 'a.txt', text: 'First note.' }, { name: 'b.txt', text: 'Second note.' }]), a.token)).json();
    const id = add.dataset_id as string;
    const [first] = add.data_ingestion_info as { data_id: string }[];
    const memory = await h.post('/api/v1/forget', { dataset: 'scratch', memoryOnly: true }, a.token);
    expect([memory.status, await memory.json()]).toEqual([200, { dataset_id: id, data_records_reset: 2, status: 'success' }]);
    const item = await h.post('/api/v1/forget', { dataset_id: id, data_id: first!.data_id }, a.token);
    expect([item.status, await item.json()]).toEqual([200, { data_id: first!.data_id, dataset_id: id, status: 'success' }]);
    // b may read it now, not delete it: Cognee's forget resolves with the delete permission.
    expect((await h.post(`/api/v1/permissions/datasets/${b.id}?permission_name=read`, [id], a.token)).status).toBe(200);
    const denied = await h.post('/api/v1/forget', { datasetId: id }, b.token);
    expect([denied.status, await denied.json()]).toEqual([500, { error: 'An error occurred during deletion.' }]);
    const whole = await h.post('/api/v1/forget', { dataset: 'scratch' }, a.token);
    expect([whole.status, await whole.json()]).toEqual([200, { dataset_id: id, status: 'success' }]);
    const c = await h.user('everything@example.com');
    for (const name of ['one', 'two']) await h.post('/api/v1/datasets', { name }, c.token);
    const everything = await h.post('/api/v1/forget', { everything: true }, c.token);
    expect([everything.status, await everything.json()]).toEqual([200, { datasets_removed: 2, status: 'success' }]);
  });
});
