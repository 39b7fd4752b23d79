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
 * Store records (items, rows, hits) are the ones the stores use: shared/domain/store-records.ts.
 */
import type { WireError } from './domain/errors';
import type { GraphNode, GraphSlice, NodeType } from './domain/graph';
import type { ItemGraph, NodeDetails, VectorHit, VectorRow, VectorTable } from './domain/store-records';
import type { AppRequest } from './worker-app-protocol';

export type OpenInfo = Readonly<{
  pid: number;
  /** Milliseconds from receiving `open` to both stores being ready (lock wait included). */
  openMs: number;
  /** Milliseconds spent waiting for the dataset lock. */
  lockWaitMs: number;
}>;

/** Every request main can send. `kind` names the verb; `graph.*` / `vectors.*` mirror the stores. */
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
  /** Diagnostics: holds for `ms` (abortable), optionally inside the engine lane. Used by tests of deadlines and crashes. */
  | { kind: 'debug.hold'; ms: number; serial: boolean }
  // graph store
  | { kind: 'graph.writeItem'; item: ItemGraph }
  | { kind: 'graph.deleteData'; dataId: string }
  | { kind: 'graph.wipe' }
  | { kind: 'graph.read'; nodeLimit: number; edgeLimit: number; types?: readonly NodeType[] }
  | { kind: 'graph.neighbourhood'; nodeId: string; depth: 1 | 2 | 3; nodeLimit: number }
  | { kind: 'graph.nodeDetails'; nodeId: string }
  | { kind: 'graph.counts' }
  | { kind: 'graph.findByName'; query: string; limit: number; types?: readonly NodeType[] }
  | { kind: 'graph.cypherRead'; query: string; limit: number }
  // vector store
  | { kind: 'vectors.ensureEmbedder'; embedderId: string; dimension: number }
  | { kind: 'vectors.embedderInfo' }
  | { kind: 'vectors.writeItem'; dataId: string; rows: Readonly<Partial<Record<VectorTable, readonly VectorRow[]>>> }
  | { kind: 'vectors.deleteData'; dataId: string }
  | { kind: 'vectors.wipe' }
  | { kind: 'vectors.searchVector'; table: VectorTable; vector: Float32Array; k: number }
  | { kind: 'vectors.searchText'; table: VectorTable; query: string; k: number }
  | { kind: 'vectors.searchHybrid'; table: VectorTable; vector: Float32Array; query: string; k: number }
  | { kind: 'vectors.count'; table: VectorTable }
  /** Application work (ingest, search, graph views): see worker-app-protocol.ts for kinds and results. */
  | { kind: 'app'; request: AppRequest }
>;

export type RequestKind = WorkerRequest['kind'];
export type RequestOf<K extends RequestKind> = Extract<WorkerRequest, { kind: K }>;

/** The value each request resolves to. */
export interface WorkerResults {
  open: OpenInfo;
  close: null;
  ping: Readonly<{ pid: number; open: boolean }>;
  cancel: Readonly<{ found: boolean }>;
  'debug.hold': null;
  'graph.writeItem': null;
  'graph.deleteData': null;
  'graph.wipe': null;
  'graph.read': GraphSlice;
  'graph.neighbourhood': GraphSlice;
  'graph.nodeDetails': NodeDetails | null;
  'graph.counts': Readonly<Record<string, number>>;
  'graph.findByName': readonly GraphNode[];
  'graph.cypherRead': readonly Record<string, unknown>[];
  'vectors.ensureEmbedder': null;
  'vectors.embedderInfo': Readonly<{ embedderId: string; dimension: number }> | null;
  'vectors.writeItem': null;
  'vectors.deleteData': null;
  'vectors.wipe': null;
  'vectors.searchVector': readonly VectorHit[];
  'vectors.searchText': readonly VectorHit[];
  'vectors.searchHybrid': readonly VectorHit[];
  'vectors.count': number;
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

/** Kinds that never touch the engines: answered at once, even while a long call runs. */
export const CONTROL_KINDS: ReadonlySet<RequestKind> = new Set<RequestKind>(['ping', 'cancel']);

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
