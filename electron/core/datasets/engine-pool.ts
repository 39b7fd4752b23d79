/**
 * At most one live worker per dataset, started on first use. A dataset in use is pinned
 * (refcount); an unpinned worker closes after `idleMs`, or earlier when more than `maxLive`
 * workers are open (least recently used first). A worker that died is replaced on the next
 * call, after the old process has fully exited (its lock is then free). Lifetime: the app.
 */
import { AppError } from '../../../shared/domain/errors';
import type { DatasetRef } from '../engines';
import type { WorkerLauncher } from './launcher';
import { datasetPaths, refKey, removeDatasetFiles } from './paths';
import type { DatasetPaths } from './paths';
import { WorkerHost } from './worker-host';
import type { DatasetWorker } from './worker-host';

export type EnginePoolOptions = Readonly<{
  /** Absolute data folder (<home>/databases/… lives below it). */
  home: string;
  launcher: WorkerLauncher;
  /** How long an unused worker stays open; 0 closes it as soon as it is released. Default 60 s. */
  idleMs?: number;
  /** Cap on live workers (LRU eviction of unpinned ones). Default 6. */
  maxLive?: number;
  /** Default per-call deadline. Default 120 s. */
  callTimeoutMs?: number;
  /** Deadline for starting a worker and opening the dataset. Default 30 s. */
  openTimeoutMs?: number;
  /** Grace period of a stop before the process is killed. Default 5 s. */
  stopGraceMs?: number;
  /** How long a new worker retries a lock an exiting one still holds. Default 5 s. */
  lockWaitMs?: number;
}>;

/** A pin on a dataset's worker. Lifetime: until `release()` (idempotent). */
export type Lease = Readonly<{ worker: DatasetWorker; release(): void }>;

type Entry = {
  readonly ref: DatasetRef;
  readonly paths: DatasetPaths;
  host: WorkerHost | undefined;
  starting: Promise<WorkerHost> | undefined;
  /** The previous process's exit; a new one starts only after it. */
  stopping: Promise<void> | undefined;
  deleting: Promise<void> | undefined;
  pins: number;
  lastUsed: number;
  idleTimer: NodeJS.Timeout | undefined;
};

export class EnginePool {
  readonly #o: Required<EnginePoolOptions>;
  readonly #entries = new Map<string, Entry>();
  #closed = false;

  constructor(o: EnginePoolOptions) {
    this.#o = {
      idleMs: 60_000,
      maxLive: 6,
      callTimeoutMs: 120_000,
      openTimeoutMs: 30_000,
      // A worker closing a big dataset checkpoints its graph and compacts its vectors: give it time.
      stopGraceMs: 30_000,
      lockWaitMs: 5_000,
      ...o,
    };
    if (!Number.isInteger(this.#o.maxLive) || this.#o.maxLive < 1) throw new TypeError('maxLive must be a positive integer');
    if (!Number.isInteger(this.#o.idleMs) || this.#o.idleMs < 0) throw new TypeError('idleMs must be ≥ 0');
  }

  get idleMs(): number {
    return this.#o.idleMs;
  }

  /** Number of worker processes running (or starting). */
  get liveCount(): number {
    let n = 0;
    for (const e of this.#entries.values()) if (e.host?.alive || e.starting) n++;
    return n;
  }

  /** Pid of the dataset's live worker, if any. */
  pidOf(ref: DatasetRef): number | undefined {
    const h = this.#entries.get(refKey(ref))?.host;
    return h?.alive ? h.pid : undefined;
  }

  /** Resolves once no process of this dataset is stopping. */
  async whenStopped(ref: DatasetRef): Promise<void> {
    await this.#entries.get(refKey(ref))?.stopping;
  }

  /** Pins the dataset and returns its worker, starting one if needed. */
  async acquire(ref: DatasetRef): Promise<Lease> {
    if (this.#closed) throw new AppError('internal', 'The engine pool is closed');
    const e = this.#entry(ref);
    await e.deleting;
    e.pins++;
    e.lastUsed = Date.now();
    if (e.idleTimer) clearTimeout(e.idleTimer);
    e.idleTimer = undefined;
    let host: WorkerHost;
    try {
      host = await this.#ensureHost(e);
    } catch (err) {
      this.#unpin(e);
      throw err;
    }
    let released = false;
    return {
      worker: host,
      release: () => {
        if (released) return;
        released = true;
        this.#unpin(e);
      },
    };
  }

  /** Runs `fn` with the dataset pinned. */
  async withWorker<T>(ref: DatasetRef, fn: (w: DatasetWorker) => Promise<T>): Promise<T> {
    const lease = await this.acquire(ref);
    try {
      return await fn(lease.worker);
    } finally {
      lease.release();
    }
  }

  /** Stops the dataset's worker now if nobody holds it; the next acquire waits for the exit. */
  teardown(ref: DatasetRef): Promise<void> {
    const e = this.#entries.get(refKey(ref));
    if (!e || e.pins > 0) return Promise.resolve();
    return this.#stop(e);
  }

  /** Stops the dataset's worker (even if pinned: its calls fail), then removes all its files. */
  async deleteDataset(ref: DatasetRef): Promise<void> {
    const e = this.#entry(ref);
    const run = async () => {
      await e.starting?.catch(() => undefined);
      await this.#stop(e);
      await e.stopping;
      await removeDatasetFiles(e.paths);
    };
    const p = (e.deleting ?? Promise.resolve()).then(run);
    e.deleting = p;
    try {
      await p;
    } finally {
      if (e.deleting === p) e.deleting = undefined;
      if (e.pins === 0 && !e.host && !e.starting) this.#entries.delete(refKey(ref));
    }
  }

  /** Stops every worker (app shutdown). The pool refuses new work afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#entries.values()].map(async (e) => {
      await e.starting?.catch(() => undefined);
      await this.#stop(e);
    }));
  }

  #entry(ref: DatasetRef): Entry {
    const paths = datasetPaths(this.#o.home, ref.ownerId, ref.datasetId); // validates both ids
    const key = refKey(ref);
    let e = this.#entries.get(key);
    if (!e) {
      e = { ref, paths, host: undefined, starting: undefined, stopping: undefined, deleting: undefined, pins: 0, lastUsed: 0, idleTimer: undefined };
      this.#entries.set(key, e);
    }
    return e;
  }

  async #ensureHost(e: Entry): Promise<WorkerHost> {
    if (e.host?.alive) return e.host;
    if (!e.starting) {
      e.starting = (async () => {
        await e.stopping; // the old process must be gone before a new one opens the files
        const host = await WorkerHost.start({
          launcher: this.#o.launcher,
          paths: e.paths,
          label: refKey(e.ref),
          callTimeoutMs: this.#o.callTimeoutMs,
          openTimeoutMs: this.#o.openTimeoutMs,
          lockWaitMs: this.#o.lockWaitMs,
        });
        e.host = host;
        host.onExit(() => {
          if (e.host === host) e.host = undefined;
        });
        return host;
      })().finally(() => {
        e.starting = undefined;
      });
      void e.starting.then(() => this.#evictOverCap(e), () => undefined);
    }
    return e.starting;
  }

  #unpin(e: Entry): void {
    e.pins--;
    e.lastUsed = Date.now();
    if (e.pins > 0) return;
    if (e.idleTimer) clearTimeout(e.idleTimer);
    e.idleTimer = setTimeout(() => {
      e.idleTimer = undefined;
      if (e.pins === 0) void this.#stop(e);
    }, this.#o.idleMs);
    e.idleTimer.unref?.();
    this.#evictOverCap(undefined);
  }

  /** Closes least recently used unpinned workers while more than maxLive run. */
  #evictOverCap(keep: Entry | undefined): void {
    let live = [...this.#entries.values()].filter((x) => x.host?.alive);
    while (live.length > this.#o.maxLive) {
      const victim = live.filter((x) => x.pins === 0 && x !== keep).sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (!victim) return; // all pinned: the cap is exceeded until one is released
      void this.#stop(victim);
      live = live.filter((x) => x !== victim);
    }
  }

  #stop(e: Entry): Promise<void> {
    if (e.idleTimer) clearTimeout(e.idleTimer);
    e.idleTimer = undefined;
    const host = e.host;
    if (!host) return e.stopping ?? Promise.resolve();
    e.host = undefined;
    const p = host.stop(this.#o.stopGraceMs).finally(() => {
      if (e.stopping === p) e.stopping = undefined;
    });
    e.stopping = p;
    return p;
  }
}
