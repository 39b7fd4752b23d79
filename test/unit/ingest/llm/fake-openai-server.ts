/**
 * A tiny OpenAI-compatible server on 127.0.0.1 for client tests: each test sets `reply` to decide
 * what the next requests get, and reads `requests` to see what the client sent.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The parsed JSON a client sent: tests read the fields they expect, so it is deliberately untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: any };
/** `raw` is sent verbatim; `json` is serialised; `hang` never answers (for timeouts). */
export type FakeReply = { status?: number; json?: unknown; raw?: string; hang?: boolean };
export type ReplyFn = (req: RecordedRequest, n: number) => FakeReply;

export type FakeOpenAiServer = {
  /** http://127.0.0.1:PORT (no path) */
  origin: string;
  requests: RecordedRequest[];
  reply: ReplyFn;
  close(): Promise<void>;
};

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const state: FakeOpenAiServer = {
    origin: '',
    requests: [],
    reply: () => ({ status: 500, raw: 'no reply configured' }),
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep raw text
      }
      const rec: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      state.requests.push(rec);
      const r = state.reply(rec, state.requests.length - 1);
      if (r.hang) return;
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
      res.end(r.raw ?? JSON.stringify(r.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections(); // hanging requests would otherwise keep close() waiting
      server.close(() => resolve());
    });
  return state;
}

/** An `/embeddings` reply: a deterministic `dim`-d vector per input, `index` fields in reverse order. */
export function embeddingsReply(req: RecordedRequest, dim: number): FakeReply {
  const input: string[] = req.body.input;
  const data = input.map((text, index) => ({
    object: 'embedding',
    index,
    embedding: Array.from({ length: dim }, (_, d) => ((text.length + 1) * (d + 1)) % 7 + 1),
  }));
  return { json: { object: 'list', data: data.reverse(), model: req.body.model, usage: { prompt_tokens: 1, total_tokens: 1 } } };
}

/** A `/chat/completions` reply carrying `content`. */
export function chatReply(content: string | null, finishReason = 'stop'): FakeReply {
  return {
    json: {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    },
  };
}
