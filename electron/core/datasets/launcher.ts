/**
 * How main starts a dataset worker process. Two implementations: launcher-node.ts
 * (child_process.fork, used by the host and the tests) and shell/launcher-electron.ts
 * (utilityProcess.fork). Both carry messages by structured clone.
 */
import type { RequestEnvelope } from '../../../shared/worker-protocol';

/** A started worker process. Lifetime: until its 'exit' event. */
export interface WorkerHandle {
  /** OS process id; undefined until the process has spawned (Electron) or if spawning failed. */
  readonly pid: number | undefined;
  /** Sends one request envelope; silently dropped once the process is gone. */
  postMessage(msg: RequestEnvelope): void;
  on(event: 'message', listener: (msg: unknown) => void): void;
  /** Fires exactly once, with the exit code (null when killed by a signal) and the signal's name when one ended it. */
  on(event: 'exit', listener: (code: number | null, signal?: string | null) => void): void;
  /** Hard kill (SIGKILL or the platform's equivalent). Safe to call after exit. */
  kill(): void;
}

export interface WorkerLauncher {
  /** Starts one worker process running electron/worker/main. `label` names it in logs. */
  launch(label: string): WorkerHandle;
}
