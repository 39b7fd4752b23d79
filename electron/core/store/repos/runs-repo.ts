import type { Sql } from '../sql';
import type { DatasetId, RunId, UserId } from '../../../../shared/domain/ids';
import type { RunStatus, RunView } from '../../../../shared/domain/types';
import { newId, now } from './util';

type RunRow = {
  id: RunId;
  dataset_id: DatasetId;
  pipeline: RunView['pipeline'];
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  items_total: number;
  items_done: number;
  items_failed: number;
  error: string | null;
};

const view = (r: RunRow): RunView => ({
  id: r.id,
  datasetId: r.dataset_id,
  pipeline: r.pipeline,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  itemsTotal: r.items_total,
  itemsDone: r.items_done,
  itemsFailed: r.items_failed,
  error: r.error,
});

/** Dataset-level pipeline runs: initiated → started → completed | errored | cancelled | interrupted. */
export class RunsRepo {
  constructor(private readonly sql: Sql) {}

  async create(datasetId: DatasetId, pipeline: RunView['pipeline'], by: UserId, itemsTotal: number): Promise<RunView> {
    const id = newId() as RunId;
    this.sql
      .stmt(`INSERT INTO pipeline_runs (id, dataset_id, pipeline, status, initiated_by, started_at, items_total) VALUES (?, ?, ?, 'initiated', ?, ?, ?)`)
      .run(id, datasetId, pipeline, by, now(), itemsTotal);
    return (await this.byId(id))!;
  }

  async byId(id: string): Promise<RunView | undefined> {
    const r = this.sql.stmt(`SELECT * FROM pipeline_runs WHERE id = ?`).get(id) as RunRow | undefined;
    return r && view(r);
  }

  async latest(datasetId: DatasetId): Promise<RunView | undefined> {
    const r = this.sql.stmt(`SELECT * FROM pipeline_runs WHERE dataset_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`).get(datasetId) as
      | RunRow
      | undefined;
    return r && view(r);
  }

  /** The newest runs over these datasets, newest first (the activity timeline). */
  async recent(datasetIds: readonly DatasetId[], limit: number): Promise<RunView[]> {
    if (datasetIds.length === 0) return [];
    // One statement per list length would grow the statement cache without bound: pass the ids as JSON.
    const rows = this.sql
      .stmt(`SELECT * FROM pipeline_runs WHERE dataset_id IN (SELECT value FROM json_each(?)) ORDER BY started_at DESC, rowid DESC LIMIT ?`)
      .all(JSON.stringify(datasetIds), limit) as RunRow[];
    return rows.map(view);
  }

  async update(id: RunId, patch: Partial<Pick<RunView, 'status' | 'itemsDone' | 'itemsFailed' | 'itemsTotal' | 'error'>>): Promise<void> {
    const finished = patch.status && ['completed', 'errored', 'cancelled', 'interrupted'].includes(patch.status) ? now() : null;
    this.sql
      .stmt(
        `UPDATE pipeline_runs SET
           status = COALESCE(?, status), items_done = COALESCE(?, items_done), items_failed = COALESCE(?, items_failed),
           items_total = COALESCE(?, items_total), error = COALESCE(?, error), finished_at = COALESCE(?, finished_at)
         WHERE id = ?`,
      )
      .run(patch.status ?? null, patch.itemsDone ?? null, patch.itemsFailed ?? null, patch.itemsTotal ?? null, patch.error ?? null, finished, id);
  }

  /** On start-up: runs left initiated/started by a process that died are marked interrupted. */
  async markInterrupted(): Promise<number> {
    const r = this.sql
      .stmt(`UPDATE pipeline_runs SET status = 'interrupted', finished_at = ? WHERE status IN ('initiated', 'started')`)
      .run(now());
    this.sql.stmt(`UPDATE dataset_data SET status = 'pending' WHERE status = 'processing'`).run();
    return r.changes;
  }
}
