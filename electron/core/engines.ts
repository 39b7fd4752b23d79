/**
 * What the core needs from the dataset engine pool. The pool (datasets/engine-pool.ts)
 * implements it with one worker process per dataset; the core never imports kuzu/lancedb.
 */
import type { AppProgress, AppRequest, AppRequestKind, AppResult } from '../../shared/worker-app-protocol';

export type DatasetRef = Readonly<{ ownerId: string; datasetId: string }>;

export type RequestOptions = Readonly<{ onProgress?: (p: AppProgress) => void; timeoutMs?: number; signal?: AbortSignal }>;

export interface Engines {
  /**
   * Sends an application request to the dataset's worker (started on first use), through the
   * dataset queue: 'write' requests to one dataset run one at a time, 'read' ones beside them.
   */
  request<K extends AppRequestKind>(ref: DatasetRef, mode: 'read' | 'write', body: Extract<AppRequest, { kind: K }>, opts?: RequestOptions): Promise<AppResult<K>>;
  /** Stops the dataset's worker, then removes its engine files. */
  deleteDataset(ref: DatasetRef): Promise<void>;
  /** Stops every worker (bounded wait). */
  close(): Promise<void>;
}
