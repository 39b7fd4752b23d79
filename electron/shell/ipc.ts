/**
 * The one IPC binding: `kenning:call` → core.call, events → `kenning:event`. Like VS Code's
 * validatedIpcMain, every call first proves it comes from our window's main frame at our
 * origin; like electron-trpc's createContext, the session is looked up per sender in main.
 * The session token never reaches the renderer: the core's session effects (signed in / out)
 * are applied to the window's entry here, and sign-in replies are sent on with `token: ''`.
 *
 * A session belongs to one page (document) of a window, not to the window: a reload or any
 * other main-frame navigation ends it, so whatever runs in the next document starts signed out.
 *
 * Electron's objects come in as parameters (main.ts passes ipcMain and shell), typed by the few
 * members used here: this file imports no 'electron' value, so tests drive it with fakes.
 */
import type { EventMessage } from '../../shared/contract/events';
import type { ProcedureName } from '../../shared/contract/procedures';
import type { Reply } from '../../shared/domain/errors';
import { IPC_CALL, IPC_EVENT, IPC_REVEAL } from '../../shared/ipc-channels';
import type { Core } from '../core/core';
import { splitSession, withoutToken } from '../core/session-effect';
import type { SessionEffect } from '../core/session-effect';

/** The parts of a frame (Electron's WebFrameMain) the sender check reads. */
type FrameLike = Readonly<{ url: string; parent: unknown }>;

/** The parts of an invoke event (Electron's IpcMainInvokeEvent) the binding reads. */
export type InvokeEventLike = Readonly<{
  sender: Readonly<{ id: number; mainFrame: FrameLike }>;
  /** Null once the frame is gone. */
  senderFrame: FrameLike | null;
}>;

/** Electron's ipcMain, as used here. */
export type IpcMainLike = Readonly<{
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}>;

/** A window's webContents, as used here. */
export type WindowContentsLike = {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
  /** A main-frame navigation committed a new document (a reload included; in-page navigations excluded). */
  on(event: 'did-navigate', listener: () => void): unknown;
};

export type IpcHost = Readonly<{
  ipcMain: IpcMainLike;
  /** Electron's shell.openPath: '' on success, else an error message. */
  openPath(path: string): Promise<string>;
}>;

/** What the binding uses of the core. */
export type IpcCore = Pick<Core, 'call' | 'subscribe' | 'services'>;

export type IpcBinding = Readonly<{
  /** Starts event delivery to a window's webContents; stops by itself when it is destroyed. */
  attach(contents: WindowContentsLike): void;
  /** Removes the handler and every subscription. */
  dispose(): void;
}>;

const refused = (message: string): Reply<never> => ({ ok: false, error: { code: 'permission_denied', message } });

/**
 * Binds the core to IPC. `isOwnOrigin` decides whether a frame URL is our renderer.
 * Call once (a second ipcMain.handle on the same channel throws).
 */
export function bindIpc(core: IpcCore, isOwnOrigin: (url: string) => boolean, host: IpcHost): IpcBinding {
  const { ipcMain } = host;
  const tokens = new Map<number, string>(); // webContents.id → session token of its current page
  // webContents.id → number of the page on screen (bumped by every main-frame navigation);
  // absent once the window is gone. A sign-in that finishes on another page is not kept.
  const pages = new Map<number, number>();
  const subscriptions = new Map<number, () => void>();

  const signOut = (token: string | undefined) => {
    if (token) void core.call({ token }, 'auth.signOut', {});
  };
  const endSession = (id: number) => {
    const token = tokens.get(id);
    tokens.delete(id);
    signOut(token);
  };

  const fromOwnWindow = (event: InvokeEventLike): boolean => {
    const frame = event.senderFrame;
    if (!frame) return false; // frame already gone
    if (!pages.has(event.sender.id)) return false; // not one of our windows
    if (frame.parent !== null || frame !== event.sender.mainFrame) return false; // subframe
    return isOwnOrigin(frame.url); // navigated elsewhere
  };

  /**
   * Applies a session effect to the window that asked, if its page is still the one on screen.
   * The core already ended the session the call was made with (`sent`).
   */
  const applySession = (id: number, page: number | undefined, sent: string | null, effect: SessionEffect) => {
    const samePage = pages.get(id) === page;
    if (effect.kind === 'signed-out') {
      if (samePage) tokens.delete(id);
      return;
    }
    // The page that asked was reloaded, navigated or closed meanwhile: nobody may inherit this session.
    if (!samePage) return signOut(effect.token);
    const replaced = tokens.get(id);
    tokens.set(id, effect.token);
    // One session per page: a session another sign-in on this page set meanwhile ends too.
    if (replaced && replaced !== effect.token && replaced !== sent) signOut(replaced);
  };

  ipcMain.handle(IPC_CALL, async (event, name: unknown, input: unknown): Promise<Reply<unknown>> => {
    if (!fromOwnWindow(event)) return refused('unexpected sender');
    if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'procedure name must be a string' } };
    const id = event.sender.id;
    const page = pages.get(id);
    const token = tokens.get(id) ?? null;
    // The core validates the name and the input; the cast only satisfies the type.
    const { reply, session } = splitSession(await core.call({ token }, name as ProcedureName, input));
    if (!session) return reply;
    applySession(id, page, token, session);
    return withoutToken(reply); // the token stays in main
  });

  // The data folder is the core's own home; the renderer cannot name any other path.
  ipcMain.handle(IPC_REVEAL, async (event): Promise<boolean> => {
    if (!fromOwnWindow(event) || !tokens.has(event.sender.id)) return false; // unexpected sender, or nobody signed in
    return (await host.openPath(core.services.home)) === '';
  });

  return {
    attach(contents) {
      const id = contents.id;
      pages.set(id, 0);
      const unsubscribe = core.subscribe(
        () => ({ token: tokens.get(id) ?? null }),
        (event, payload) => {
          if (contents.isDestroyed() || !tokens.has(id)) return; // nobody signed in: nothing to say
          const msg: EventMessage = { event, payload };
          contents.send(IPC_EVENT, msg);
        },
      );
      subscriptions.set(id, unsubscribe);
      contents.on('did-navigate', () => {
        // A new document: the session of the previous one ends with it.
        pages.set(id, (pages.get(id) ?? 0) + 1);
        endSession(id);
      });
      contents.once('destroyed', () => {
        subscriptions.get(id)?.();
        subscriptions.delete(id);
        pages.delete(id);
        // The window is gone; its session is not needed any more.
        endSession(id);
      });
    },
    dispose() {
      ipcMain.removeHandler(IPC_CALL);
      ipcMain.removeHandler(IPC_REVEAL);
      for (const u of subscriptions.values()) u();
      subscriptions.clear();
      pages.clear();
    },
  };
}
