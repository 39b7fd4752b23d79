import { errorText } from '../../store/errors';
import type { SliceContext, SliceCreator } from '../../store/types';
import type { Progress, RunView } from '../../store/views';
import { applyAddResult, applyProgress, reconcile } from './ingestItems';
import type { IngestItem } from './ingestItems';
import { FINAL_STAGES } from './stages';
import type { PickedFile } from './walkEntries';

export type { IngestItem } from './ingestItems';

export interface IngestSlice {
  ingestItems: readonly IngestItem[];
  /** Files dropped on the window, waiting for the person to choose a dataset. */
  pendingFiles: readonly PickedFile[];
  /** Adds files to a dataset, then starts cognify in the background; progress arrives as events. */
  ingest(datasetId: string, files: readonly PickedFile[]): Promise<void>;
  /** Keeps files dropped outside any dataset and asks where they go. */
  askWhereToIngest(files: readonly PickedFile[]): void;
  onRunProgress(p: Progress): void;
  onRunFinished(run: RunView): Promise<void>;
  /** Stops the dataset's run after its current item. */
  cancelIngest(datasetId: string): Promise<void>;
  clearFinishedIngest(): void;
}

export const ingestInitial = { ingestItems: [] as readonly IngestItem[], pendingFiles: [] as readonly PickedFile[] };

/** Files per data.add call: keeps each request and its memory bounded. */
const BATCH_FILES = 50;
const BATCH_BYTES = 64 * 1024 * 1024;
let nextKey = 1;

export const createIngestSlice: SliceCreator<IngestSlice> = (client) => (set, get) => {
  const ctx: SliceContext = { client, set, get };
  const update = (fn: (items: readonly IngestItem[]) => IngestItem[]): void => updateItems(ctx, fn);

  return {
    ...ingestInitial,
    ingest: async (datasetId, picked) => {
      if (picked.length === 0) return;
      const withKeys = picked.map((p) => ({ ...p, key: `f${nextKey++}` }));
      update((items) => [
        ...items,
        ...withKeys.map((p): IngestItem => ({ key: p.key, datasetId, path: p.path, size: p.file.size, stage: 'reading', uploaded: 0 })),
      ]);
      let anyAdded = false;
      for (const batch of batches(withKeys)) anyAdded = (await sendBatch(ctx, datasetId, batch)) || anyAdded;
      void get().refreshDatasets();
      if (!anyAdded) return;
      try {
        await client.call('cognify.run', { datasetIds: [datasetId], runInBackground: true });
      } catch (e) {
        const keys = withKeys.map((p) => p.key);
        update((items) => items.map((it) => (keys.includes(it.key) && it.stage === 'queued' ? { ...it, stage: 'error', message: errorText(e) } : it)));
      }
    },
    askWhereToIngest: (files) => {
      if (files.length === 0) return;
      set({ pendingFiles: files });
      get().openDialog({ kind: 'chooseDataset' });
    },
    onRunProgress: (p) => update((items) => applyProgress(items, p)),
    onRunFinished: async (run) => {
      try {
        const data = await client.call('datasets.data', { datasetId: run.datasetId });
        update((items) => reconcile(items, run.datasetId, data, run.status === 'cancelled'));
      } catch {
        // The dataset may have been deleted or unshared meanwhile: its items stay as they were.
      }
      void get().refreshDatasets();
      if (get().selectedDatasetId === run.datasetId) void get().loadGraph(run.datasetId);
    },
    cancelIngest: async (datasetId) => {
      try {
        await client.call('cognify.cancel', { datasetId });
      } catch (e) {
        get().notify(errorText(e), 'error');
      }
    },
    clearFinishedIngest: () => update((items) => items.filter((it) => !FINAL_STAGES.has(it.stage))),
  };
};

function updateItems({ set, get }: SliceContext, fn: (items: readonly IngestItem[]) => IngestItem[]): void {
  set({ ingestItems: fn(get().ingestItems) });
}

function patchItems(ctx: SliceContext, keys: readonly string[], p: Partial<IngestItem>): void {
  updateItems(ctx, (items) => items.map((it) => (keys.includes(it.key) ? { ...it, ...p } : it)));
}

/**
 * Reads one batch of files and sends it as one data.add; items that could not be read or sent
 * are marked with their error. True when anything was added (or already there).
 */
async function sendBatch(ctx: SliceContext, datasetId: string, batch: readonly (PickedFile & { key: string })[]): Promise<boolean> {
  const files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  for (const b of batch) {
    try {
      files.push({ name: b.file.name, bytes: new Uint8Array(await b.file.arrayBuffer()) });
    } catch {
      patchItems(ctx, [b.key], { stage: 'error', message: 'The file could not be read (moved, or no permission)' });
    }
  }
  const readable = batch.filter((b) => ctx.get().ingestItems.find((i) => i.key === b.key)?.stage === 'reading');
  if (readable.length === 0) return false;
  const sentKeys = readable.map((b) => b.key);
  patchItems(ctx, sentKeys, { stage: 'uploading' });
  try {
    const result = await ctx.client.call(
      'data.add',
      { datasetId, files },
      { onUploadProgress: (sent, total) => patchItems(ctx, sentKeys, { uploaded: total > 0 ? sent / total : 0 }) },
    );
    updateItems(ctx, (items) => applyAddResult(items, sentKeys, result));
    return result.items.some((r) => r.status === 'added' || r.status === 'duplicate');
  } catch (e) {
    patchItems(ctx, sentKeys, { stage: 'error', message: errorText(e) });
    return false;
  }
}

function* batches<T extends PickedFile>(files: readonly T[]): Generator<T[]> {
  let cur: T[] = [];
  let bytes = 0;
  for (const f of files) {
    if (cur.length > 0 && (cur.length >= BATCH_FILES || bytes + f.file.size > BATCH_BYTES)) {
      yield cur;
      cur = [];
      bytes = 0;
    }
    cur.push(f);
    bytes += f.file.size;
  }
  if (cur.length > 0) yield cur;
}
