/**
 * Cognee's newer endpoints over /api/v1 (issue 19, item 5), with the fields Cognee's own
 * clients read (cognee-mcp's cognee_client.py, the CLI's api_client.py, cognee-frontend):
 * remember, recall, search history, memify/improve, sessions, graph-summary, activity,
 * configuration, raw data, schema inventory and ontologies. Every read is checked for
 * isolation between two profiles: `a` owns the data, `b` has none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rpc } from '../../helpers/http-core';
import { addForm, openHost, UNKNOWN_ID } from './harness';
import type { Harness } from './harness';

const TEXT = 'Ada Lovelace worked with Charles Babbage on the Analytical Engine in London in 1843. Babbage designed the engine.';
const OWL = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:owl="http://www.w3.org/2002/07/owl#"><owl:Class rdf:about="#Person"/></rdf:RDF>';

function ontologyForm(key: string, filename = 'medical.owl', description?: string): FormData {
  const form = new FormData();
  form.append('ontology_key', key);
  if (description !== undefined) form.append('description', description);
  form.append('ontology_file', new Blob([OWL]), filename);
  return form;
}

describe('Cognee’s newer endpoints', () => {
  let h: Harness;
  let a: { token: string; id: string };
  let b: { token: string; id: string };
  let ds: string;
  let dataId: string;
  let remembered: Record<string, unknown>;

  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    a = await h.user('owner@example.com');
    b = await h.user('other@example.com');
    const r = await h.post('/api/v1/remember', addForm({ datasetName: 'notes' }, [{ name: 'ada.txt', text: TEXT }]), a.token);
    expect(r.status).toBe(200);
    remembered = await r.json();
    ds = remembered.dataset_id as string;
    dataId = ((await (await h.get(`/api/v1/datasets/${ds}/data`, a.token)).json()) as { id: string }[])[0]!.id;
  }, 120_000);
  afterAll(async () => h.close());

  describe('remember', () => {
    it('adds and cognifies in one call, answering RememberResult', async () => {
      expect(remembered).toMatchObject({ status: 'completed', dataset_name: 'notes', items_processed: 1, items: [{ name: 'ada.txt', status: 'added' }] });
      expect(remembered.pipeline_run_id).toEqual(expect.any(String));
      expect(remembered.elapsed_seconds).toEqual(expect.any(Number));
      // The graph is built: the dataset's cognify status is completed.
      expect(await (await h.get(`/api/v1/datasets/status?dataset=${ds}`, a.token)).json()).toEqual({ [ds]: 'DATASET_PROCESSING_COMPLETED' });
    });

    it('refuses what it cannot do, in Cognee’s words', async () => {
      const none = await h.post('/api/v1/remember', addForm({}, [{ name: 'x.txt', text: 'x' }]), a.token);
      expect([none.status, await none.json()]).toEqual([400, { detail: 'Either datasetId or datasetName must be provided.' }]);
      const session = await h.post('/api/v1/remember', addForm({ datasetName: 'notes', session_id: 'cc_1' }, [{ name: 'x.txt', text: 'x' }]), a.token);
      expect(session.status).toBe(400);
      expect((await session.json()).detail).toMatch(/session_id is not supported/);
      const onto = await h.post('/api/v1/remember', addForm({ datasetName: 'notes', ontology_key: 'nope' }, [{ name: 'x.txt', text: 'x' }]), a.token);
      expect([onto.status, await onto.json()]).toEqual([409, { error: "Invalid request data for remember operation: Ontology key 'nope' not found" }]);
      expect((await h.post('/api/v1/remember', addForm({ datasetName: 'notes' }, [{ name: 'x.txt', text: 'x' }]))).status).toBe(401);
    });

    it('another profile’s dataset is a PermissionDeniedError (403) and nothing is added', async () => {
      const r = await h.post('/api/v1/remember', addForm({ datasetId: ds }, [{ name: 'planted.txt', text: 'planted text' }]), b.token);
      expect(r.status).toBe(403);
      expect((await r.json()).detail).toMatch(/\[PermissionDeniedError\]$/);
      expect(((await (await h.get(`/api/v1/datasets/${ds}/data`, a.token)).json()) as unknown[]).length).toBe(1);
    });

    it('remember/entry: no session cache — 400 without session_id, else Cognee’s 503', async () => {
      const noSession = await h.post('/api/v1/remember/entry', { entry: { type: 'qa', question: 'q', answer: 'a' } }, a.token);
      expect([noSession.status, await noSession.json()]).toEqual([400, { error: 'Invalid remember request.' }]);
      const r = await h.post('/api/v1/remember/entry', { entry: { type: 'qa', question: 'q', answer: 'a' }, session_id: 'cc_1' }, a.token);
      expect(r.status).toBe(503);
      expect((await r.json()).error).toBe('Remember service temporarily unavailable.');
      expect((await h.post('/api/v1/remember/entry', { entry: { type: 'qa', question: 'q', answer: 'a' }, session_id: 'cc_1' })).status).toBe(401);
    });
  });

  describe('recall and search history', () => {
    it('recall answers RecallResponse items (source "graph", text, dataset) for an explicit type', async () => {
      const r = await h.post('/api/v1/recall', { query: 'Analytical Engine', search_type: 'CHUNKS', datasets: ['notes'], top_k: 5 }, a.token);
      expect(r.status).toBe(200);
      const items = (await r.json()) as Record<string, unknown>[];
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]).toMatchObject({ source: 'graph', kind: 'chunk', search_type: 'CHUNKS', dataset_id: ds, dataset_name: 'notes' });
      expect(items[0]!.text).toContain('Analytical Engine');
    });

    it('recall: Cognee’s default type needs an LLM (422); null routes offline; session-only scopes are empty', async () => {
      const dflt = await h.post('/api/v1/recall', { query: 'Who worked with Babbage?' }, a.token);
      expect([dflt.status, await dflt.json()]).toEqual([422, { detail: 'LLM API key is not set. [LLMAPIKeyNotSetError]' }]);
      const routed = await h.post('/api/v1/recall', { query: 'Analytical Engine', search_type: null, top_k: 3 }, a.token);
      expect(routed.status).toBe(200);
      expect(((await routed.json()) as { text: string }[]).some((i) => i.text.includes('Analytical Engine'))).toBe(true);
      const session = await h.post('/api/v1/recall', { query: 'Analytical Engine', search_type: null, scope: 'session', session_id: 'cc_1' }, a.token);
      expect([session.status, await session.json()]).toEqual([200, []]);
    });

    it('recall on another profile’s dataset is 403', async () => {
      const r = await h.post('/api/v1/recall', { query: 'Analytical Engine', search_type: 'CHUNKS', dataset_ids: [ds] }, b.token);
      expect(r.status).toBe(403);
      expect((await r.json()).detail).toMatch(/\[PermissionDeniedError\]$/);
    });

    it('GET /search and GET /recall list the caller’s own queries and answers, never another’s', async () => {
      await h.post('/api/v1/search', { query: 'where was the engine built', search_type: 'CHUNKS', datasets: ['notes'] }, a.token);
      for (const path of ['/api/v1/search', '/api/v1/recall']) {
        const r = await h.get(path, a.token);
        expect(r.status).toBe(200);
        const items = (await r.json()) as { id: string; text: string; user: string; createdAt: string; datasetId: string | null }[];
        const q = items.find((i) => i.text === 'where was the engine built');
        expect(q).toMatchObject({ user: 'user', datasetId: ds, createdAt: expect.any(String), id: expect.any(String) });
        expect(items.some((i) => i.user === 'system' && i.text.includes('Analytical Engine'))).toBe(true);
      }
      // b searched nothing of a's: its history is empty, and a's queries never show in it.
      await h.post('/api/v1/search', { query: 'b asks something', search_type: 'CHUNKS' }, b.token); // 403: b reads no dataset
      expect(await (await h.get('/api/v1/search', b.token)).json()).toEqual([]);
      expect((await h.get('/api/v1/search')).status).toBe(401);
    });
  });

  describe('memify and improve', () => {
    it('re-run the offline enrichment and answer { dataset_id: PipelineRunInfo }', async () => {
      const m = await h.post('/api/v1/memify', { dataset_name: 'notes' }, a.token);
      expect(m.status).toBe(200);
      expect((await m.json())[ds]).toMatchObject({ status: 'PipelineRunCompleted', dataset_id: ds, dataset_name: 'notes', pipeline_run_id: expect.any(String) });
      const i = await h.post('/api/v1/improve', { dataset_id: ds, run_in_background: false }, a.token);
      expect(i.status).toBe(200);
      expect((await i.json())[ds]).toMatchObject({ status: 'PipelineRunCompleted', dataset_id: ds });
    });

    it('answer a missing dataset, named tasks and another profile’s dataset as each router does', async () => {
      expect(await (await h.post('/api/v1/memify', {}, a.token)).json()).toEqual({ error: 'Either datasetId or datasetName must be provided.', detail: null });
      expect(await (await h.post('/api/v1/improve', {}, a.token)).json()).toEqual({ detail: 'Either datasetId or datasetName must be provided.' });
      const tasks = await h.post('/api/v1/memify', { dataset_name: 'notes', enrichment_tasks: ['apply_feedback_weights'] }, a.token);
      expect(tasks.status).toBe(422);
      expect((await tasks.json()).error).toMatch(/'apply_feedback_weights'/);
      const m = await h.post('/api/v1/memify', { dataset_id: ds }, b.token);
      expect(m.status).toBe(403);
      expect((await m.json()).error).toEqual(expect.any(String));
      const i = await h.post('/api/v1/improve', { dataset_id: ds }, b.token);
      expect(i.status).toBe(403);
      expect((await i.json()).detail).toMatch(/\[PermissionDeniedError\]$/);
    });
  });

  describe('sessions', () => {
    it('answer Cognee’s envelopes, empty for every profile (no session cache)', async () => {
      expect(await (await h.get('/api/v1/sessions?limit=1', a.token)).json()).toEqual({ sessions: [], total: 0, limit: 1, offset: 0, has_more: false });
      expect(await (await h.get('/api/v1/sessions/stats?range=24h', a.token)).json()).toMatchObject({ range: '24h', sessions: 0, success_rate: 1, tokens_total: 0 });
      expect(await (await h.get('/api/v1/sessions/cost-by-model', a.token)).json()).toEqual([]);
      const one = await h.get('/api/v1/sessions/cc_1', a.token);
      expect([one.status, await one.json()]).toEqual([404, { detail: 'session not found' }]);
      expect((await h.get('/api/v1/sessions?range=1y', a.token)).status).toBe(400);
      expect((await h.get('/api/v1/sessions')).status).toBe(401);
    });
  });

  describe('graph-summary and activity', () => {
    it('graph-summary counts the caller’s graphs (camelCase DTO); another profile sees none of them', async () => {
      const r = await h.get('/api/v1/datasets/graph-summary', a.token);
      expect(r.status).toBe(200);
      const [s] = (await r.json()) as Record<string, unknown>[];
      expect(s).toMatchObject({ datasetId: ds, pipelineRunId: expect.any(String), computedAt: expect.any(String) });
      expect(s!.numNodes).toBeGreaterThan(0);
      expect(s!.numEdges).toBeGreaterThan(0);
      expect(await (await h.get('/api/v1/datasets/graph-summary', b.token)).json()).toEqual([]);
      const asked = await h.get(`/api/v1/datasets/graph-summary?dataset_ids=${ds}`, b.token);
      expect(asked.status).toBe(403);
    });

    it('activity/pipeline-runs lists the runs of readable datasets with their owner; never another’s', async () => {
      const runs = (await (await h.get('/api/v1/activity/pipeline-runs', a.token)).json()) as Record<string, unknown>[];
      expect(runs.length).toBeGreaterThan(0);
      expect(runs[0]).toMatchObject({
        pipeline_name: 'cognify_pipeline',
        status: 'DATASET_PROCESSING_COMPLETED',
        dataset_id: ds,
        dataset_name: 'notes',
        owner_id: a.id,
        owner_email: 'owner@example.com',
        created_at: expect.any(String),
      });
      expect(await (await h.get('/api/v1/activity/pipeline-runs', b.token)).json()).toEqual([]);
      const asked = await h.get(`/api/v1/activity/pipeline-runs?dataset_id=${ds}`, b.token);
      expect(asked.status).toBe(403);
      expect((await asked.json()).detail).toMatch(/\[PermissionDeniedError\]$/);
    });
  });

  describe('raw data and schema inventory', () => {
    it('raw serves the stored original to a reader, as a download; 403 to another profile, 404 for an unknown item', async () => {
      const r = await h.get(`/api/v1/datasets/${ds}/data/${dataId}/raw`, a.token);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="ada\.txt"/);
      expect(await r.text()).toBe(TEXT);
      const other = await h.get(`/api/v1/datasets/${ds}/data/${dataId}/raw`, b.token);
      expect(other.status).toBe(403);
      expect(await other.text()).not.toContain('Lovelace');
      const unknown = await h.get(`/api/v1/datasets/${ds}/data/${UNKNOWN_ID}/raw`, a.token);
      expect([unknown.status, await unknown.json()]).toEqual([404, { detail: `Data (${UNKNOWN_ID}) not found in dataset (${ds}). [DataNotFoundError]` }]);
    });

    it('schema/inventory summarizes the graph by type; another profile gets the router’s 403', async () => {
      const r = await h.get(`/api/v1/schema/inventory?dataset_id=${ds}&samples_per_type=2`, a.token);
      expect(r.status).toBe(200);
      const items = (await r.json()) as { type: string; count: number; samples: string[]; sample_size: number; relationships: { to_type: string | null; relation: string; count: number }[] }[];
      expect(items.map((i) => i.type)).toContain('Document');
      for (let i = 1; i < items.length; i++) expect(items[i - 1]!.count).toBeGreaterThanOrEqual(items[i]!.count);
      for (const i of items) expect(i.samples.length).toBe(i.sample_size);
      expect(items.every((i) => i.sample_size <= 2)).toBe(true);
      expect(items.some((i) => i.relationships.length > 0)).toBe(true);
      const other = await h.get(`/api/v1/schema/inventory?dataset_id=${ds}`, b.token);
      expect([other.status, await other.json()]).toEqual([403, { error: 'Not authorized to read this dataset' }]);
      const badSort = await h.get(`/api/v1/schema/inventory?dataset_id=${ds}&sort=name`, a.token);
      expect([badSort.status, await badSort.json()]).toEqual([409, { error: 'Failed to build schema inventory' }]);
    });
  });

  describe('ontologies', () => {
    it('upload, list and delete per profile; cognify refuses an unknown key with Cognee’s 409', async () => {
      const up = await h.post('/api/v1/ontologies', ontologyForm('medical', 'medical.owl', 'conditions'), a.token);
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({
        uploaded_ontologies: [{ ontology_key: 'medical', filename: 'medical.owl', size_bytes: OWL.length, uploaded_at: expect.any(String), description: 'conditions' }],
      });
      expect([(await h.post('/api/v1/ontologies', ontologyForm('medical'), a.token)).status]).toEqual([400]);
      const wrongType = await h.post('/api/v1/ontologies', ontologyForm('other', 'other.txt'), a.token);
      expect(wrongType.status).toBe(400);
      expect((await wrongType.json()).error).toBe('Invalid ontology request.');
      expect(await (await h.get('/api/v1/ontologies', a.token)).json()).toEqual({
        medical: { filename: 'medical.owl', size_bytes: OWL.length, uploaded_at: expect.any(String), description: 'conditions' },
      });
      // b sees none of a's ontologies and cannot use a's key.
      expect(await (await h.get('/api/v1/ontologies', b.token)).json()).toEqual({});
      await h.post('/api/v1/add', addForm({ datasetName: 'mine' }, [{ name: 'b.txt', text: 'Grace Hopper wrote a compiler.' }]), b.token);
      const borrowed = await h.post('/api/v1/cognify', { datasets: ['mine'], ontology_key: ['medical'] }, b.token);
      expect([borrowed.status, await borrowed.json()]).toEqual([409, { error: "Ontology key 'medical' not found", detail: null }]);
      const unknown = await h.post('/api/v1/cognify', { datasets: ['notes'], ontology_key: ['nope'] }, a.token);
      expect([unknown.status, await unknown.json()]).toEqual([409, { error: "Ontology key 'nope' not found", detail: null }]);
      expect((await h.post('/api/v1/cognify', { datasets: ['notes'], ontology_key: ['medical'] }, a.token)).status).toBe(200);
      expect([(await h.del('/api/v1/ontologies/medical', undefined, b.token)).status]).toEqual([400]);
      expect(await (await h.del('/api/v1/ontologies/medical', undefined, a.token)).json()).toEqual({ status: 'success', ontology_key: 'medical' });
      expect(await (await h.get('/api/v1/ontologies', a.token)).json()).toEqual({});
    });
  });

  describe('images (item 7)', () => {
    it('a PNG is accepted, stored and marked "no text extracted"; a .png that is not one is refused', async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);
      const form = new FormData();
      form.append('datasetName', 'pictures');
      form.append('data', new Blob([png]), 'scan.png');
      form.append('data', new Blob(['not an image']), 'fake.jpg');
      const add = await h.post('/api/v1/add', form, a.token);
      expect(add.status).toBe(200);
      const body = await add.json();
      expect(body.data_ingestion_info).toEqual([
        { data_id: expect.any(String), data_name: 'scan.png', status: 'added', reason: 'Stored, no text extracted: no OCR engine is installed' },
        { data_id: null, data_name: 'fake.jpg', status: 'rejected', reason: 'the file is not a JPEG image' },
      ]);
      const pictures = body.dataset_id as string;
      const imageId = body.data_ingestion_info[0].data_id as string;
      const cognify = await h.post('/api/v1/cognify', { dataset_ids: [pictures] }, a.token);
      expect(cognify.status).toBe(200);
      expect((await cognify.json())[pictures].status).toBe('PipelineRunCompleted');
      const items = (await rpc(h.url, a.token, 'datasets.data', { datasetId: pictures })) as { ok: true; value: { name: string; status: string; error: string | null; mimeType: string }[] };
      expect(items.value).toEqual([expect.objectContaining({ name: 'scan.png', mimeType: 'image/png', status: 'completed', error: 'Stored, no text extracted: no OCR engine is installed' })]);
      const raw = await h.get(`/api/v1/datasets/${pictures}/data/${imageId}/raw`, a.token);
      expect(raw.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await raw.arrayBuffer())).toEqual(png);
      const text = (await rpc(h.url, a.token, 'data.text', { datasetId: pictures, dataId: imageId })) as { ok: false; error: { code: string; message: string } };
      expect(text.error).toMatchObject({ code: 'not_found', message: 'scan.png is an image: it is stored, but no text was extracted from it (no OCR engine is installed)' });
    });
  });

  describe('configuration', () => {
    it('stores named configurations per profile; LLM keys set the profile’s LLM (the key is not kept in the list)', async () => {
      const c = await h.user('config@example.com');
      const llm = { llm_provider: 'ollama', llm_model: 'llama3.1', llm_endpoint: 'http://127.0.0.1:11434/v1', llm_api_key: 'sk-local' };
      const r = await h.post('/api/v1/configuration/store_user_configuration', { name: 'default_llm_settings', config: llm }, c.token);
      expect([r.status, await r.json()]).toEqual([200, null]);
      const settings = (await rpc(h.url, c.token, 'settings.get', {})) as { ok: true; value: { settings: { llm: Record<string, unknown> } } };
      expect(settings.value.settings.llm).toEqual({ enabled: true, baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', apiKey: 'sk-local' });
      await h.post('/api/v1/configuration/store_user_configuration', { name: 'graph_models', config: { models: [{ id: 'm1' }] } }, c.token);
      const list = (await (await h.get('/api/v1/configuration/get_user_configuration/', c.token)).json()) as Record<string, unknown>[];
      expect(list.map((x) => x.name)).toEqual(['default_llm_settings', 'graph_models']);
      expect(list[0]).toMatchObject({ ownerId: c.id, configuration: { llm_provider: 'ollama', llm_model: 'llama3.1', llm_endpoint: 'http://127.0.0.1:11434/v1' } });
      expect(JSON.stringify(list)).not.toContain('sk-local');
      const id = list[1]!.id as string;
      expect(await (await h.get(`/api/v1/configuration/get_user_configuration/${id}`, c.token)).json()).toEqual({ models: [{ id: 'm1' }] });
      // Another profile lists none of them, reads none by id, and its LLM is untouched.
      expect(await (await h.get('/api/v1/configuration/get_user_configuration/', b.token)).json()).toEqual([]);
      expect(await (await h.get(`/api/v1/configuration/get_user_configuration/${id}`, b.token)).json()).toEqual({});
      const bs = (await rpc(h.url, b.token, 'settings.get', {})) as { ok: true; value: { settings: { llm: { enabled: boolean } } } };
      expect(bs.value.settings.llm.enabled).toBe(false);
      const anthropic = await h.post('/api/v1/configuration/store_user_configuration', { name: 'x', config: { llm_provider: 'anthropic', llm_model: 'claude' } }, c.token);
      expect(anthropic.status).toBe(400);
      expect((await h.post('/api/v1/configuration/store_user_configuration', { name: 'x', config: {} })).status).toBe(401);
    });
  });
});
