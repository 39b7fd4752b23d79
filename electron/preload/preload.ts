/**
 * The whole bridge: `window.kenning = { call, on, revealDataFolder }` over three fixed channels. Nothing generic
 * (no channel parameter, no ipcRenderer): the renderer can do exactly what the contract
 * allows, and main still validates every call. Runs sandboxed; bundled to CommonJS.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';

import type { EventMessage } from '../../shared/contract/events';
import type { Reply } from '../../shared/domain/errors';
import { IPC_CALL, IPC_EVENT, IPC_REVEAL } from '../../shared/ipc-channels';
import type { KenningBridgeApi } from '../../shared/ipc-channels';

const api: KenningBridgeApi = {
  call: (name: string, input: unknown) => ipcRenderer.invoke(IPC_CALL, String(name), input) as Promise<Reply<unknown>>,
  on: (listener: (msg: EventMessage) => void) => {
    const handler = (_e: IpcRendererEvent, msg: EventMessage) => listener(msg);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
  revealDataFolder: () => ipcRenderer.invoke(IPC_REVEAL) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('kenning', api);
