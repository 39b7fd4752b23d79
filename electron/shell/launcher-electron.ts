/**
 * WorkerLauncher over Electron's utilityProcess. The only dataset-engine file that imports
 * 'electron'; it cannot run in this build environment (no Electron binary), so it stays small
 * enough to be right by inspection. utilityProcess messages use structured clone, like
 * child_process.fork with `serialization: 'advanced'`.
 */
import { utilityProcess } from 'electron';

import type { WorkerHandle, WorkerLauncher } from '../core/datasets/launcher';

/** `entry`: absolute path of the built worker module (dist/…/worker.js). Call after app 'ready'. */
export function electronLauncher(entry: string): WorkerLauncher {
  return {
    launch(label: string): WorkerHandle {
      const proc = utilityProcess.fork(entry, ['--kenning-dataset-worker', label], {
        serviceName: `Kenning dataset ${label}`,
        stdio: 'inherit',
      });
      let exited = false;
      proc.once('exit', () => {
        exited = true;
      });
      return {
        get pid() {
          return proc.pid;
        },
        postMessage: (msg) => {
          if (!exited) proc.postMessage(msg);
        },
        on(event: 'message' | 'exit', listener: (arg: never) => void) {
          if (event === 'message') proc.on('message', listener as (m: unknown) => void);
          else proc.once('exit', listener as (code: number) => void);
        },
        kill: () => {
          if (!exited) proc.kill();
        },
      } as WorkerHandle;
    },
  };
}
