import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { AppError, isErrorCode } from '../../../shared/domain/errors';
import type { DatasetKind, ProgressEvent, RequestOf, ResultOf } from '../../../shared/worker-protocol';
import { EnginePool } from '../../../electron/core/datasets/engine-pool';
import type { EnginePoolOptions } from '../../../electron/core/datasets/engine-pool';
import { nodeLauncher } from '../../../electron/core/datasets/launcher-node';
import type { DatasetRef } from '../../../electron/core/engines';
import type { CallOptions, DatasetWorker } from '../../../electron/core/datasets/worker-host';

/** Workers that also answer the test hooks (debug.hold); the product's launchers never set this. */
export const launcher = nodeLauncher({ testHooks: true });

export async function tempHome(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'kenning-pool-'));
}

export function newPool(home: string, o: Partial<EnginePoolOptions> = {}): EnginePool {
  return new EnginePool({ home, launcher, idleMs: 60_000, stopGraceMs: 3_000, ...o });
}

export const ref = (ownerId: string = randomUUID()): DatasetRef => ({ ownerId, datasetId: randomUUID() });

/** The error code a promise fails with ('ok' when it succeeds). */
export const code = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof AppError ? e.code : String(e)));

export function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A dataset request, as main sends it (Engines.request without the queue), with its result typed. */
export function app<K extends DatasetKind>(w: DatasetWorker, request: RequestOf<K>, opts?: CallOptions): Promise<ResultOf<K>> {
  return w.call(request, opts);
}

/** Writes `text` as a raw file under `home/raw/` and returns its path (main passes raw paths to workers). */
export async function rawFile(home: string, name: string, text: string): Promise<string> {
  const file = path.join(home, 'raw', name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

/**
 * Ingests one text item through `cognify.batch`, as cognify does (the fast hashing embedder).
 * An item the worker reports failed is an error here (its code and message), as it was for one item.
 */
export async function ingest(w: DatasetWorker, home: string, dataId: string, text: string, opts?: CallOptions): Promise<ResultOf<'cognify.batch'>> {
  const rawPath = await rawFile(home, `${dataId}.txt`, text);
  let failure: ProgressEvent | undefined;
  const r = await app(
    w,
    { kind: 'cognify.batch', items: [{ dataId, dataName: `${dataId}.txt`, rawPath }], embedder: { provider: 'hashing' }, llm: null },
    {
      ...opts,
      onProgress: (e) => {
        if (e.stage === 'failed') failure = e;
        opts?.onProgress?.(e);
      },
    },
  );
  if (failure) throw new AppError(isErrorCode(failure.code) ? failure.code : 'internal', failure.message ?? 'failed');
  return r;
}

export const counts = (w: DatasetWorker) => app(w, { kind: 'graph.counts' });
