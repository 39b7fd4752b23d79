/**
 * The stores one worker has open: lock first, then graph, then vectors; closed graph first (see close).
 * Lifetime: the worker process; `open` once, `close` any number of times.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../shared/domain/errors';
import { KuzuGraphStore } from './graph/kuzu-graph-store';
import { layoutFileBeside } from './layout/layout-file';
import { LayoutKeeper } from './layout/layout-keeper';
import { acquireDatasetLock } from './lock';
import type { DatasetLock } from './lock';
import type { GraphStore, VectorStore } from './stores';
import { LanceVectorStore } from './vectors/lance-vector-store';

export type OpenPaths = Readonly<{ graphPath: string; vectorPath: string; lockPath: string; lockWaitMs: number }>;

export class WorkerSession {
  #lock: DatasetLock | undefined;
  #graph: GraphStore | undefined;
  #vectors: VectorStore | undefined;
  #opened = false;
  #graphPath: string | undefined;
  #layout: LayoutKeeper | undefined;

  get isOpen(): boolean {
    return this.#graph !== undefined;
  }

  /** The graph failed a COMMIT: closing would checkpoint an unknown state, so the process must end without it. */
  get graphBroken(): boolean {
    return this.#graph instanceof KuzuGraphStore && this.#graph.broken;
  }

  /** Takes the dataset lock and opens both engines. A worker serves exactly one dataset. */
  async open(p: OpenPaths): Promise<Readonly<{ lockWaitMs: number }>> {
    if (this.#opened) throw new AppError('invalid_input', 'This worker already serves a dataset');
    for (const f of [p.graphPath, p.vectorPath, p.lockPath])
      if (typeof f !== 'string' || !path.isAbsolute(f)) throw new AppError('invalid_input', 'open needs absolute paths');
    if (!Number.isInteger(p.lockWaitMs) || p.lockWaitMs < 0 || p.lockWaitMs > 120_000) throw new AppError('invalid_input', 'lockWaitMs is out of range');
    this.#opened = true;
    this.#graphPath = p.graphPath;
    this.#layout = new LayoutKeeper(layoutFileBeside(p.graphPath));
    // The owner's folder appears with their first dataset.
    for (const f of [p.lockPath, p.graphPath, p.vectorPath]) await fs.mkdir(path.dirname(f), { recursive: true });
    const lock = await acquireDatasetLock(p.lockPath, p.lockWaitMs);
    this.#lock = lock;
    try {
      this.#graph = await KuzuGraphStore.open(p.graphPath);
      this.#vectors = await LanceVectorStore.open(p.vectorPath);
    } catch (e) {
      await this.close();
      throw e;
    }
    return { lockWaitMs: lock.waitedMs };
  }

  /** The graph file this worker serves; other per-dataset files sit beside it. */
  graphPath(): string {
    if (!this.#graphPath) throw new AppError('internal', 'The dataset is not open in this worker');
    return this.#graphPath;
  }

  graph(): GraphStore {
    if (!this.#graph) throw new AppError('internal', 'The dataset is not open in this worker');
    return this.#graph;
  }

  /** The graph view's layout of this dataset (computed and stored beside the graph). */
  layout(): LayoutKeeper {
    if (!this.#layout) throw new AppError('internal', 'The dataset is not open in this worker');
    return this.#layout;
  }

  vectors(): VectorStore {
    if (!this.#vectors) throw new AppError('internal', 'The dataset is not open in this worker');
    return this.#vectors;
  }

  /**
   * Closes engines, then releases the lock. Safe to call twice. The graph closes first: its
   * close is a checkpoint, and a kill in the middle of one (main kills a worker that does not
   * stop in time) left a Kùzu file that would not reopen (a duplicated primary key), while the
   * vectors' close is compaction, which Lance commits atomically or not at all.
   */
  async close(): Promise<void> {
    const [g, v, l] = [this.#graph, this.#vectors, this.#lock];
    this.#layout?.close();
    this.#graph = undefined;
    this.#vectors = undefined;
    this.#lock = undefined;
    try {
      await g?.close();
    } finally {
      try {
        await v?.close();
      } finally {
        l?.release();
      }
    }
  }
}
