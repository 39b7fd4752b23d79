/**
 * Main's side of one dataset worker: numbers calls, enforces per-call deadlines, forwards
 * cancellation and progress, fails every pending call when the process dies, and stops the
 * process within a bounded time. Lifetime: one worker process; after exit it is dead for good
 * (the pool starts a fresh host for the next call).
 */
import { AppError, fromWire } from '../../../shared/domain/errors';
import { isReplyEnvelope } from '../../../shared/worker-protocol';
import type { ProgressEvent, RequestKind, RequestOf, ResultOf } from '../../../shared/worker-protocol';
import type { WorkerHandle, WorkerLauncher } from './launcher';
import type { DatasetPaths } from './paths';

export type CallOptions = Readonly<{
  /** Deadline for this call; past it the worker is presumed stuck and killed. */
  timeoutMs?: number;
  /** Aborting sends `cancel` to the worker; the call then settles with `cancelled` if the handler honours it. */
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
}>;

/** What code running against a dataset gets: calls only, no lifecycle. */
export interface DatasetWorker {
  readonly pid: number | undefined;
  call<K extends RequestKind>(body: RequestOf<K>, opts?: CallOptions): Promise<ResultOf<K>>;
}

export type WorkerHostOptions = Readonly<{
  launcher: WorkerLauncher;
  paths: DatasetPaths;
  label: string;
  /** Default per-call deadline. */
  callTimeoutMs: number;
  /** Deadline of `open` (process start + lock wait + engine open). */
  openTimeoutMs: number;
  /** How long `open` keeps retrying a lock held by an exiting worker. */
  lockWaitMs: number;
}>;

type Pending = {
  kind: RequestKind;
  resolve(v: unknown): void;
  reject(e: AppError): void;
  onProgress?: (e: ProgressEvent) => void;
  timer: NodeJS.Timeout;
  cleanup(): void;
};

export class WorkerHost implements DatasetWorker {
  readonly #proc: WorkerHandle;
  readonly #pending = new Map<number, Pending>();
  readonly #exitListeners: ((code: number | null) => void)[] = [];
  readonly #defaultTimeoutMs: number;
  #seq = 0;
  #alive = true;
  #stopping = false;
  /** Set when a deadline killed the process: that call fails with `timeout`, the others with `worker_crashed`. */
  #timedOutSeq: number | undefined;
  /** Resolves with the exit code once the process is gone. */
  readonly exited: Promise<number | null>;

  private constructor(proc: WorkerHandle, readonly label: string, callTimeoutMs: number) {
    this.#proc = proc;
    this.#defaultTimeoutMs = callTimeoutMs;
    let onExit!: (c: number | null) => void;
    this.exited = new Promise((r) => (onExit = r));
    proc.on('message', (m) => this.#onMessage(m));
    proc.on('exit', (code, signal) => {
      this.#alive = false;
      // The signal tells a crash in an engine (SIGSEGV, SIGABRT) from a kill (SIGKILL: a deadline or the OS).
      const why = this.#stopping ? 'was stopped' : `exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})`;
      for (const [seq, p] of this.#pending) {
        p.cleanup();
        p.reject(
          seq === this.#timedOutSeq
            ? new AppError('timeout', `The dataset worker did not answer ${p.kind} in time`)
            : new AppError('worker_crashed', `The dataset worker ${why}`),
        );
      }
      this.#pending.clear();
      onExit(code);
      for (const l of this.#exitListeners) l(code);
    });
  }

  /** Starts a worker process and opens the dataset in it; kills it again if opening fails. */
  static async start(o: WorkerHostOptions): Promise<WorkerHost> {
    const host = new WorkerHost(o.launcher.launch(o.label), o.label, o.callTimeoutMs);
    try {
      await host.call(
        { kind: 'open', graphPath: o.paths.graph, vectorPath: o.paths.vectors, lockPath: o.paths.lock, lockWaitMs: o.lockWaitMs },
        { timeoutMs: o.openTimeoutMs },
      );
      return host;
    } catch (e) {
      host.kill();
      await host.exited;
      throw e;
    }
  }

  get pid(): number | undefined {
    return this.#proc.pid;
  }

  /** False once the process has exited (or is being stopped). */
  get alive(): boolean {
    return this.#alive && !this.#stopping;
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Registers a listener for the process exit (fires once). */
  onExit(listener: (code: number | null) => void): void {
    if (!this.#alive) queueMicrotask(() => listener(null));
    else this.#exitListeners.push(listener);
  }

  call<K extends RequestKind>(body: RequestOf<K>, opts: CallOptions = {}): Promise<ResultOf<K>> {
    if (!this.#alive) return Promise.reject(new AppError('worker_crashed', 'The dataset worker is not running'));
    if (opts.signal?.aborted) return Promise.reject(new AppError('cancelled', 'Cancelled'));
    const seq = ++this.#seq;
    const timeoutMs = opts.timeoutMs ?? this.#defaultTimeoutMs;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      const onAbort = () => {
        if (this.#pending.has(seq)) this.#proc.postMessage({ seq: ++this.#seq, body: { kind: 'cancel', targetSeq: seq } });
      };
      const timer = setTimeout(() => {
        if (!this.#pending.has(seq)) return;
        // A call past its deadline means a stuck worker: kill it; the exit handler settles everything.
        this.#timedOutSeq = seq;
        this.kill();
      }, timeoutMs);
      timer.unref?.();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(seq, {
        kind: body.kind,
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress: opts.onProgress,
        timer,
        cleanup: () => {
          clearTimeout(timer);
          opts.signal?.removeEventListener('abort', onAbort);
        },
      });
      this.#proc.postMessage({ seq, body });
    });
  }

  /**
   * Graceful stop: `close` (the worker finishes queued engine work, closes engines, releases the
   * lock and exits), then a hard kill if it has not exited within `graceMs`. Idempotent.
   */
  async stop(graceMs: number): Promise<void> {
    if (!this.#alive) return;
    if (!this.#stopping) {
      this.#stopping = true;
      this.call({ kind: 'close' }, { timeoutMs: graceMs }).catch(() => undefined);
      const timer = setTimeout(() => this.kill(), graceMs);
      timer.unref?.();
      void this.exited.then(() => clearTimeout(timer));
    }
    await this.exited;
  }

  /** Hard kill; pending calls fail with `worker_crashed` (or `timeout` for the one past its deadline). */
  kill(): void {
    this.#proc.kill();
  }

  #onMessage(m: unknown): void {
    if (!isReplyEnvelope(m)) return;
    const p = this.#pending.get(m.seq);
    if (!p) return; // late answer to a call already settled
    const body = m.body;
    if (body.type === 'progress') {
      try {
        p.onProgress?.(body.event);
      } catch {
        // a faulty listener must not break the call
      }
      return;
    }
    this.#pending.delete(m.seq);
    p.cleanup();
    if (body.ok) p.resolve(body.value);
    else p.reject(fromWire(body.error));
  }
}
