/**
 * Admission to dataset operations (Cognee's DATASET_QUEUE_*): at most `maxConcurrent`
 * operations run across the app, admitted first come first served; writes to one dataset run
 * one at a time while reads run beside them. When the last holder of a dataset leaves and the
 * pool's idle time is 0, its worker is torn down at once (the next call waits for that process
 * to exit). Disabled, the queue admits everything and teardown is left to idle eviction.
 * Lifetime: the app.
 */
import type { DatasetRef } from '../engines';
import type { EnginePool } from './engine-pool';
import { FifoSemaphore } from './fifo-semaphore';
import { refKey } from './paths';
import type { DatasetWorker } from './worker-host';

export type DatasetQueueOptions = Readonly<{
  /** DATASET_QUEUE_ENABLED (default on; the caller reads the environment). */
  enabled: boolean;
  /** DATASET_QUEUE_MAX_CONCURRENT (default 6). */
  maxConcurrent: number;
}>;

export type AccessMode = 'read' | 'write';

export class DatasetQueue {
  readonly #slots: FifoSemaphore | undefined;
  readonly #writeLocks = new Map<string, FifoSemaphore>();
  readonly #holders = new Map<string, number>();

  constructor(
    private readonly pool: EnginePool,
    private readonly opts: DatasetQueueOptions = { enabled: true, maxConcurrent: 6 },
  ) {
    this.#slots = opts.enabled ? new FifoSemaphore(opts.maxConcurrent) : undefined;
  }

  /** Operations running now. */
  get running(): number {
    let n = 0;
    for (const v of this.#holders.values()) n += v;
    return n;
  }

  /** Operations waiting for a slot. */
  get waiting(): number {
    return this.#slots?.waiting ?? 0;
  }

  /** Runs `fn` against the dataset's worker once admitted; the dataset stays pinned meanwhile. */
  async withDataset<T>(ref: DatasetRef, mode: AccessMode, fn: (worker: DatasetWorker) => Promise<T>): Promise<T> {
    const key = refKey(ref);
    // The per-dataset write turn comes before the global slot, so a queued write never sits on a slot.
    const releaseWrite = mode === 'write' ? await this.#writeLock(key).acquire() : undefined;
    let releaseSlot: (() => void) | undefined;
    try {
      releaseSlot = await this.#slots?.acquire();
      this.#holders.set(key, (this.#holders.get(key) ?? 0) + 1);
      try {
        return await this.pool.withWorker(ref, fn);
      } finally {
        this.#leave(ref, key);
      }
    } finally {
      releaseSlot?.();
      releaseWrite?.();
    }
  }

  #leave(ref: DatasetRef, key: string): void {
    const left = (this.#holders.get(key) ?? 1) - 1;
    if (left > 0) {
      this.#holders.set(key, left);
      return;
    }
    this.#holders.delete(key);
    if (this.opts.enabled && this.pool.idleMs === 0) void this.pool.teardown(ref);
  }

  #writeLock(key: string): FifoSemaphore {
    let s = this.#writeLocks.get(key);
    if (!s) {
      s = new FifoSemaphore(1);
      this.#writeLocks.set(key, s);
    }
    return s;
  }
}
