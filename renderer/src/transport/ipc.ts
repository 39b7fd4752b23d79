import type { ProcedureName } from '../../../shared/contract/procedures';
import type { KenningBridgeApi } from '../../../shared/ipc-channels';
import type { Transport } from './types';

/** The preload bridge when running inside Electron, otherwise undefined. */
export function findBridge(): KenningBridgeApi | undefined {
  return (globalThis as { kenning?: KenningBridgeApi }).kenning;
}

/**
 * Transport over the preload bridge (shared/ipc-channels.ts): data.add takes
 * `files: [{ name, bytes }]` as is; the session lives in the main process.
 */
export function ipcTransport(bridge: KenningBridgeApi): Transport {
  return {
    kind: 'ipc',
    call: (name: ProcedureName, input: unknown) => bridge.call(name, input),
    on: (listener) => bridge.on(listener),
    // The main process binds the session to the window, so events follow sign-in by themselves.
    sessionChanged: () => undefined,
    // Main opens its own data home; the path shown in the renderer is never sent back.
    reveal: async () => {
      await bridge.revealDataFolder();
    },
  };
}
