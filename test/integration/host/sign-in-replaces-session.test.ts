/**
 * Session effects (issue 13): the core reports "signed in" / "signed out" with its reply and
 * ends the session a sign-in was made in; both shells apply the effect the same way. Before,
 * only the IPC shell ended a window's previous session on sign-in: over HTTP the old cookie's
 * session stayed valid. Both shells here run over one real core (real SQLite, real sessions);
 * IPC through a fake ipcMain and window, as test/unit/shell/ipc.test.ts does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APP_URL, isOwnOrigin } from '../../../electron/shell/app-origin';
import { bindIpc } from '../../../electron/shell/ipc';
import type { InvokeEventLike, IpcCore } from '../../../electron/shell/ipc';
import { IPC_CALL } from '../../../shared/ipc-channels';
import { openHost } from './harness';
import type { Harness } from './harness';

const RPC = { 'x-kenning': '1' };
const PASSWORD = 'password-123';

describe('a sign-in ends the session it replaces, in both shells', () => {
  let h: Harness;

  /** What the core says about a token, asked directly (not through a shell). */
  const state = async (token: string) => {
    const r = await h.core.call({ token }, 'auth.me', {});
    return r.ok ? 'ok' : r.error.code;
  };
  /** The session token a Set-Cookie header carries. */
  const cookieToken = (res: Response) => /kenning_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';

  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    await h.user('http@example.com');
    await h.user('ipc@example.com');
  });
  afterAll(async () => h.close());

  it('HTTP /rpc: signing in with a session cookie ends that session and sets the new one; the reply carries no effect', async () => {
    const signIn = (cookie?: string, password = PASSWORD) =>
      h.post('/rpc/auth.signIn', { email: 'http@example.com', password }, null, { ...RPC, origin: h.url, ...(cookie ? { cookie: `kenning_session=${cookie}` } : {}) });
    const first = cookieToken(await signIn());
    expect(await state(first)).toBe('ok');
    // A failed sign-in changes nothing.
    expect((await signIn(first, 'wrong-password')).status).toBe(401);
    expect(await state(first)).toBe('ok');
    const res = await signIn(first);
    const body = await res.json();
    expect(body).toEqual({ ok: true, value: { user: expect.objectContaining({ email: 'http@example.com' }), token: '' } });
    const second = cookieToken(res);
    expect(second).not.toBe(first);
    expect(await state(second)).toBe('ok');
    expect(await state(first)).toBe('unauthenticated');
    // Sign-out clears the cookie and ends the session.
    const out = await h.post('/rpc/auth.signOut', {}, null, { ...RPC, cookie: `kenning_session=${second}` });
    expect(await out.json()).toEqual({ ok: true, value: { ok: true } });
    expect(out.headers.get('set-cookie') ?? '').toMatch(/kenning_session=;/);
    expect(await state(second)).toBe('unauthenticated');
  });

  it('HTTP /api/v1/auth/login: the same rule', async () => {
    const login = (cookie?: string) =>
      h.post('/api/v1/auth/login', new URLSearchParams({ username: 'http@example.com', password: PASSWORD }).toString(), null, {
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie ? { ...RPC, cookie: `kenning_session=${cookie}` } : {}), // a cookie request needs the CSRF header
      });
    const first = ((await (await login()).json()) as { access_token: string }).access_token;
    const res = await login(first);
    const second = ((await res.json()) as { access_token: string }).access_token;
    expect(cookieToken(res)).toBe(second);
    expect(await state(second)).toBe('ok');
    expect(await state(first)).toBe('unauthenticated');
  });

  it('IPC: signing in again in a window ends its previous session; the token and the effect stay in main', async () => {
    const issued: string[] = []; // the tokens the core's signed-in effects carried
    const core: IpcCore = {
      services: h.core.services,
      subscribe: (session, listener) => h.core.subscribe(session, listener),
      call: async (session, name, input) => {
        const r = await h.core.call(session, name, input);
        if (r.session?.kind === 'signed-in') issued.push(r.session.token);
        return r;
      },
    };
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const binding = bindIpc(core, isOwnOrigin, {
      ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: (channel) => void handlers.delete(channel) },
      openPath: async () => '',
    });
    const mainFrame = { url: APP_URL, parent: null };
    const win = { id: 9001, mainFrame, isDestroyed: () => false, send: () => undefined, once: () => undefined, on: () => undefined };
    binding.attach(win);
    const call = (name: string, input: unknown = {}) => handlers.get(IPC_CALL)!({ sender: win, senderFrame: mainFrame }, name, input);
    const signIn = async () =>
      expect(await call('auth.signIn', { email: 'ipc@example.com', password: PASSWORD })).toEqual({
        ok: true,
        value: { user: expect.objectContaining({ email: 'ipc@example.com' }), token: '' },
      });
    try {
      await signIn();
      await signIn();
      const [first, second] = issued;
      expect(issued).toHaveLength(2);
      expect(await state(second!)).toBe('ok');
      expect(await state(first!)).toBe('unauthenticated');
      expect(await call('auth.me')).toMatchObject({ ok: true, value: { email: 'ipc@example.com' } });
      expect(await call('auth.signOut')).toEqual({ ok: true, value: { ok: true } });
      expect(await call('auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await state(second!)).toBe('unauthenticated');
    } finally {
      binding.dispose();
    }
  });
});
