/**
 * The one IPC binding: `kenning:call` → core.call, events → `kenning:event`. Like VS Code's
 * validatedIpcMain, every call first proves it comes from our window's main frame at our
 * origin; like electron-trpc's createContext, the session is looked up per sender in main.
 * The session token never reaches the renderer: sign-in replies are stored here and sent
 * on with `token: ''`.
 */
import { ipcMain, shell } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';

import type { ProcedureName } from '../../shared/contract/procedures';
import type { Reply } from '../../shared/domain/errors';
import { IPC_CALL, IPC_EVENT, IPC_REVEAL } from '../../shared/ipc-channels';
import type { IpcEventMessage } from '../../shared/ipc-channels';
import type { Core } from '../core/core';

export type IpcBinding = Readonly<{
  /** Starts event delivery to a window's webContents; stops by itself when it is destroyed. */
  attach(contents: WebContents): void;
  /** Removes the handler and every subscription. */
  dispose(): void;
}>;

const refused = (message: string): Reply<never> => ({ ok: false, error: { code: 'permission_denied', message } });

/**
 * Binds the core to IPC. `isOwnOrigin` decides whether a frame URL is our renderer.
 * Call once (a second ipcMain.handle on the same channel throws).
 */
export function bindIpc(core: Core, isOwnOrigin: (url: string) => boolean): IpcBinding {
  const tokens = new Map<number, string>(); // webContents.id → session token
  const subscriptions = new Map<number, () => void>();
  const attached = new Set<number>();

  const fromOwnWindow = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame) return false; // frame already gone
    if (!attached.has(event.sender.id)) return false; // not one of our windows
    if (frame.parent !== null || frame !== event.sender.mainFrame) return false; // subframe
    return isOwnOrigin(frame.url); // navigated elsewhere
  };

  ipcMain.handle(IPC_CALL, async (event, name: unknown, input: unknown): Promise<Reply<unknown>> => {
    if (!fromOwnWindow(event)) return refused('unexpected sender');
    if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'procedure name must be a string' } };
    const id = event.sender.id;
    const token = tokens.get(id) ?? null;
    // The core validates the name and the input; the cast only satisfies the type.
    const r = await core.call({ token }, name as ProcedureName, input);
    if (r.ok && (name === 'auth.signIn' || name === 'auth.autoSignIn')) {
      const value = r.value as { token: string };
      if (token && token !== value.token) void core.call({ token }, 'auth.signOut', {}); // one session per window
      tokens.set(id, value.token);
      return { ok: true, value: { ...value, token: '' } };
    }
    if (r.ok && name === 'auth.signOut') tokens.delete(id);
    return r;
  });

  // The data folder is the core's own home; the renderer cannot name any other path.
  ipcMain.handle(IPC_REVEAL, async (event): Promise<boolean> => {
    if (!fromOwnWindow(event) || !tokens.has(event.sender.id)) return false; // unexpected sender, or nobody signed in
    return (await shell.openPath(core.services.home)) === '';
  });

  return {
    attach(contents) {
      const id = contents.id;
      attached.add(id);
      const unsubscribe = core.subscribe(
        () => ({ token: tokens.get(id) ?? null }),
        (event, payload) => {
          if (contents.isDestroyed() || !tokens.has(id)) return; // nobody signed in: nothing to say
          const msg: IpcEventMessage = { event, payload };
          contents.send(IPC_EVENT, msg);
        },
      );
      subscriptions.set(id, unsubscribe);
      contents.once('destroyed', () => {
        subscriptions.get(id)?.();
        subscriptions.delete(id);
        attached.delete(id);
        const token = tokens.get(id);
        tokens.delete(id);
        // The window is gone; its session is not needed any more.
        if (token) void core.call({ token }, 'auth.signOut', {});
      });
    },
    dispose() {
      ipcMain.removeHandler(IPC_CALL);
      ipcMain.removeHandler(IPC_REVEAL);
      for (const u of subscriptions.values()) u();
      subscriptions.clear();
      attached.clear();
    },
  };
}
