/**
 * Cognify orchestration in main: one run per dataset at a time; items processed one by one
 * in the dataset's worker; each item stamped completed only after the worker wrote it, so
 * a crash anywhere loses nothing and the next run redoes only what is unfinished.
 * Cancel stops after the current item. A worker that dies mid-item is retried once with a
 * fresh worker, then the item is marked errored and the run goes on.
 */
import path from 'node:path';

import type { EventPayload } from '../../../shared/contract/events';
import type { Settings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/domain/errors';
import type { RunId, UserId } from '../../../shared/domain/ids';
import type { RunView } from '../../../shared/domain/types';
import type { Services } from '../services';
import type { DataRow } from '../store/repos/data-repo';
import type { DatasetRow } from '../store/repos/datasets-repo';
import type { CognifyService } from './cognify-service';
import { processingSettingsFor } from './provider-settings';

type Progress = EventPayload<'run.progress'>;

type ActiveRun = { runId: RunId; cancelled: boolean; done: Promise<RunView> };

export class CognifyRunner implements CognifyService {
  readonly #active = new Map<string, ActiveRun>();
  #closing = false;

  constructor(private readonly s: Omit<Services, 'cognify'>) {}

  /**
   * Starts (or joins) a run per dataset. With `wait`, resolves when every run ended. `userId` is
   * who started it (recorded on the run); the content is processed with the dataset owner's
   * provider settings, never the caller's (see provider-settings.ts).
   */
  async run(userId: UserId, datasets: readonly DatasetRow[], wait: boolean, pipeline: RunView['pipeline'] = 'cognify'): Promise<RunView[]> {
    if (this.#closing) throw new AppError('cancelled', 'Kenning is shutting down');
    const runs = await Promise.all(datasets.map(async (d) => this.startOne(userId, d, await processingSettingsFor(this.s.store, d), pipeline)));
    if (!wait) return Promise.all(runs.map(async (r) => (await this.s.store.runs.byId(r.runId))!));
    return Promise.all(runs.map((r) => r.done));
  }

  cancel(datasetId: string): boolean {
    const a = this.#active.get(datasetId);
    if (!a) return false;
    a.cancelled = true;
    return true;
  }

  async cancelAndWait(datasetId: string): Promise<void> {
    const a = this.#active.get(datasetId);
    if (!a) return;
    a.cancelled = true;
    await a.done.catch(() => undefined);
  }

  isRunning(datasetId: string): boolean {
    return this.#active.has(datasetId);
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all([...this.#active.keys()].map((id) => this.cancelAndWait(id)));
  }

  private async startOne(userId: UserId, dataset: DatasetRow, settings: Settings, pipeline: RunView['pipeline']): Promise<ActiveRun> {
    const existing = this.#active.get(dataset.id);
    if (existing) return existing;
    const pending = await this.s.store.data.pending(dataset.id);
    const run = await this.s.store.runs.create(dataset.id, pipeline, userId, pending.length);
    const active: ActiveRun = { runId: run.id, cancelled: false, done: Promise.resolve(run) };
    active.done = this.process(dataset, active, settings).finally(() => this.#active.delete(dataset.id));
    this.#active.set(dataset.id, active);
    return active;
  }

  private async process(dataset: DatasetRow, active: ActiveRun, settings: Settings): Promise<RunView> {
    const { store, bus, log } = this.s;
    const runId = active.runId;
    let done = 0;
    let failed = 0;
    let fatal: AppError | null = null;
    const tried = new Set<string>();
    await store.runs.update(runId, { status: 'started' });
    bus.toReaders(dataset.id, 'datasets.changed', { reason: 'status' });
    try {
      for (;;) {
        if (active.cancelled) break;
        // Re-read each time: items added or deleted during the run are seen.
        const untried = (await store.data.pending(dataset.id)).filter((d) => !tried.has(d.id));
        const next = untried[0];
        if (!next) break;
        tried.add(next.id);
        const total = done + failed + untried.length;
        await store.runs.update(runId, { itemsTotal: total });
        const emit = (stage: Progress['stage'], bytes: number, message?: string): void =>
          bus.toReaders(dataset.id, 'run.progress', {
            runId,
            datasetId: dataset.id,
            dataId: next.id,
            dataName: next.name,
            stage,
            itemsDone: done + failed,
            itemsTotal: total,
            bytes,
            ...(message ? { message } : {}),
          });
        await store.data.setStatus(dataset.id, next.id, 'processing');
        emit('queued', next.size);
        const outcome = await this.processItem(dataset, next, settings, emit);
        if (outcome.ok) {
          done++;
          await store.data.setStatus(dataset.id, next.id, 'completed');
          if (outcome.embedderId && outcome.embedderId !== dataset.embedder_id) await store.datasets.setEmbedder(dataset.id, outcome.embedderId, outcome.dimension ?? null);
          emit('done', next.size);
        } else {
          failed++;
          await store.data.setStatus(dataset.id, next.id, 'errored', outcome.error.message);
          emit('error', next.size, outcome.error.message);
          if (outcome.error.code === 'storage_full' || outcome.error.code === 'storage_readonly' || outcome.error.code === 'corrupt') {
            fatal = outcome.error;
            break;
          }
        }
        await store.runs.update(runId, { itemsDone: done, itemsFailed: failed });
      }
    } catch (e) {
      fatal = e instanceof AppError ? e : new AppError('internal', 'Cognify failed unexpectedly');
      log.error(`[cognify] dataset ${dataset.id} failed`, e);
    }
    const status: RunView['status'] = fatal ? 'errored' : active.cancelled ? 'cancelled' : failed > 0 && done === 0 ? 'errored' : 'completed';
    const error = fatal?.message ?? (failed > 0 ? `${failed} item(s) could not be processed` : null);
    await store.runs.update(runId, { status, itemsDone: done, itemsFailed: failed, ...(error ? { error } : {}) });
    // Items left 'processing' by a cancel or a fatal error go back to pending for the next run.
    for (const d of await store.data.inDataset(dataset.id)) if (d.status === 'processing') await store.data.setStatus(dataset.id, d.id, 'pending');
    const final = (await store.runs.byId(runId))!;
    bus.toReaders(dataset.id, 'run.finished', final);
    bus.toReaders(dataset.id, 'datasets.changed', { reason: 'status' });
    return final;
  }

  private async processItem(
    dataset: DatasetRow,
    item: DataRow,
    settings: Settings,
    emit: (stage: Progress['stage'], bytes: number) => void,
  ): Promise<{ ok: true; embedderId?: string; dimension?: number } | { ok: false; error: AppError }> {
    const rawPath = path.resolve(this.s.home, item.raw_location);
    if (!rawPath.startsWith(path.resolve(this.s.home) + path.sep)) return { ok: false, error: new AppError('invalid_input', 'Stored file location is outside the data folder') };
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await this.s.engines.request(
          { ownerId: dataset.owner_id, datasetId: dataset.id },
          'write',
          {
            kind: 'cognify.item',
            dataId: item.id,
            dataName: item.name,
            rawPath,
            embedder: settings.embedding,
            llm: settings.llm.enabled ? settings.llm : null,
          },
          { onProgress: (p) => emit(p.stage, p.bytes), timeoutMs: 30 * 60_000 },
        );
        return { ok: true, embedderId: r.embedderId, dimension: r.dimension };
      } catch (e) {
        const err = e instanceof AppError ? e : new AppError('internal', 'Processing failed unexpectedly');
        if ((err.code === 'worker_crashed' || err.code === 'timeout') && attempt < 2 && !this.#closing) continue;
        return { ok: false, error: err };
      }
    }
  }
}
