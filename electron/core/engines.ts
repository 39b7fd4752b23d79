/**
 * What the core needs from the dataset engine pool. The pool (datasets/engine-pool.ts)
 * implements it with one worker process per dataset; the core never imports kuzu/lancedb.
 */
import type { DatasetKind, ItemEvent, RequestOf, ResultOf } from '../../shared/worker-protocol';

/**
 * Names a dataset's engines: the owner decides the folder, also for people it is shared with.
 * (Plain strings: branded ids widen to them, and the pool only joins them into UUID-checked paths.)
 */
export type DatasetRef = Readonly<{ ownerId: string; datasetId: string }>;

/** `cognify.batch` progress: an item's stage or outcome, its size, and why it failed. */
export type ItemProgress = Readonly<{ dataId: string; stage: ItemEvent; bytes: number; message?: string; code?: string }>;

export type RequestOptions = Readonly<{ onProgress?: (p: ItemProgress) => void; timeoutMs?: number; signal?: AbortSignal }>;

export interface Engines {
  /**
   * Sends a dataset request to the dataset's worker (started on first use), through the
   * dataset queue: 'write' requests to one dataset run one at a time, 'read' ones beside them.
   */
  request<K extends DatasetKind>(ref: DatasetRef, mode: 'read' | 'write', body: RequestOf<K>, opts?: RequestOptions): Promise<ResultOf<K>>;
  /** Stops the dataset's worker, then removes its engine files. */
  deleteDataset(ref: DatasetRef): Promise<void>;
  /** Stops every worker (bounded wait). */
  close(): Promise<void>;
}
