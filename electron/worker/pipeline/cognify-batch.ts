/**
 * Cognify of a batch of data items inside their dataset's worker: each item is prepared
 * (parse → … → embed, pipeline/prepare-item.ts) while the items before it are written in bulk
 * (pipeline/batch-writer.ts). Every item ends with exactly one `written` or `failed` report,
 * except those a cancel or a fatal storage error left untouched, which stay unreported (main
 * puts them back in the queue).
 */
import fs from 'node:fs/promises';

import { AppError } from '../../../shared/domain/errors';
import { STORAGE_STOP_CODES } from '../../common/storage-errors';
import type { CognifyBatchItem, ProgressEvent } from '../../../shared/worker-protocol';
import type { DatasetStores } from '../handlers/lane';
import type { OpenAiChatClient } from '../ingest/llm';
import type { Embedder } from '../ingest/types';
import { BatchWriter } from './batch-writer';
import { prepareItem } from './prepare-item';

export type CognifyBatchDeps = DatasetStores &
  Readonly<{
    embedder: Embedder;
    chat?: OpenAiChatClient | undefined;
    report: (event: ProgressEvent) => void;
    signal?: AbortSignal | undefined;
  }>;

export type CognifyBatchOptions = Readonly<{ chunkSize?: number | undefined; chunkOverlap?: number | undefined }>;

export async function cognifyBatch(items: readonly CognifyBatchItem[], opts: CognifyBatchOptions, deps: CognifyBatchDeps): Promise<{ written: number; failed: number; cancelled: boolean }> {
  const { report, signal } = deps;
  let written = 0;
  let failed = 0;
  const fail = (dataId: string, bytes: number, e: unknown) => {
    failed++;
    const err = e instanceof AppError ? e : new AppError('internal', e instanceof Error ? e.message : String(e));
    report({ stage: 'failed', dataId, done: bytes, message: err.message, code: err.code });
  };
  await deps.vectors.ensureEmbedder(deps.embedder.id, deps.embedder.dimension);
  const writer = new BatchWriter(deps, (p, outcome, error) => {
    if (outcome === 'failed') return fail(p.dataId, p.bytes, error);
    if (outcome === 'written') written++;
    report({ stage: outcome, dataId: p.dataId, done: p.bytes });
  });
  for (const item of items) {
    if (signal?.aborted) break;
    let bytes = 0;
    try {
      const raw = await readRaw(item.rawPath, item.dataName);
      bytes = raw.byteLength;
      const prepared = await prepareItem(
        { dataId: item.dataId, dataName: item.dataName, bytes: raw, chunkSize: opts.chunkSize, chunkOverlap: opts.chunkOverlap },
        { embedder: deps.embedder, chat: deps.chat, signal, progress: (stage) => report({ stage, dataId: item.dataId, done: bytes }) },
      );
      await writer.add(prepared);
    } catch (e) {
      // A cancel mid-item leaves the item unreported: it is simply not done.
      if (e instanceof AppError && e.code === 'cancelled' && signal?.aborted) break;
      if (e instanceof AppError && STORAGE_STOP_CODES.has(e.code)) throw e;
      fail(item.dataId, bytes, e);
    }
  }
  // What was prepared is written even after a cancel: the work is done, only its commit remains.
  await writer.drain();
  return { written, failed, cancelled: signal?.aborted === true };
}

async function readRaw(file: string, name: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `The stored file for ${name} is missing`);
    throw e;
  }
}
