/**
 * The Electron IPC binding (electron/shell/ipc.ts), executed the way electron-trpc tests its
 * handler: a fake ipcMain (handle / removeHandler / invoke), fake webContents and frames
 * ({ url, parent }), over a real core (real SQLite, real sessions). No 'electron' import: the
 * binding receives ipcMain and openPath as parameters.
 */
import { EventEmitter } from 'node:events';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Session } from '../../../electron/core/dispatch';
import { APP_URL, isOwnOrigin } from '../../../electron/shell/app-origin';
import { bindIpc } from '../../../electron/shell/ipc';
import type { InvokeEventLike, IpcBinding, IpcCore, IpcMainLike } from '../../../electron/shell/ipc';
import type { EventMessage } from '../../../shared/contract/events';
import type { Output, ProcedureName } from '../../../shared/contract/procedures';
import type { Reply } from '../../../shared/domain/errors';
import { IPC_CALL, IPC_EVENT, IPC_REVEAL } from '../../../shared/ipc-channels';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** Electron's ipcMain as far as the binding sees it, plus `invoke` standing in for the renderer. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event, ...args);
  }
}

type Frame = { url: string; parent: Frame | null };

/** A BrowserWindow's webContents: an id, a main frame, sent messages, and the events Electron emits. */
class FakeWindow extends EventEmitter {
  static #next = 1;
  readonly id = FakeWindow.#next++;
  readonly mainFrame: Frame = { url: APP_URL, parent: null };
  readonly sent: EventMessage[] = [];
  #destroyed = false;
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  send(channel: string, msg: unknown): void {
    if (channel === IPC_EVENT) this.sent.push(msg as EventMessage);
  }
  /** A reload: the same main frame commits a new document (Electron emits did-navigate). */
  reload(): void {
    this.emit('did-navigate', {}, this.mainFrame.url, -1, '');
  }
  destroy(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }
  /** An invoke event sent from `frame` (the main frame by default). */
  from(frame: Frame | null = this.mainFrame): InvokeEventLike {
    return { sender: this, senderFrame: frame };
  }
}

describe('bindIpc', () => {
  let t: TestCore;
  let n = 0;
  /** Procedure names the core received through the binding, and the session tokens it issued. */
  const seen: string[] = [];
  const issued: string[] = [];
  /** While set, sign-in replies wait for it (to finish a sign-in after a reload). */
  let hold: Promise<void> | null = null;
  const opened: string[] = [];
  let ipcMain: FakeIpcMain;
  let binding: IpcBinding;

  const core = (): IpcCore => ({
    services: t.core.services,
    subscribe: (session, listener) => t.core.subscribe(session, listener),
    call: async <N extends ProcedureName>(session: Session, name: N, input: unknown): Promise<Reply<Output<N>>> => {
      seen.push(name);
      const r = await t.core.call(session, name, input);
      if (r.ok && (name === 'auth.signIn' || name === 'auth.autoSignIn')) {
        issued.push((r.value as { token: string }).token);
        if (hold) await hold;
      }
      return r;
    },
  });

  const call = (win: FakeWindow, name: unknown, input: unknown = {}, frame?: Frame | null) =>
    ipcMain.invoke(win.from(frame), IPC_CALL, name, input) as Promise<Reply<unknown>>;
  const reveal = (win: FakeWindow, frame?: Frame | null) => ipcMain.invoke(win.from(frame), IPC_REVEAL) as Promise<boolean>;
  /** What the core says about a token, asked directly (not through the binding). */
  const direct = async (token: string) => {
    const r = await t.core.call({ token }, 'auth.me', {});
    return r.ok ? 'ok' : r.error.code;
  };
  const UNEXPECTED = { ok: false, error: { code: 'permission_denied', message: 'unexpected sender' } };

  /** A window attached to the binding with a freshly registered profile signed in through IPC. */
  async function signedInWindow(): Promise<{ win: FakeWindow; email: string; token: string }> {
    const win = new FakeWindow();
    binding.attach(win);
    const email = `ipc-${++n}@example.com`;
    expect(await call(win, 'auth.register', { email, password: 'password-123' })).toMatchObject({ ok: true });
    const r = await call(win, 'auth.signIn', { email, password: 'password-123' });
    expect(r).toMatchObject({ ok: true, value: { token: '', user: { email } } }); // the token stays in main
    return { win, email, token: issued.at(-1)! };
  }

  beforeAll(async () => {
    t = await openTestCore();
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    ipcMain = new FakeIpcMain();
    seen.length = 0;
    opened.length = 0;
    hold = null;
    binding = bindIpc(core(), isOwnOrigin, { ipcMain, openPath: async (p) => (opened.push(p), '') });
  });
  afterEach(() => binding.dispose());

  it('answers its window’s main frame at the app origin; the session lives in main, keyed by window', async () => {
    const { win, email, token } = await signedInWindow();
    expect(token).toMatch(/.{16,}/);
    expect(await call(win, 'auth.me')).toMatchObject({ ok: true, value: { email } });
    expect(await reveal(win)).toBe(true);
    expect(opened).toEqual([t.home]);
    // Another window of ours has its own (empty) session.
    const other = new FakeWindow();
    binding.attach(other);
    expect(await call(other, 'auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await reveal(other)).toBe(false); // nobody signed in there
  });

  it('refuses a sub-frame, a second top-level frame, a vanished frame and a window it never attached', async () => {
    const { win } = await signedInWindow();
    const stranger = new FakeWindow(); // not attached: e.g. a devtools or a window opened elsewhere
    stranger.mainFrame.url = APP_URL;
    const cases: [FakeWindow, Frame | null][] = [
      [win, { url: APP_URL, parent: win.mainFrame }], // an iframe, even one serving our own page
      [win, { url: APP_URL, parent: null }], // a top-level frame that is not this window's main frame
      [win, null], // the frame is gone
      [stranger, stranger.mainFrame],
    ];
    seen.length = 0;
    for (const [w, frame] of cases) {
      expect(await call(w, 'auth.me', {}, frame)).toEqual(UNEXPECTED);
      expect(await call(w, 'datasets.create', { name: 'sneaky' }, frame)).toEqual(UNEXPECTED);
      expect(await reveal(w, frame)).toBe(false);
    }
    expect(seen).toEqual([]); // nothing reached the core
    expect(opened).toEqual([]);
  });

  it.each([
    'https://evil.example/index.html',
    'file:///etc/passwd',
    'kenning://app@evil.example/index.html',
    'kenning://app.evil/index.html',
    'kenning://app:8080/index.html',
    'http://app/index.html',
    'not a url',
  ])('refuses the main frame once it shows %s', async (url) => {
    const { win } = await signedInWindow();
    win.mainFrame.url = url;
    seen.length = 0;
    expect(await call(win, 'auth.me')).toEqual(UNEXPECTED);
    expect(await reveal(win)).toBe(false);
    expect(seen).toEqual([]);
  });

  it('accepts exactly the app origin (Node gives kenning: URLs the opaque origin "null")', () => {
    expect(new URL(APP_URL).origin).toBe('null'); // why `origin === APP_ORIGIN` refused every call
    for (const url of [APP_URL, 'kenning://app/', 'kenning://app/assets/index.js?x=1#y']) expect(isOwnOrigin(url)).toBe(true);
  });

  it('answers a non-string procedure name with invalid_input', async () => {
    const win = new FakeWindow();
    binding.attach(win);
    expect(await call(win, 42)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a reload ends the page’s session: the new page is signed out and the old token is dead', async () => {
    const { win, token } = await signedInWindow();
    expect(await direct(token)).toBe('ok');
    win.reload();
    expect(await call(win, 'auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await reveal(win)).toBe(false);
    await vi.waitFor(async () => expect(await direct(token)).toBe('unauthenticated'));
  });

  it('a sign-in that finishes after a reload is not handed to the new page, and its session ends', async () => {
    const win = new FakeWindow();
    binding.attach(win);
    const email = `ipc-${++n}@example.com`;
    await call(win, 'auth.register', { email, password: 'password-123' });
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const pending = call(win, 'auth.signIn', { email, password: 'password-123' });
    const before = issued.length;
    await vi.waitFor(() => expect(issued.length).toBe(before + 1)); // issued, its answer held back
    const lateToken = issued.at(-1)!;
    win.reload(); // the page that asked is gone before its answer arrives
    release();
    expect(await pending).toMatchObject({ ok: true, value: { token: '' } });
    expect(await call(win, 'auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await vi.waitFor(async () => expect(await direct(lateToken)).toBe('unauthenticated'));
  });

  it('pushes events only while the page is signed in, and none after a reload', async () => {
    const { win } = await signedInWindow();
    expect(await call(win, 'datasets.create', { name: 'seen-by-window' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(win.sent.map((m) => m.event)).toContain('datasets.changed'));
    win.reload();
    win.sent.length = 0;
    // The same profile, signed in elsewhere, changes a dataset: the reloaded page hears nothing.
    const s = await t.call(null, 'auth.signIn', { email: `ipc-${n}@example.com`, password: 'password-123' });
    await t.call(s.token, 'datasets.create', { name: 'after-reload' });
    await new Promise((r) => setTimeout(r, 200));
    expect(win.sent).toEqual([]);
  });

  it('closing the window ends its session and detaches it', async () => {
    const { win, token } = await signedInWindow();
    win.destroy();
    await vi.waitFor(async () => expect(await direct(token)).toBe('unauthenticated'));
    expect(await call(win, 'auth.me')).toEqual(UNEXPECTED);
  });

  it('a new sign-in on the same page ends the previous session; sign-out forgets the token', async () => {
    const { win, email, token } = await signedInWindow();
    await call(win, 'auth.signIn', { email, password: 'password-123' });
    await vi.waitFor(async () => expect(await direct(token)).toBe('unauthenticated'));
    const second = issued.at(-1)!;
    expect(await direct(second)).toBe('ok');
    expect(await call(win, 'auth.signOut')).toMatchObject({ ok: true });
    expect(await direct(second)).toBe('unauthenticated');
    expect(await call(win, 'auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('dispose removes both handlers', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([IPC_CALL, IPC_REVEAL].sort());
    binding.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
