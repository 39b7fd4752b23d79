/**
 * Keeps one dataset's layout in step with its graph, for the worker that owns the dataset.
 * Lifetime: the worker session (created at open, closed with it).
 *
 * Freshness: the worker is the only writer of its dataset (it holds the lock), so within a
 * process every write is seen here (`writeStarting` / `graphChanged`, called by the write
 * handlers) and bumps a generation counter. Across processes (a layout read from disk) the
 * stored version is compared with the graph's (layoutVersion: sizes + written items).
 *
 * When it is computed:
 * - after writes, in the background, once the dataset has been quiet for QUIET_MS (a cognify
 *   run sends many batches; the layout waits for the last one). A write that starts meanwhile
 *   aborts a background run, so laying out never slows ingestion down;
 * - on demand (`ensure`, from graph.overview) when it is missing or stale.
 * Concurrent demands share one computation. Failures are logged and leave the old layout.
 */
import { AppError } from '../../../shared/domain/errors';
import type { GraphStore } from '../stores';
import { computeLayout } from './compute-layout';
import { LoadedLayout } from './layout-data';
import { readLayoutFile, writeLayoutFile } from './layout-file';
import { layoutVersion } from './layout-version';

const QUIET_MS = 1500;

type Run = Readonly<{ promise: Promise<LoadedLayout>; background: boolean; abort: AbortController }>;

export class LayoutKeeper {
  /** undefined: the file has not been read yet; null: there is no usable file. */
  #loaded: LoadedLayout | null | undefined;
  #readingFile: Promise<LoadedLayout | null> | undefined;
  /** Bumped by every write to the graph. */
  #generation = 0;
  /** The generation #loaded is known to match (-1: not known). */
  #freshAt = -1;
  #run: Run | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly file: string,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  /** The layout as it stands, fresh or not, without computing one (reads the file once). */
  async peek(): Promise<LoadedLayout | null> {
    if (this.#loaded !== undefined) return this.#loaded;
    this.#readingFile ??= readLayoutFile(this.file).then(
      (d) => (this.#loaded === undefined ? (this.#loaded = d ? new LoadedLayout(d) : null) : this.#loaded),
      () => (this.#loaded = null),
    );
    return this.#readingFile;
  }

  /** A layout matching the graph now: the stored one when its version matches, else a new one. */
  async ensure(graph: GraphStore): Promise<LoadedLayout> {
    for (;;) {
      this.#assertOpen();
      const running = this.#run;
      if (running) {
        const done = await running.promise.catch((e: unknown) => (isCancelled(e) && running.background ? null : Promise.reject(e)));
        if (done && this.#freshAt === this.#generation) return done;
        continue; // a background run was stopped by a write, or the graph changed while it ran
      }
      const loaded = await this.peek();
      const generation = this.#generation;
      if (loaded && this.#freshAt === generation) return loaded;
      if (loaded && layoutVersion(await graph.entityGraphVersion()) === loaded.data.version) {
        if (this.#generation === generation) this.#freshAt = generation;
        return loaded;
      }
      if (this.#run) continue; // another caller started one while this one checked
      return this.#start(graph, false).promise;
    }
  }

  /** A write is about to start: a background layout would compete with it for the CPU, so it stops. */
  writeStarting(): void {
    clearTimeout(this.#timer);
    if (this.#run?.background) this.#run.abort.abort();
  }

  /** A write ended: the layout is stale, and is laid out again once the dataset is quiet. */
  graphChanged(graph: GraphStore): void {
    this.#generation++;
    clearTimeout(this.#timer);
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      if (this.#run || this.#closed) return;
      this.#start(graph, true).promise.catch(() => undefined);
    }, QUIET_MS);
    this.#timer.unref();
  }

  /** Stops timers and any run in progress (the session is closing). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#run?.abort.abort();
  }

  #start(graph: GraphStore, background: boolean): Run {
    const abort = new AbortController();
    const generation = this.#generation;
    const promise = (async () => {
      const entityGraph = await graph.entityGraph();
      if (abort.signal.aborted) throw new AppError('cancelled', 'The layout was cancelled');
      const previous = (await this.peek())?.data ?? null;
      const data = await computeLayout(entityGraph, { version: layoutVersion(entityGraph.version), previous, signal: abort.signal });
      if (this.#closed) throw new AppError('cancelled', 'The dataset was closed while it was laid out');
      await writeLayoutFile(this.file, data);
      const loaded = new LoadedLayout(data);
      this.#loaded = loaded;
      // Writes that landed while this ran leave it stale: the next demand lays out again (incrementally).
      this.#freshAt = generation;
      return loaded;
    })();
    const run: Run = { promise, background, abort };
    this.#run = run;
    promise
      .catch((e: unknown) => {
        if (!isCancelled(e)) this.log(`[worker ${process.pid}] laying out the graph failed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        if (this.#run === run) this.#run = undefined;
      });
    return run;
  }

  #assertOpen(): void {
    if (this.#closed) throw new AppError('cancelled', 'The dataset was closed');
  }
}

function isCancelled(e: unknown): boolean {
  return e instanceof AppError && e.code === 'cancelled';
}
