/**
 * The core's `Engines` over the worker pool and the dataset queue: every request goes
 * through the queue (cap on concurrent dataset operations, one write at a time per dataset)
 * to the dataset's worker, as the `app` kind of the worker protocol.
 */
import type { AppProgress, AppRequestKind, AppResult } from '../../../shared/worker-app-protocol';
import type { CoreConfig } from '../config';
import type { Engines } from '../engines';
import { DatasetQueue } from './dataset-queue';
import { EnginePool } from './engine-pool';
import type { WorkerLauncher } from './launcher';

export type PooledEngines = Engines & Readonly<{ pool: EnginePool; queue: DatasetQueue }>;

export function pooledEngines(home: string, config: CoreConfig, launcher: WorkerLauncher): PooledEngines {
  const pool = new EnginePool({ home, launcher, idleMs: config.workerIdleMs, maxLive: config.maxLiveWorkers });
  const queue = new DatasetQueue(pool, { enabled: config.queueEnabled, maxConcurrent: config.queueMaxConcurrent });
  return {
    pool,
    queue,
    request: <K extends AppRequestKind>(...[ref, mode, body, opts]: Parameters<Engines['request']>) =>
      queue.withDataset(ref, mode, async (worker) => {
        const value = await worker.call(
          { kind: 'app', request: body },
          {
            ...(opts?.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
            ...(opts?.signal ? { signal: opts.signal } : {}),
            ...(opts?.onProgress ? { onProgress: (e) => opts.onProgress!({ stage: e.stage as AppProgress['stage'], bytes: e.done ?? 0 }) } : {}),
          },
        );
        return value as AppResult<K>;
      }),
    deleteDataset: (ref) => pool.deleteDataset(ref),
    close: () => pool.close(),
  };
}
