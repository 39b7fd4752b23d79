/**
 * The TestCore interface (test/helpers/core.ts) over HTTP: every call goes through the host's
 * `/rpc/<procedure>` with a Bearer token, data.add as multipart, exactly as a browser client
 * would (minus the cookie). `core` is the Core behind the host, for tests that inspect the
 * database directly. Also checks on every reply that the HTTP status matches the error code.
 */
import { silentLog } from '../../electron/core/log';
import type { CoreConfig } from '../../electron/core/config';
import { startHost } from '../../electron/host/server';
import type { Output, ProcedureName } from '../../shared/contract/procedures';
import type { Reply } from '../../shared/domain/errors';
import { CSRF_HEADER, HTTP_STATUS_BY_CODE, RPC_PREFIX } from '../../shared/http-protocol';
import { FAST_HASHES, testCalls } from './core';
import type { ReplyFn, TestCore } from './core';
import { tempDir } from './temp';

export type HttpTestCore = TestCore & Readonly<{ url: string; reply: ReplyFn }>;

/** Posts one procedure call and returns its Reply. */
export async function rpc(url: string, token: string | null, name: string, input: unknown = {}): Promise<Reply<unknown>> {
  const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | FormData;
  if (name === 'data.add' && hasFiles(input)) {
    body = toForm(input);
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(input ?? {});
  }
  const res = await fetch(`${url}${RPC_PREFIX}${name}`, { method: 'POST', headers, body });
  const reply = (await res.json()) as Reply<unknown>;
  const expected = reply.ok ? 200 : HTTP_STATUS_BY_CODE[reply.error.code];
  if (res.status !== expected) throw new Error(`${name}: HTTP ${res.status} but the reply says ${reply.ok ? 'ok' : reply.error.code}`);
  return reply;
}

type AddInput = { datasetId?: string; datasetName?: string; files?: { name: string; bytes: Uint8Array }[]; texts?: string[] };

function hasFiles(input: unknown): input is AddInput {
  return typeof input === 'object' && input !== null && Array.isArray((input as AddInput).files);
}

function toForm(input: AddInput): FormData {
  const form = new FormData();
  if (input.datasetId) form.append('datasetId', input.datasetId);
  if (input.datasetName) form.append('datasetName', input.datasetName);
  for (const f of input.files ?? []) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  for (const t of input.texts ?? []) form.append('texts', t);
  return form;
}

/** Starts a host on a free port over a fresh temporary home. */
export async function openHttpTestCore(config: Partial<CoreConfig> = {}): Promise<HttpTestCore> {
  const t = tempDir('kenning-host-');
  // listProfiles: this binding stands in for the desktop picker, which lists profiles.
  const host = await startHost({ home: t.dir, port: 0, config: { workerIdleMs: 60_000, ...FAST_HASHES, ...config }, log: silentLog, listProfiles: true });
  const reply = (<N extends ProcedureName>(token: string | null, name: N, input: unknown = {}) => rpc(host.url, token, name, input)) as ReplyFn;
  return {
    core: host.core,
    home: t.dir,
    url: host.url,
    reply,
    ...testCalls(reply),
    close: async () => {
      await host.close();
      t.cleanup();
    },
  };
}

/** The raw Reply of a call through whichever binding `t` is (HTTP when it has one, else in-process). */
export function replyOf<N extends ProcedureName>(t: TestCore, token: string | null, name: N, input: unknown = {}): Promise<Reply<Output<N>>> {
  const http = (t as Partial<HttpTestCore>).reply;
  return http ? (http(token, name, input) as Promise<Reply<Output<N>>>) : t.core.call({ token }, name, input);
}
