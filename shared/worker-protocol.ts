/**
 * Main ↔ dataset-worker messages. One worker process owns one dataset's graph and vector
 * stores; main talks to it only through these readonly discriminated unions.
 *
 * Every message is an envelope `{ seq, body }`. Main numbers its requests; the worker answers
 * each with exactly one `result` carrying the same seq, optionally preceded by `progress`
 * messages with that seq. Values travel by structured clone (Electron's utilityProcess, and
 * child_process.fork with `serialization: 'advanced'`), so Float32Array survives the trip.
 *
 * One union, typed end to end: `WorkerResults` gives every kind its result type, and
 * `WorkerHost.call` / `Engines.request` return `ResultOf<K>` without a cast. A dataset kind
 * carries the name of the contract procedure it serves (`graph.read`, `search.run`, …) or, for
 * work no procedure names, a verb of its own (`cognify.batch`, `data.forget`, …).
 *
 * Adding a kind: add it to `WorkerRequest`, its result to `WorkerResults`, and a handler to the
 * worker's handler table (the table's type makes a missing handler a compile error).
 *
 * There are no store-level kinds (write a graph item, a vector row, raw Cypher): nothing that
 * talks to a worker can write below the level of a whole data item.
 */
import type { DatasetSearchAnswer, SearchType } from './contract/search';
import type { Settings } from './contract/settings';
import type { WireError } from './domain/errors';
import type { GraphEdge, GraphNode, GraphOverview, GraphSlice, NodeSource, NodeType } from './domain/graph';

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
  // dataset work: each kind's handler routes its store calls through the engine lane
  /**
   * Parses, chunks, extracts, embeds and writes data items (re-running one replaces it). Items
   * are prepared one after another and written in bulk; each item's progress carries its dataId:
   * its ItemStages, then `written` once its rows are committed, or `failed` with the reason.
   * Cancel stops preparing; what was prepared is still committed, and the reply says `cancelled`.
   */
  | {
      kind: 'cognify.batch';
      items: readonly CognifyBatchItem[];
      /** The dataset owner's embedder and LLM (main resolves them), whoever started the run. */
      embedder: EmbedderSettings;
      llm: LlmSettings | null;
      chunkSize?: number;
      chunkOverlap?: number;
    }
  /** Removes what one data item asserted from the graph, the vectors and the stored text. */
  | { kind: 'data.forget'; dataId: string }
  /** Empties the dataset's graph, vectors and stored text (re-embed, forget memoryOnly). */
  | { kind: 'dataset.wipe' }
  /** A data item's extracted text (null before cognify). */
  | { kind: 'data.text'; dataId: string }
  /** `embedder` is the dataset owner's (it embeds the query); `llm` is the caller's (it only answers). */
  | { kind: 'search.run'; searchType: SearchType; query: string; topK: number; onlyContext: boolean; embedder: EmbedderSettings; llm: LlmSettings | null }
  | { kind: 'graph.read'; nodeLimit: number; edgeLimit: number; offset: number; types?: readonly NodeType[] }
  | { kind: 'graph.neighbourhood'; nodeId: string; depth: 1 | 2 | 3; nodeLimit: number }
  | { kind: 'graph.node'; nodeId: string }
  /** Lays the entity graph out first when its stored layout is missing or stale. */
  | { kind: 'graph.overview'; nodeLimit: number; edgeLimit: number; communityLimit: number; community?: number }
  | { kind: 'graph.counts' }
  | { kind: 'graph.find'; query: string; limit: number; types?: readonly NodeType[] }
  /** Totals for diagnostics and tests: nodes, edges, vector rows per table. */
  | { kind: 'dataset.stats' }
>;

export type EmbedderSettings = Settings['embedding'];
export type LlmSettings = Settings['llm'];

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
/** The worker's own lifecycle, answered whatever dataset it serves. */
export type ControlKind = 'open' | 'close' | 'ping' | 'cancel';
/** The kinds that work on the dataset's stores: what `Engines.request` sends. */
export type DatasetKind = Exclude<ProductKind, ControlKind>;
export type RequestOf<K extends RequestKind> = Extract<WorkerRequest, { kind: K }>;

/** A node with its relations and the passages that assert it (main adds each passage's item name). */
export type NodeWithSources = Readonly<{ node: GraphNode; relations: { edge: GraphEdge; other: GraphNode }[]; sources: NodeSource[] }>;

/** The value each request resolves to: one entry per kind, nothing `unknown`. */
export interface WorkerResults {
  open: OpenInfo;
  close: null;
  ping: Readonly<{ pid: number; open: boolean }>;
  cancel: Readonly<{ found: boolean }>;
  'debug.hold': null;
  /** `cancelled`: a cancel stopped it before every item was reached (those are unreported). */
  'cognify.batch': Readonly<{ written: number; failed: number; cancelled: boolean; embedderId: string; dimension: number }>;
  'data.forget': Readonly<{ ok: true }>;
  'dataset.wipe': Readonly<{ ok: true }>;
  'data.text': Readonly<{ text: string | null }>;
  'search.run': DatasetSearchAnswer;
  'graph.read': GraphSlice;
  'graph.neighbourhood': GraphSlice;
  /** null when the dataset has no such node. */
  'graph.node': NodeWithSources | null;
  'graph.overview': GraphOverview;
  'graph.counts': Record<string, number>;
  'graph.find': GraphNode[];
  'dataset.stats': Readonly<{ nodes: number; edges: number; vectors: Record<string, number> }>;
}
export type ResultOf<K extends RequestKind> = WorkerResults[K];

/** One data item of a `cognify.batch`; `rawPath` is computed by main from ids. */
export type CognifyBatchItem = Readonly<{ dataId: string; dataName: string; rawPath: string }>;

/** The stages `cognify.batch` reports per item, in order; each progress event carries the item's size in `done`. */
export const ITEM_STAGES = ['classify', 'parse', 'chunk', 'extract', 'summarize', 'embed', 'write'] as const;
export type ItemStage = (typeof ITEM_STAGES)[number];
/** How an item of a batch ends: committed, or not (with `message` and `code`). */
export type ItemOutcome = 'written' | 'failed';
export type ItemEvent = ItemStage | ItemOutcome;
export function isItemEvent(s: string): s is ItemEvent {
  return (ITEM_STAGES as readonly string[]).includes(s) || s === 'written' || s === 'failed';
}

/** Progress of a long request (per item and stage). Free-form enough for ingest to extend. */
export type ProgressEvent = Readonly<{
  stage: string;
  done?: number;
  total?: number;
  dataId?: string;
  message?: string;
  /** With stage `failed`: the error's code. */
  code?: string;
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
