/**
 * Upload bounds: every multipart part counts toward the per-request cap (text fields too:
 * six 44 MB `texts` parts once took the host from 182 MB to 1.5 GB), and all uploads in flight
 * share one byte budget; over either → 413 naming the limit, and the budget is given back.
 */
import http from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openHost } from './harness';
import type { Harness } from './harness';

const KB = 1024;
const PER_REQUEST = 600 * KB;
const BUDGET = 1000 * KB;

describe('upload bounds', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await openHost({ maxUploadInFlightBytes: BUDGET }, { maxUploadBytes: PER_REQUEST });
    token = (await h.user('up@example.com')).token;
  });
  afterAll(async () => h.close());

  const rpcAdd = (form: FormData) => fetch(`${h.url}/rpc/data.add`, { method: 'POST', headers: { 'x-kenning': '1', authorization: `Bearer ${token}` }, body: form });

  it('counts text parts toward the per-request cap: /rpc data.add texts over it → 413', async () => {
    const form = new FormData();
    form.append('datasetName', 'texts');
    for (let i = 0; i < 4; i++) form.append('texts', `${i} ${'t'.repeat(200 * KB)}`); // each under every per-part limit, 800 KB together
    const r = await rpcAdd(form);
    expect(r.status).toBe(413);
    // Its declared length already says so: refused before the parser buffers any part.
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than the limit of 614400 bytes in one request/), detail: { field: '(body)' } } });
    expect(h.uploadBytesInFlight()).toBe(0);
    // Under the cap the same texts are accepted.
    const ok = new FormData();
    ok.append('datasetName', 'texts');
    for (let i = 0; i < 2; i++) ok.append('texts', `${i} ${'t'.repeat(200 * KB)}`);
    expect((await rpcAdd(ok)).status).toBe(200);
  });

  it('counts every field of Cognee’s /api/v1/add too', async () => {
    const form = new FormData();
    form.append('datasetName', 'cognee');
    form.append('data', new Blob(['x'.repeat(400 * KB)]), 'a.txt');
    for (let i = 0; i < 5; i++) form.append('node_set', 'n'.repeat(50 * KB)); // small fields add up as well
    const r = await h.post('/api/v1/add', form, token);
    expect(r.status).toBe(413);
    expect(JSON.stringify(await r.json())).toMatch(/larger than the limit of 614400 bytes in one request/);
  });

  it('two concurrent uploads over the shared budget: the second gets 413, and the budget is released for a later one', async () => {
    // The first upload streams 550 KB of a file and then stalls, holding its bytes.
    const first = openUpload(h.port, token, 'slow.txt');
    await first.write(Buffer.alloc(550 * KB, 'a'));
    await until(() => h.uploadBytesInFlight() >= 550 * KB);
    // The second (550 KB, under the per-request cap) does not fit in what is left of the budget.
    const second = new FormData();
    second.append('datasetName', 'concurrent');
    second.append('files', new Blob(['b'.repeat(550 * KB)]), 'second.txt');
    const refused = await rpcAdd(second);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already receiving as many uploads as it may hold at once \(1024000 bytes in flight\); try again when they finish/) } });
    // The first finishes normally; then everything is given back.
    const done = await first.finish();
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ ok: true, value: { items: [{ name: 'slow.txt', status: 'added' }] } });
    expect(h.uploadBytesInFlight()).toBe(0);
    const later = await rpcAdd(second);
    expect(later.status).toBe(200);
    expect(h.uploadBytesInFlight()).toBe(0);
  });

  it('slow uploads streaming one large text part each cannot hold more than the budget between them (red team)', async () => {
    // The parser buffers a text part whole before the route sees it, so counting parts as they
    // arrived let N slow connections hold N × the per-request cap. Each request now takes its
    // body from the budget before parsing: a chunked body takes the per-request cap.
    const slow = Array.from({ length: 5 }, () => openUpload(h.port, token, null));
    await Promise.all(slow.map((u) => u.write(Buffer.alloc(100 * KB, 't')).catch(() => undefined)));
    await until(() => slow.filter((u) => u.answered()).length >= 4);
    expect(h.uploadBytesInFlight()).toBeLessThanOrEqual(BUDGET);
    const refused = await Promise.all(slow.filter((u) => u.answered()).map((u) => u.finish()));
    expect(refused.map((r) => r.status)).toEqual([413, 413, 413, 413]);
    expect(JSON.parse(refused[0]!.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already receiving as many uploads as it may hold at once/) } });
    const admitted = slow.find((u) => !u.answered())!;
    expect((await admitted.finish()).status).toBe(200);
    expect(h.uploadBytesInFlight()).toBe(0);
  });

  it('a declared body over the per-request cap is refused before it is read', async () => {
    const form = new FormData();
    form.append('datasetName', 'declared');
    form.append('texts', 't'.repeat(700 * KB));
    const r = await rpcAdd(form);
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/larger than the limit of 614400 bytes in one request/), detail: { field: '(body)' } } });
    expect(h.uploadBytesInFlight()).toBe(0);
  });
});

/**
 * A multipart data.add sent by hand (chunked), so the test decides when the body ends: a file
 * part named `name`, or a `texts` part when `name` is null.
 */
function openUpload(port: number, token: string, name: string | null) {
  const boundary = 'kenningtestboundary';
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/rpc/data.add',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-kenning': '1', authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' },
  });
  let answered = false;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
  });
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="datasetName"\r\n\r\nconcurrent\r\n`);
  req.write(
    name === null
      ? `--${boundary}\r\nContent-Disposition: form-data; name="texts"\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  return {
    answered: () => answered,
    write: (b: Buffer) => new Promise<void>((resolve, reject) => req.write(b, (e) => (e ? reject(e) : resolve()))),
    finish: async () => {
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
      const r = await response;
      req.destroy(); // answered early: the rest of the body will never be sent
      return r;
    },
  };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
