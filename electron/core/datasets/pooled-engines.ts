/**
 * The core's `Engines` over the worker pool and the dataset queue: every request goes
 * through the queue (cap on concurrent dataset operations, one write at a time per dataset)
 * to the dataset's worker, as is: the worker protocol's kinds are the engine requests.
 */
import { isItemEvent } from '../../../shared/worker-protocol';
import type { ProgressEvent } from '../../../shared/worker-protocol';
import type { CoreConfig } from '../config';
import type { Engines, RequestOptions } from '../engines';
import { DatasetQueue } from './dataset-queue';
import { EnginePool } from './engine-pool';
import type { WorkerLauncher } from './launcher';
import type { CallOptions } from './worker-host';

export type PooledEngines = Engines & Readonly<{ pool: EnginePool; queue: DatasetQueue }>;

export function pooledEngines(home: string, config: CoreConfig, launcher: WorkerLauncher): PooledEngines {
  const pool = new EnginePool({ home, launcher, idleMs: config.workerIdleMs, maxLive: config.maxLiveWorkers });
  const queue = new DatasetQueue(pool, { enabled: config.queueEnabled, maxConcurrent: config.queueMaxConcurrent });
  return {
    pool,
    queue,
    request: (ref, mode, body, opts) => queue.withDataset(ref, mode, (worker) => worker.call(body, callOptions(opts))),
    deleteDataset: (ref) => pool.deleteDataset(ref),
    close: () => pool.close(),
  };
}

function callOptions(opts: RequestOptions | undefined): CallOptions {
  const onProgress = opts?.onProgress;
  return {
    ...(opts?.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts?.signal ? { signal: opts.signal } : {}),
    // Only cognify.batch reports progress: per item (dataId), a stage or outcome and its size in `done`.
    ...(onProgress ? { onProgress: (e: ProgressEvent) => forwardItemEvent(e, onProgress) } : {}),
  };
}

function forwardItemEvent(e: ProgressEvent, to: NonNullable<RequestOptions['onProgress']>): void {
  if (!isItemEvent(e.stage) || typeof e.dataId !== 'string') return;
  to({
    dataId: e.dataId,
    stage: e.stage,
    bytes: e.done ?? 0,
    ...(typeof e.message === 'string' ? { message: e.message } : {}),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
  });
}
