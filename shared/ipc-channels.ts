/**
 * The two fixed IPC channels between the Electron preload and the main process, and the
 * shape of what the preload exposes as `window.kenning`. Imports nothing but types, so the
 * renderer's transport, the preload and the main process all reference one definition.
 */
import type { EventMessage } from './contract/events';
import type { Reply } from './domain/errors';

/** `ipcRenderer.invoke(IPC_CALL, name, input)` → `Reply`. The only invoke channel. */
export const IPC_CALL = 'kenning:call';
/** `webContents.send(IPC_EVENT, { event, payload })`: events for the window's session. */
export const IPC_EVENT = 'kenning:event';

/**
 * `ipcRenderer.invoke(IPC_REVEAL)` → boolean: opens the data folder in the OS file manager.
 * Takes no argument: main opens its own data home, never a path the renderer names.
 */
export const IPC_REVEAL = 'kenning:reveal-data-folder';

/**
 * `window.kenning`: exactly these three members. The session token stays in the main process;
 * the renderer never sees it (auth.signIn / auth.autoSignIn replies carry `token: ''`).
 */
export type KenningBridgeApi = Readonly<{
  /** Calls a contract procedure; never rejects for a failed call, the error is in the Reply. */
  call(name: string, input: unknown): Promise<Reply<unknown>>;
  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: (msg: EventMessage) => void): () => void;
  /** Shows the data folder in the file manager (signed-in windows only); false when refused. */
  revealDataFolder(): Promise<boolean>;
}>;
