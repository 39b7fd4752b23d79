/**
 * Cognify orchestration in main: one run per dataset at a time; items sent to the dataset's
 * worker in batches (it prepares each while writing the previous ones in bulk); each item
 * stamped completed only when the worker reports it committed, so a crash anywhere loses
 * nothing and the next run redoes only what is unfinished. Cancel stops the batch: what the
 * worker had prepared is committed, the rest goes back to pending. A worker that dies
 * mid-batch is replaced and the batch's unfinished items sent again; an item that was in
 * progress in two crashes is marked errored and the run goes on.
 */
import path from 'node:path';

import type { EventPayload } from '../../../shared/contract/events';
import type { Settings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/domain/errors';
import type { RunId, UserId } from '../../../shared/domain/ids';
import type { RunView } from '../../../shared/domain/types';
import { STORAGE_STOP_CODES } from '../../common/storage-errors';
import type { ItemProgress } from '../engines';
import type { Services } from '../services';
import type { DataRow } from '../store/repos/data-repo';
import type { DatasetRow } from '../store/repos/datasets-repo';
import type { CognifyService } from './cognify-service';
import { IMAGE_NOTE, isImage } from './file-types';
import { processingSettingsFor } from './provider-settings';

type Progress = EventPayload<'run.progress'>;

/** `abort` stops the batch in flight (set while one is). */
type ActiveRun = { runId: RunId; cancelled: boolean; done: Promise<RunView>; abort?: (() => void) | undefined };

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
    a.abort?.();
    return true;
  }

  async cancelAndWait(datasetId: string): Promise<void> {
    const a = this.#active.get(datasetId);
    if (!a) return;
    a.cancelled = true;
    a.abort?.();
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
    const tally: Tally = { done: 0, failed: 0, total: 0, fatal: null };
    /** Items ended in this run (written, or failed for good): never sent again by it. */
    const ended = new Set<string>();
    const strikes = new Map<string, number>();
    await store.runs.update(active.runId, { status: 'started' });
    bus.toReaders(dataset.id, 'datasets.changed', { reason: 'status' });
    try {
      while (!active.cancelled && !tally.fatal) {
        // Re-read each time: items added or deleted during the run are seen.
        const waiting = (await store.data.pending(dataset.id)).filter((d) => !ended.has(d.id));
        if (waiting.length === 0) break;
        tally.total = tally.done + tally.failed + waiting.length;
        await store.runs.update(active.runId, { itemsTotal: tally.total });
        await this.runBatch(dataset, active, settings, takeBatch(waiting), { tally, ended, strikes });
        await store.runs.update(active.runId, { itemsDone: tally.done, itemsFailed: tally.failed });
      }
    } catch (e) {
      tally.fatal = e instanceof AppError ? e : new AppError('internal', 'Cognify failed unexpectedly');
      log.error(`[cognify] dataset ${dataset.id} failed`, e);
    }
    return this.finish(dataset, active, tally);
  }

  private async finish(dataset: DatasetRow, active: ActiveRun, tally: Tally): Promise<RunView> {
    const { store, bus } = this.s;
    const { done, failed, fatal } = tally;
    const status: RunView['status'] = fatal ? 'errored' : active.cancelled ? 'cancelled' : failed > 0 && done === 0 ? 'errored' : 'completed';
    const error = fatal?.message ?? (failed > 0 ? `${failed} item(s) could not be processed` : null);
    await store.runs.update(active.runId, { status, itemsDone: done, itemsFailed: failed, ...(error ? { error } : {}) });
    // Items left 'processing' by a cancel or a fatal error go back to pending for the next run.
    for (const d of await store.data.inDataset(dataset.id)) if (d.status === 'processing') await store.data.setStatus(dataset.id, d.id, 'pending');
    const final = (await store.runs.byId(active.runId))!;
    bus.toReaders(dataset.id, 'run.finished', final);
    bus.toReaders(dataset.id, 'datasets.changed', { reason: 'status' });
    return final;
  }

  /**
   * Sends one batch to the dataset's worker and records each item's outcome as it arrives.
   * A worker that dies gives each item it had started a strike; an item with two strikes is
   * marked errored (it probably crashed the worker), the others are sent again.
   */
  private async runBatch(dataset: DatasetRow, active: ActiveRun, settings: Settings, batch: readonly DataRow[], book: Book): Promise<void> {
    const rawPaths = new Map<string, string>();
    for (const item of batch) {
      if (isImage(item.mime_type)) {
        // Nothing to extract without an OCR engine: the image is kept, listed, and says so.
        await this.endItem(dataset, active, item, book, undefined, IMAGE_NOTE);
        continue;
      }
      const rawPath = this.rawPathOf(item);
      if (rawPath) rawPaths.set(item.id, rawPath);
      else await this.endItem(dataset, active, item, book, { code: 'invalid_input', message: 'Stored file location is outside the data folder' });
    }
    const items = batch.filter((d) => rawPaths.has(d.id));
    if (items.length === 0) return;
    for (const d of items) {
      await this.s.store.data.setStatus(dataset.id, d.id, 'processing');
      this.emit(dataset, active, d, book.tally, 'queued');
    }
    const byId = new Map<string, DataRow>(items.map((d) => [d.id, d]));
    const started = new Set<string>();
    // Progress arrives synchronously; status writes are chained so they land in order.
    let chain: Promise<void> = Promise.resolve();
    const onProgress = (p: ItemProgress): void => {
      const item = byId.get(p.dataId);
      if (!item || book.ended.has(item.id)) return;
      started.add(item.id);
      if (p.stage === 'written' || p.stage === 'failed') {
        book.ended.add(item.id);
        const failure = p.stage === 'failed' ? { code: p.code ?? 'internal', message: p.message ?? 'Processing failed' } : undefined;
        chain = chain.then(() => this.endItem(dataset, active, item, book, failure));
      } else this.emit(dataset, active, item, book.tally, p.stage);
    };
    const ac = new AbortController();
    active.abort = () => ac.abort();
    try {
      const r = await this.s.engines.request(
        { ownerId: dataset.owner_id, datasetId: dataset.id },
        'write',
        { kind: 'cognify.batch', items: items.map((d) => ({ dataId: d.id, dataName: d.name, rawPath: rawPaths.get(d.id)! })), embedder: settings.embedding, llm: settings.llm.enabled ? settings.llm : null },
        { onProgress, signal: ac.signal, timeoutMs: ITEM_TIMEOUT_MS * items.length },
      );
      await chain;
      if (r.written > 0 && r.embedderId !== dataset.embedder_id) await this.s.store.datasets.setEmbedder(dataset.id, r.embedderId, r.dimension);
    } catch (e) {
      await chain;
      await this.afterFailedBatch(dataset, active, items, started, book, e instanceof AppError ? e : new AppError('internal', 'Processing failed unexpectedly'));
    } finally {
      active.abort = undefined;
    }
  }

  private async afterFailedBatch(dataset: DatasetRow, active: ActiveRun, items: readonly DataRow[], started: ReadonlySet<string>, book: Book, err: AppError): Promise<void> {
    const open = items.filter((d) => !book.ended.has(d.id));
    if (err.code === 'cancelled' && active.cancelled) return;
    // Shutting down, a closed dataset (a cancel nobody asked for) or a disk that cannot take writes: stop the run.
    if (STORAGE_STOP_CODES.has(err.code) || err.code === 'cancelled' || this.#closing) {
      book.tally.fatal = err;
      return;
    }
    if (err.code !== 'worker_crashed' && err.code !== 'timeout') {
      // The batch as a whole was refused (e.g. the embedder does not match the dataset's).
      for (const d of open) await this.endItem(dataset, active, d, book, err);
      return;
    }
    // A worker that died before any item started: every item shares the blame, so the run still ends.
    const inProgress = open.filter((d) => started.has(d.id));
    for (const d of inProgress.length > 0 ? inProgress : open) {
      const n = (book.strikes.get(d.id) ?? 0) + 1;
      book.strikes.set(d.id, n);
      if (n >= 2) await this.endItem(dataset, active, d, book, err);
    }
  }

  /** Records an item's end: completed, or errored with the reason (a fatal reason stops the run). */
  private async endItem(dataset: DatasetRow, active: ActiveRun, item: DataRow, book: Book, failure?: Readonly<{ code: string; message: string }>, note?: string): Promise<void> {
    const { store } = this.s;
    book.ended.add(item.id);
    if (failure?.code === 'cancelled') return; // not done: it goes back to pending
    if (!failure) {
      book.tally.done++;
      await store.data.setStatus(dataset.id, item.id, 'completed', note ?? null);
      this.emit(dataset, active, item, book.tally, 'done');
      return;
    }
    book.tally.failed++;
    await store.data.setStatus(dataset.id, item.id, 'errored', failure.message);
    this.emit(dataset, active, item, book.tally, 'error', failure.message);
    if (STORAGE_STOP_CODES.has(failure.code)) book.tally.fatal = new AppError(failure.code as 'corrupt', failure.message);
  }

  private emit(dataset: DatasetRow, active: ActiveRun, item: DataRow, tally: Tally, stage: Progress['stage'], message?: string): void {
    this.s.bus.toReaders(dataset.id, 'run.progress', {
      runId: active.runId,
      datasetId: dataset.id,
      dataId: item.id,
      dataName: item.name,
      stage,
      itemsDone: tally.done + tally.failed,
      itemsTotal: tally.total,
      bytes: item.size,
      ...(message ? { message } : {}),
    });
  }

  /** The raw file's absolute path, or null when the stored location escapes the data folder. */
  private rawPathOf(item: DataRow): string | null {
    const home = path.resolve(this.s.home);
    const rawPath = path.resolve(home, item.raw_location);
    return rawPath.startsWith(home + path.sep) ? rawPath : null;
  }
}

/** Items per batch request, and their total size: bounds how long a delete waits for the write lock. */
const BATCH_ITEMS = 64;
const BATCH_BYTES = 8 * 1024 * 1024;
/** Per item of a batch: a worker past it is treated as stuck. */
const ITEM_TIMEOUT_MS = 30 * 60_000;

type Tally = { done: number; failed: number; total: number; fatal: AppError | null };
type Book = Readonly<{ tally: Tally; ended: Set<string>; strikes: Map<string, number> }>;

/** The next items in queue order, up to BATCH_ITEMS and BATCH_BYTES (always at least one). */
function takeBatch(waiting: readonly DataRow[]): DataRow[] {
  const out: DataRow[] = [];
  let bytes = 0;
  for (const d of waiting) {
    if (out.length > 0 && (out.length >= BATCH_ITEMS || bytes + d.size > BATCH_BYTES)) break;
    out.push(d);
    bytes += d.size;
  }
  return out;
}
