import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/domain/errors';
import { OpenAiChatClient } from '../../../../electron/worker/ingest/llm/openai-chat';
import { chatReply, startFakeOpenAiServer, type FakeOpenAiServer } from './fake-openai-server';

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply = () => chatReply('Hello there.');
});

const client = (timeoutMs = 2_000) => new OpenAiChatClient({ baseUrl: `${server.origin}/v1`, model: 'llama3.1', apiKey: 'key-42', timeoutMs });

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const GRAPH = {
  nodes: [
    { id: 'marie_curie', name: 'Marie Curie', type: 'Person', description: 'Physicist and chemist.' },
    { id: 'sorbonne', name: 'University of Paris', type: 'Organization', description: 'Where she taught.' },
    { id: 'radium', name: 'Radium', type: 'Element', description: 'Element she discovered.' },
  ],
  edges: [
    { source_node_id: 'marie_curie', target_node_id: 'sorbonne', relationship_name: 'worked_at' },
    { source_node_id: 'marie_curie', target_node_id: 'radium', relationship_name: 'discovered' },
  ],
};

describe('OpenAiChatClient.complete', () => {
  it('posts the messages to /v1/chat/completions and returns the text', async () => {
    const text = await client().complete([{ role: 'user', content: 'Say hello' }], { temperature: 0.2, maxTokens: 50 });
    expect(text).toBe('Hello there.');
    const r = server.requests[0]!;
    expect(r.path).toBe('/v1/chat/completions');
    expect(r.headers.authorization).toBe('Bearer key-42');
    expect(r.body).toMatchObject({ model: 'llama3.1', messages: [{ role: 'user', content: 'Say hello' }], temperature: 0.2, max_tokens: 50, stream: false });
    expect(r.body.response_format).toBeUndefined();
  });

  it('maps HTTP errors, malformed JSON, empty content and timeouts to AppErrors', async () => {
    server.reply = () => ({ status: 404, json: { error: { message: 'model "llama3.1" not found, try pulling it first' } } });
    const e404 = await failure(client().complete([{ role: 'user', content: 'x' }]));
    expect(e404.code).toBe('invalid_input');
    expect(e404.message).toMatch(/LLM at 127\.0\.0\.1:\d+ refused.*not found/);

    server.reply = () => ({ status: 503, raw: 'overloaded' });
    expect((await failure(client().complete([{ role: 'user', content: 'x' }]))).code).toBe('provider_error');

    server.reply = () => ({ raw: '<html>proxy error</html>' });
    expect((await failure(client().complete([{ role: 'user', content: 'x' }]))).message).toMatch(/not JSON/);

    server.reply = () => ({ json: { choices: [] } });
    expect((await failure(client().complete([{ role: 'user', content: 'x' }]))).message).toMatch(/unexpected reply/);

    server.reply = () => chatReply(null, 'content_filter');
    expect((await failure(client().complete([{ role: 'user', content: 'x' }]))).message).toMatch(/no text.*content_filter/);

    server.reply = () => ({ hang: true });
    expect((await failure(client(200).complete([{ role: 'user', content: 'x' }]))).code).toBe('timeout');
  });
});

describe('OpenAiChatClient.extractGraph', () => {
  it('asks for JSON and returns a validated, normalised graph', async () => {
    server.reply = () => chatReply(JSON.stringify(GRAPH));
    const g = await client().extractGraph('Marie Curie taught at the University of Paris and discovered radium.');
    expect(g).toEqual({
      nodes: [
        { name: 'Marie Curie', type: 'Person', description: 'Physicist and chemist.' },
        { name: 'University of Paris', type: 'Organization', description: 'Where she taught.' },
        { name: 'Radium', type: 'Element', description: 'Element she discovered.' },
      ],
      edges: [
        { source: 'Marie Curie', target: 'University of Paris', relationship_name: 'worked_at' },
        { source: 'Marie Curie', target: 'Radium', relationship_name: 'discovered' },
      ],
    });
    const body = server.requests[0]!.body;
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.temperature).toBe(0);
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[1].content).toContain('discovered radium');
  });

  it('retries without response_format when the server does not support it, and remembers', async () => {
    server.reply = (req) =>
      req.body.response_format ? { status: 400, json: { error: { message: "Unrecognized request argument supplied: response_format" } } } : chatReply(JSON.stringify(GRAPH));
    const c = client();
    expect((await c.extractGraph('text')).nodes).toHaveLength(3);
    expect(server.requests.map((r) => 'response_format' in r.body)).toEqual([true, false]);
    await c.extractGraph('more text');
    expect(server.requests).toHaveLength(3);
    expect('response_format' in server.requests[2]!.body).toBe(false);
  });

  it('gives a clear AppError for a malformed or truncated graph reply', async () => {
    server.reply = () => chatReply('I could not find any entities.');
    const e1 = await failure(client().extractGraph('text'));
    expect(e1.code).toBe('provider_error');
    expect(e1.message).toMatch(/LLM reply is not JSON/);

    server.reply = () => chatReply('{"nodes": [{"name": "A"}], "edges": [{"source": "A"}]}');
    expect((await failure(client().extractGraph('text'))).message).toMatch(/not a valid knowledge graph/);

    server.reply = () => chatReply('{"nodes": [{"name": "A", "type": "Per', 'length');
    expect((await failure(client().extractGraph('text'))).message).toMatch(/cut off/);
  });
});
