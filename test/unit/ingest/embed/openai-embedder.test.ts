import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/domain/errors';
import { OpenAiEmbedder } from '../../../../electron/worker/ingest/embed/openai-embedder';
import { embeddingsReply, startFakeOpenAiServer, type FakeOpenAiServer } from '../llm/fake-openai-server';

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply = (req) => embeddingsReply(req, 3);
});

const make = (extra: Partial<ConstructorParameters<typeof OpenAiEmbedder>[0]> = {}) =>
  new OpenAiEmbedder({ baseUrl: `${server.origin}/v1`, model: 'embed-small', apiKey: 'sk-secret-123', timeoutMs: 2_000, ...extra });

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('OpenAiEmbedder', () => {
  it('batches, keeps input order by index, learns the dimension and normalises', async () => {
    const e = make({ batchSize: 2 });
    expect(e.dimension).toBe(0);
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const vs = await e.embed(texts);
    expect(e.dimension).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.body.input)).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['eeeee']]);
    const r0 = server.requests[0]!;
    expect(r0.method).toBe('POST');
    expect(r0.path).toBe('/v1/embeddings');
    expect(r0.headers.authorization).toBe('Bearer sk-secret-123');
    expect(r0.body.model).toBe('embed-small');
    // The fake's vector depends on the text length: order must follow `index`, not reply order.
    const expected = (len: number) => {
      const raw = [1, 2, 3].map((d) => ((len + 1) * d) % 7 + 1);
      const n = Math.hypot(...raw);
      return raw.map((x) => x / n);
    };
    vs.forEach((v, i) => expected(texts[i]!.length).forEach((x, d) => expect(v[d]).toBeCloseTo(x, 6)));
  });

  it('uses /v1 when the base URL is a bare origin, and names itself after model and host', async () => {
    const e = new OpenAiEmbedder({ baseUrl: server.origin, model: 'nomic-embed-text' });
    await e.embed(['x']);
    expect(server.requests[0]!.path).toBe('/v1/embeddings');
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(e.id).toBe(`openai:nomic-embed-text@${new URL(server.origin).host}`);
  });

  it('sends a space for empty texts and returns [] for no texts', async () => {
    const e = make();
    expect(await e.embed([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
    await e.embed(['', 'x']);
    expect(server.requests[0]!.body.input).toEqual([' ', 'x']);
  });

  it('probes the dimension once when asked', async () => {
    const e = make();
    expect(await e.probeDimension()).toBe(3);
    expect(await e.probeDimension()).toBe(3);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects vectors whose length differs from the configured dimension', async () => {
    const err = await failure(make({ dimension: 768 }).embed(['x']));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/3-dimensional.*expected 768/);
  });

  it('reports a rejected API key without leaking it', async () => {
    server.reply = () => ({ status: 401, json: { error: { message: 'Incorrect API key provided: sk-secret-123', type: 'invalid_request_error' } } });
    const err = await failure(make().embed(['x']));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/HTTP 401.*API key/);
    expect(err.message).not.toContain('sk-secret-123');
    expect(err.detail?.status).toBe(401);
  });

  it('maps an unknown model (404) to invalid_input and a server error (500) to internal', async () => {
    server.reply = () => ({ status: 404, json: { error: { message: 'model "nope" not found' } } });
    const e404 = await failure(make().embed(['x']));
    expect(e404.code).toBe('invalid_input');
    expect(e404.message).toContain('model "nope" not found');
    server.reply = () => ({ status: 500, raw: 'upstream exploded' });
    const e500 = await failure(make().embed(['x']));
    expect(e500.code).toBe('provider_error');
    expect(e500.message).toMatch(/HTTP 500.*upstream exploded/);
    expect(e500.detail).toMatchObject({ status: 500, retryable: true });
  });

  it('reports malformed JSON and unexpected shapes clearly', async () => {
    server.reply = () => ({ raw: '{"data": [oops' });
    expect((await failure(make().embed(['x']))).message).toMatch(/not JSON/);
    server.reply = () => ({ json: { data: [{ embedding: 'nope' }] } });
    expect((await failure(make().embed(['x']))).message).toMatch(/unexpected reply/);
    server.reply = () => ({ json: { data: [] } });
    expect((await failure(make().embed(['x']))).message).toMatch(/0 vectors for 1 texts/);
    server.reply = () => ({ json: { data: [{ embedding: [0, 0, 0], index: 0 }] } });
    expect((await failure(make().embed(['x']))).message).toMatch(/all-zero/);
  });

  it('times out with a timeout error', async () => {
    server.reply = () => ({ hang: true });
    const err = await failure(make({ timeoutMs: 200 }).embed(['x']));
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/did not answer within 200 ms/);
  });

  it('reports cancellation by the caller as cancelled', async () => {
    server.reply = () => ({ hang: true });
    const ac = new AbortController();
    const p = make().embed(['x'], { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await failure(p)).code).toBe('cancelled');
  });

  it('reports an unreachable server', async () => {
    const dead = await startFakeOpenAiServer();
    const origin = dead.origin;
    await dead.close();
    const err = await failure(new OpenAiEmbedder({ baseUrl: origin, model: 'm', timeoutMs: 2_000 }).embed(['x']));
    expect(err.code).toBe('provider_error');
    expect(err.message).toMatch(/Could not reach Embedding server/);
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => new OpenAiEmbedder({ baseUrl: 'file:///etc', model: 'm' })).toThrow(AppError);
    expect(() => new OpenAiEmbedder({ baseUrl: 'not a url', model: 'm' })).toThrow(/not a valid URL/);
  });
});
