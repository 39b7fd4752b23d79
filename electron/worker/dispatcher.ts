/**
 * Decodes request envelopes, runs the handler for each kind and sends exactly one result per
 * seq. Handlers that touch the engines run one at a time in arrival order (the "engine lane":
 * Kùzu transactions and Lance writes on one connection must not interleave); control kinds
 * (ping, cancel) answer at once, even while a long call runs.
 */
import { AppError, toWire } from '../../shared/domain/errors';
import { isRequestEnvelope } from '../../shared/worker-protocol';
import type { ProductKind, ProgressEvent, ReplyEnvelope, RequestKind, RequestOf, ResultOf, TestHookKind } from '../../shared/worker-protocol';
import type { WorkerSession } from './session';

/** What a handler gets besides its request. Lifetime: one request. */
export type HandlerContext = Readonly<{
  seq: number;
  /** Aborted when main sends `cancel` for this seq or the worker is closing. */
  signal: AbortSignal;
  /** Sends a progress message tagged with this request's seq. */
  progress(event: ProgressEvent): void;
  /** Runs `fn` inside the engine lane (for handlers declared `serial: false` that write in parts). */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** `serial` that still runs after a cancel: for committing work a cancelled request already did. */
  serialEvenIfCancelled<T>(fn: () => Promise<T>): Promise<T>;
  session: WorkerSession;
  /** Aborts another running request; true when it was found. */
  cancel(targetSeq: number): boolean;
}>;

export type Handler<K extends RequestKind> = Readonly<{
  /** True: the whole call runs inside the engine lane. */
  serial: boolean;
  run(req: RequestOf<K>, ctx: HandlerContext): Promise<ResultOf<K>>;
}>;

/**
 * One handler per product kind (a missing one is a compile error); test-hook kinds are present
 * only in a worker started for tests (handlers/table.ts).
 */
export type HandlerTable = { readonly [K in ProductKind]: Handler<K> } & { readonly [K in TestHookKind]?: Handler<K> };

export class Dispatcher {
  readonly #active = new Map<number, AbortController>();
  #lane: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly handlers: HandlerTable,
    private readonly session: WorkerSession,
    private readonly send: (m: ReplyEnvelope) => void,
  ) {}

  /** Number of requests received and not yet answered. */
  get inFlight(): number {
    return this.#active.size;
  }

  /** Handles one raw message; resolves after its reply was sent. Never throws. */
  async dispatch(raw: unknown): Promise<void> {
    if (!isRequestEnvelope(raw)) return; // not ours: nothing to answer to
    const { seq, body } = raw;
    // Own properties only: a kind such as "constructor" or "__proto__" must not reach Object.prototype.
    const handler = Object.hasOwn(this.handlers, body.kind) ? (this.handlers as Record<string, Handler<RequestKind> | undefined>)[body.kind] : undefined;
    if (!handler) {
      this.send({ seq, body: { type: 'result', ok: false, error: toWire(new AppError('invalid_input', `Unknown request kind "${body.kind}"`)) } });
      return;
    }
    const ac = new AbortController();
    this.#active.set(seq, ac);
    const ctx: HandlerContext = {
      seq,
      signal: ac.signal,
      progress: (event) => this.send({ seq, body: { type: 'progress', event } }),
      serial: (fn) =>
        this.#inLane(() => {
          if (ac.signal.aborted) throw new AppError('cancelled', 'Cancelled before it started');
          return fn();
        }),
      serialEvenIfCancelled: (fn) => this.#inLane(fn),
      session: this.session,
      cancel: (target) => this.#cancel(target),
    };
    try {
      const run = () => {
        if (ac.signal.aborted) throw new AppError('cancelled', 'Cancelled before it started');
        return handler.run(body as never, ctx);
      };
      const value = await (handler.serial ? this.#inLane(run) : run());
      this.send({ seq, body: { type: 'result', ok: true, value } });
    } catch (e) {
      if (!(e instanceof AppError)) console.error(`[worker ${process.pid}] ${body.kind} failed:`, e);
      this.send({ seq, body: { type: 'result', ok: false, error: toWire(e) } });
    } finally {
      this.#active.delete(seq);
    }
  }

  /** Aborts every running request (used when closing). */
  abortAll(): void {
    for (const ac of this.#active.values()) ac.abort();
  }

  #cancel(target: number): boolean {
    const ac = this.#active.get(target);
    ac?.abort();
    return ac !== undefined;
  }

  #inLane<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#lane.then(fn, fn);
    this.#lane = next.catch(() => undefined);
    return next;
  }
}
