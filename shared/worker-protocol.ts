/**
 * Main ↔ dataset-worker messages. One worker process owns one dataset's graph and vector
 * stores; main talks to it only through these readonly discriminated unions.
 *
 * Every message is an envelope `{ seq, body }`. Main numbers its requests; the worker answers
 * each with exactly one `result` carrying the same seq, optionally preceded by `progress`
 * messages with that seq. Values travel by structured clone (Electron's utilityProcess, and
 * child_process.fork with `serialization: 'advanced'`), so Float32Array survives the trip.
 *
 * Adding a kind: add it to `WorkerRequest`, its result to `WorkerResults`, and a handler to the
 * worker's handler table (the table's type makes a missing handler a compile error).
 *
 * Main reaches the stores only through the `app` kind (worker-app-protocol.ts): there are no
 * store-level kinds, so nothing that talks to a worker can write a raw graph item or vector row.
 */
import type { WireError } from './domain/errors';
import type { AppRequest } from './worker-app-protocol';

export type OpenInfo = Readonly<{
  pid: number;
  /** Milliseconds from receiving `open` to both stores being ready (lock wait included). */
  openMs: number;
  /** Milliseconds spent waiting for the dataset lock. */
  lockWaitMs: number;
}>;

/** Every request main can send. `kind` names the verb. */
export type WorkerRequest = Readonly<
  // lifecycle
  | {
      kind: 'open';
      /** Absolute paths built by core/datasets/paths.ts from UUIDs only. */
      graphPath: string;
      vectorPath: string;
      lockPath: string;
      /** How long to retry a lock still held by an exiting worker before failing with `locked`. */
      lockWaitMs: number;
    }
  | { kind: 'close' }
  | { kind: 'ping' }
  /** Aborts the signal of the request numbered `targetSeq`; the target settles with `cancelled` if it honours it. */
  | { kind: 'cancel'; targetSeq: number }
  /**
   * Test hook (see TEST_HOOKS_ARG): holds for `ms` (abortable), optionally inside the engine lane,
   * for tests of deadlines, cancellation and crashes. A worker started the production way answers
   * it with invalid_input "Unknown request kind".
   */
  | { kind: 'debug.hold'; ms: number; serial: boolean }
  /** Application work (ingest, search, graph views): see worker-app-protocol.ts for kinds and results. */
  | { kind: 'app'; request: AppRequest }
>;

export type RequestKind = WorkerRequest['kind'];

/**
 * Kinds that exist only for tests. A worker registers their handlers only when its command line
 * carries TEST_HOOKS_ARG, which only a test launcher adds (launcher-node.ts `testHooks: true`);
 * the host's and the Electron shell's launchers never do. An argument, not an environment
 * variable: a child inherits the environment, so a variable set around the app would leak in.
 */
export type TestHookKind = 'debug.hold';
export const TEST_HOOKS_ARG = '--kenning-test-hooks';
/** The kinds every worker answers. */
export type ProductKind = Exclude<RequestKind, TestHookKind>;
export type RequestOf<K extends RequestKind> = Extract<WorkerRequest, { kind: K }>;

/** The value each request resolves to. */
export interface WorkerResults {
  open: OpenInfo;
  close: null;
  ping: Readonly<{ pid: number; open: boolean }>;
  cancel: Readonly<{ found: boolean }>;
  'debug.hold': null;
  /** Typed per request kind by AppResult in worker-app-protocol.ts. */
  app: unknown;
}
export type ResultOf<K extends RequestKind> = K extends keyof WorkerResults ? WorkerResults[K] : never;

/** Progress of a long request (per item and stage). Free-form enough for ingest to extend. */
export type ProgressEvent = Readonly<{
  stage: string;
  done?: number;
  total?: number;
  dataId?: string;
  message?: string;
}>;

/** What the worker sends back. */
export type WorkerReply = Readonly<
  | { type: 'result'; ok: true; value: unknown }
  | { type: 'result'; ok: false; error: WireError }
  | { type: 'progress'; event: ProgressEvent }
>;

export type Envelope<T> = Readonly<{ seq: number; body: T }>;
export type RequestEnvelope = Envelope<WorkerRequest>;
export type ReplyEnvelope = Envelope<WorkerReply>;

export function assertNever(x: never): never {
  throw new Error(`unhandled: ${JSON.stringify(x)}`);
}

/** Cheap structural check for messages arriving from another process. */
export function isRequestEnvelope(m: unknown): m is RequestEnvelope {
  const o = m as { seq?: unknown; body?: { kind?: unknown } } | null;
  return typeof o === 'object' && o !== null && Number.isInteger(o.seq) && typeof o.body?.kind === 'string';
}

export function isReplyEnvelope(m: unknown): m is ReplyEnvelope {
  const o = m as { seq?: unknown; body?: { type?: unknown } } | null;
  return typeof o === 'object' && o !== null && Number.isInteger(o.seq) && (o.body?.type === 'result' || o.body?.type === 'progress');
}
