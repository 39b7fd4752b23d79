/**
 * What the core needs from the dataset engine pool. The pool (datasets/engine-pool.ts)
 * implements it with one worker process per dataset; the core never imports kuzu/lancedb.
 */
export type DatasetRef = Readonly<{ ownerId: string; datasetId: string }>;

export interface Engines {
  /** Removes the dataset's engine files after stopping its worker. */
  deleteDataset(ref: DatasetRef): Promise<void>;
  /** Stops every worker (bounded wait). */
  close(): Promise<void>;
}
