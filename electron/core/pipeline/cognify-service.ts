import type { UserId } from '../../../shared/domain/ids';
import type { RunView } from '../../../shared/domain/types';
import type { DatasetRow } from '../store/repos/datasets-repo';

/** Cognify orchestration (see cognify-runner.ts). */
export interface CognifyService {
  /** Starts (or joins) one run per dataset; with `wait`, resolves when they ended. */
  run(userId: UserId, datasets: readonly DatasetRow[], wait: boolean, pipeline?: RunView['pipeline']): Promise<RunView[]>;
  /** Asks a running cognify of the dataset to stop after its current item. */
  cancel(datasetId: string): boolean;
  /** Cancels a running cognify of the dataset, if any, and waits until it has stopped. */
  cancelAndWait(datasetId: string): Promise<void>;
  /** Stops all runs (app shutdown). */
  close(): Promise<void>;
}
