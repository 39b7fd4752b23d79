/** Cognify orchestration (filled in with the ingestion work). */
export interface CognifyService {
  /** Cancels a running cognify of the dataset, if any, and waits until it has stopped. */
  cancelAndWait(datasetId: string): Promise<void>;
  /** Stops all runs (app shutdown). */
  close(): Promise<void>;
}
