/** Starts the host in-process on a free port over a temporary home, with small HTTP helpers. */
import type { CoreConfig } from '../../../electron/core/config';
import { silentLog } from '../../../electron/core/log';
import { startHost } from '../../../electron/host/server';
import type { HostOptions, RunningHost } from '../../../electron/host/server';
import { FAST_HASHES } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

export type Harness = RunningHost & {
  home: string;
  /** fetch relative to the host. */
  get(path: string, token?: string | null, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: unknown, token?: string | null, headers?: Record<string, string>): Promise<Response>;
  del(path: string, body?: unknown, token?: string | null): Promise<Response>;
  /** Registers over /api/v1 and logs in; returns the bearer token and the user id. */
  user(email: string): Promise<{ token: string; id: string }>;
};

const auth = (token?: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

export async function openHost(config: Partial<CoreConfig> = {}, opts: Partial<HostOptions> = {}): Promise<Harness> {
  const t = tempDir('kenning-host-');
  const host = await startHost({ home: t.dir, port: 0, config: { workerIdleMs: 60_000, ...FAST_HASHES, ...config }, log: silentLog, ...opts });
  const get = (p: string, token?: string | null, headers: Record<string, string> = {}) => fetch(host.url + p, { headers: { ...auth(token), ...headers } });
  const post = (p: string, body: unknown, token?: string | null, headers: Record<string, string> = {}) =>
    fetch(host.url + p, {
      method: 'POST',
      headers: { ...(body instanceof FormData || typeof body === 'string' ? {} : { 'content-type': 'application/json' }), ...auth(token), ...headers },
      body: body instanceof FormData || typeof body === 'string' ? body : JSON.stringify(body),
    });
  const del = (p: string, body?: unknown, token?: string | null) =>
    fetch(host.url + p, { method: 'DELETE', headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...auth(token) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    ...host,
    home: t.dir,
    get,
    post,
    del,
    close: async () => {
      await host.close();
      t.cleanup();
    },
    user: async (email) => {
      const r = await post('/api/v1/auth/register', { email, password: 'password-123' });
      if (r.status !== 201) throw new Error(`register ${email}: ${r.status} ${await r.text()}`);
      const id = ((await r.json()) as { id: string }).id;
      const login = await post('/api/v1/auth/login', new URLSearchParams({ username: email, password: 'password-123' }).toString(), null, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      const token = ((await login.json()) as { access_token: string }).access_token;
      return { token, id };
    },
  };
}

/** A multipart body for /api/v1/add. */
export function addForm(fields: Record<string, string>, files: { field?: string; name: string; text: string }[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field ?? 'data', new Blob([f.text]), f.name);
  return form;
}

export const UNKNOWN_ID = '3f1c2b8e-0000-4000-8000-000000000000';
