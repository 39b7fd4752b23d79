/**
 * Writes prepared items in bulk while the next ones are prepared (group commit). Items wait in
 * `#pending`; whenever no write is running, everything waiting goes to the stores as one batch:
 * the texts, then one graph transaction, then one add per vector table. So batches grow by
 * themselves as writes get slower (a bigger graph), and the first item is committed at once.
 * An item counts as written only after all three: a crash before that leaves it unreported,
 * and the next run rewrites it (every store write replaces what an earlier attempt left).
 *
 * A batch that fails is retried item by item, so one bad item fails alone; a full or read-only
 * disk or a damaged store fails everything that waits (retrying cannot help).
 */
import { AppError } from '../../../shared/domain/errors';
import { STORAGE_STOP_CODES } from '../../common/storage-errors';
import type { ItemOutcome } from '../../../shared/worker-protocol';
import type { DatasetStores } from '../handlers/lane';
import type { PreparedItem } from './prepare-item';

/** Above this many waiting elements, preparing pauses until the running write ends (bounded memory). */
const MAX_WAITING_ELEMENTS = 80_000;

/** Stops every write that waits: the storage cannot take writes, or the dataset was closed. */
const isFatal = (code: string) => STORAGE_STOP_CODES.has(code) || code === 'cancelled';

export type WriteListener = (item: PreparedItem, outcome: ItemOutcome | 'write', error?: AppError) => void;

const weight = (p: PreparedItem) => p.graph.nodes.length + p.graph.edges.length;

export class BatchWriter {
  #pending: PreparedItem[] = [];
  #pendingWeight = 0;
  #running: Promise<void> | null = null;
  /** The first fatal error: every later item fails with it. */
  #fatal: AppError | null = null;

  constructor(
    private readonly stores: DatasetStores,
    private readonly listen: WriteListener,
  ) {}

  /** Queues an item; resolves once there is room for the next (back-pressure, not completion). */
  async add(item: PreparedItem): Promise<void> {
    if (this.#fatal) throw this.#fatal;
    this.#pending.push(item);
    this.#pendingWeight += weight(item);
    if (!this.#running) this.#start();
    while (this.#running && this.#pendingWeight >= MAX_WAITING_ELEMENTS) await this.#running;
    if (this.#fatal) throw this.#fatal;
  }

  /** Writes everything queued; throws the fatal error if one stopped the writes. */
  async drain(): Promise<void> {
    while (this.#running || this.#pending.length > 0) {
      if (!this.#running) this.#start();
      await this.#running;
    }
    if (this.#fatal) throw this.#fatal;
  }

  #start(): void {
    const batch = this.#pending;
    this.#pending = [];
    this.#pendingWeight = 0;
    this.#running = this.#write(batch).finally(() => {
      this.#running = null;
      // Rows that arrived meanwhile start at once: preparing never waits on an idle writer.
      if (this.#pending.length > 0 && !this.#fatal) this.#start();
    });
  }

  async #write(batch: readonly PreparedItem[]): Promise<void> {
    if (this.#fatal) return this.#failAll(batch, this.#fatal);
    for (const p of batch) this.listen(p, 'write');
    try {
      await this.#commit(batch);
      for (const p of batch) this.listen(p, 'written');
      return;
    } catch (e) {
      const err = asAppError(e);
      if (isFatal(err.code)) return this.#stop(batch, err);
      if (batch.length === 1) return this.listen(batch[0]!, 'failed', err);
    }
    for (const p of batch) {
      try {
        await this.#commit([p]);
        this.listen(p, 'written');
      } catch (e) {
        const err = asAppError(e);
        if (isFatal(err.code)) return this.#stop(batch.slice(batch.indexOf(p)), err);
        this.listen(p, 'failed', err);
      }
    }
  }

  async #commit(batch: readonly PreparedItem[]): Promise<void> {
    const { graph, vectors, docs } = this.stores;
    // Text first: a reader that finds a chunk id can always slice its passage.
    for (const p of batch) await docs.write(p.dataId, p.text, p.headings);
    const { rewritten } = await graph.writeItems(batch.map((p) => p.graph));
    await vectors.writeItems(
      batch.map((p) => ({ dataId: p.dataId, rows: p.rows })),
      rewritten,
    );
  }

  #stop(batch: readonly PreparedItem[], err: AppError): void {
    this.#fatal = err;
    this.#failAll([...batch, ...this.#pending], err);
    this.#pending = [];
    this.#pendingWeight = 0;
  }

  #failAll(batch: readonly PreparedItem[], err: AppError): void {
    for (const p of batch) this.listen(p, 'failed', err);
  }
}

function asAppError(e: unknown): AppError {
  return e instanceof AppError ? e : new AppError('internal', e instanceof Error ? e.message : String(e));
}
