/**
 * The worker's end of the message channel. The same worker module runs under Electron's
 * utilityProcess (`process.parentPort`) and under Node's child_process.fork (`process.send`);
 * both carry values by structured clone.
 */
import type { ReplyEnvelope } from '../../shared/worker-protocol';

/** Lifetime: the process. */
export interface WorkerPort {
  /** Sends one reply or progress envelope to main. */
  send(msg: ReplyEnvelope): void;
  /** Registers the handler for messages from main. */
  onMessage(cb: (msg: unknown) => void): void;
  /** Registers a callback for main going away (Node fork only; Electron kills utility processes with the app). */
  onDisconnect(cb: () => void): void;
  /** Resolves once messages already sent have left the process (call before exiting). */
  drain(): Promise<void>;
}

type ElectronParentPort = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
};

/** Picks the channel this process was started with; throws when started some other way. */
export function detectPort(): WorkerPort {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (cb) => parentPort.on('message', (e) => cb(e.data)),
      onDisconnect: () => undefined,
      // postMessage only enqueues; give the IPC thread a turn before the process goes.
      drain: () => new Promise((r) => setTimeout(r, 20)),
    };
  }
  const send = process.send?.bind(process);
  if (send) {
    let pending = 0;
    const drained: (() => void)[] = [];
    const settle = () => {
      pending--;
      if (pending === 0) for (const r of drained.splice(0)) r();
    };
    return {
      send: (m) => {
        if (!process.connected) return;
        pending++;
        send(m, undefined, undefined, settle);
      },
      onMessage: (cb) => process.on('message', (m) => cb(m)),
      onDisconnect: (cb) => process.on('disconnect', cb),
      drain: () => (pending === 0 || !process.connected ? Promise.resolve() : new Promise<void>((r) => drained.push(r))),
    };
  }
  throw new Error('The dataset worker must be started by the app (no parent channel found)');
}
