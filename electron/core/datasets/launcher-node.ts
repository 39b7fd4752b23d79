/** WorkerLauncher over child_process.fork, for plain Node (the host, the tests). */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { TEST_HOOKS_ARG } from '../../../shared/worker-protocol';
import type { RequestEnvelope } from '../../../shared/worker-protocol';
import type { WorkerHandle, WorkerLauncher } from './launcher';

/**
 * The worker entry next to this source tree (a .ts file when running from source). A function,
 * not a constant: bundles (CommonJS, where import.meta is empty) pass their own entry and must
 * never evaluate this at load time.
 */
export function defaultWorkerEntry(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../worker/main.ts');
}

export type NodeLauncherOptions = Readonly<{
  /** Absolute path of the worker module; a .ts entry runs through tsx. */
  entry?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Tests only: starts workers that also answer the test-hook kinds (debug.hold). The host's
   * launcher (node-core.ts) never sets it, so a production worker refuses them.
   */
  testHooks?: boolean;
}>;

class NodeWorkerHandle implements WorkerHandle {
  constructor(private readonly child: ChildProcess) {}
  get pid(): number | undefined {
    return this.child.pid;
  }
  postMessage(msg: RequestEnvelope): void {
    if (this.child.connected) this.child.send(msg, (err) => void err); // a send racing the exit is reported by 'exit'
  }
  on(event: 'message' | 'exit', listener: (...args: never[]) => void): void {
    if (event === 'message') this.child.on('message', listener as unknown as (m: unknown) => void);
    else {
      let fired = false;
      const fire = (code: number | null, signal: string | null = null) => {
        if (fired) return;
        fired = true;
        (listener as unknown as (c: number | null, s: string | null) => void)(code, signal);
      };
      this.child.on('exit', fire);
      this.child.on('error', () => {
        if (this.child.pid === undefined) fire(null); // spawn failed: no 'exit' will come
      });
    }
  }
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

export function nodeLauncher(opts: NodeLauncherOptions = {}): WorkerLauncher {
  const entry = opts.entry ?? defaultWorkerEntry();
  if (!path.isAbsolute(entry)) throw new TypeError(`nodeLauncher: entry must be absolute, got "${entry}"`);
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return {
    launch(label) {
      const args = ['--kenning-dataset-worker', label, ...(opts.testHooks ? [TEST_HOOKS_ARG] : [])];
      const child = fork(entry, args, {
        serialization: 'advanced', // keeps Float32Array, Buffer, Date (FACTS: JSON loses them)
        execArgv,
        env: opts.env ?? process.env,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      return new NodeWorkerHandle(child);
    },
  };
}
