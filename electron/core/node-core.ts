/**
 * Core options for plain Node (the host and the tests): dataset workers via
 * child_process.fork. The Electron shell builds the same options with its utilityProcess
 * launcher — the only difference between the two.
 */
import type { CoreOptions } from './core';
import type { CoreConfig } from './config';
import { nodeLauncher } from './datasets/launcher-node';
import type { WorkerLauncher } from './datasets/launcher';
import { pooledEngines } from './datasets/pooled-engines';
import type { Log } from './log';
import { CognifyRunner } from './pipeline/cognify-runner';

export function coreOptions(o: { home: string; launcher: WorkerLauncher; config?: Partial<CoreConfig>; log?: Log }): CoreOptions {
  return {
    home: o.home,
    ...(o.config ? { config: o.config } : {}),
    ...(o.log ? { log: o.log } : {}),
    engines: ({ home, config }) => pooledEngines(home, config, o.launcher),
    cognify: (services) => new CognifyRunner(services),
  };
}

export function nodeCoreOptions(o: { home: string; config?: Partial<CoreConfig>; log?: Log; workerEntry?: string }): CoreOptions {
  return coreOptions({ ...o, launcher: nodeLauncher(o.workerEntry ? { entry: o.workerEntry } : {}) });
}
