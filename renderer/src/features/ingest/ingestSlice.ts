import { errorText } from '../../store/errors';
import type { SliceContext, SliceCreator } from '../../store/types';
import type { Dataset, Progress, RunView } from '../../store/views';
import { ALREADY_WAITING, adoptItems, applyAddResult, applyProgress, reconcile, settleDuplicates } from './ingestItems';
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
  /** Processes what a cancel, a crash or a failure left in the dataset (cognify.run picks up every unfinished item). */
  resumeIngest(datasetId: string): Promise<void>;
  /**
   * Shows the files of runs going on that this window does not track (after a reload, or a run
   * started elsewhere), rebuilt from the core's data items, so their progress is not lost.
   */
  adoptRunningIngest(datasets: readonly Dataset[]): Promise<void>;
  /** Drops the list's rows of deleted data items. */
  forgetIngestItems(dataIds: readonly string[]): void;
  clearFinishedIngest(): void;
}

export const ingestInitial = { ingestItems: [] as readonly IngestItem[], pendingFiles: [] as readonly PickedFile[] };

const CANCELLING = 'Cancelling: stops after the current file';

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
      // Files already in the dataset are processed only if they never were (a cancel, a failure):
      // those are waiting again, the processed ones are done, and nothing else starts a run.
      const unfinished = await settleDuplicatesOf(ctx, datasetId, withKeys.map((p) => p.key));
      void get().refreshDatasets();
      if (!anyAdded && !unfinished) return;
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
    onRunProgress: (p) => {
      update((items) => applyProgress(items, p));
      get().onDocumentProgress(p);
    },
    onRunFinished: async (run) => {
      try {
        const data = await client.call('datasets.data', { datasetId: run.datasetId });
        update((items) => reconcile(items, run.datasetId, data, run.status === 'cancelled'));
      } catch {
        // The dataset may have been deleted or unshared meanwhile: its items stay as they were.
      }
      void get().refreshDatasets();
      if (get().docsDatasetId === run.datasetId) void get().loadDocuments(run.datasetId);
      if (get().selectedDatasetId === run.datasetId) void get().loadGraph(run.datasetId);
    },
    cancelIngest: async (datasetId) => {
      try {
        await client.call('cognify.cancel', { datasetId });
        // Say the click was taken: the run stops after the file it is on, which may take a while.
        update((items) => items.map((it) => (it.datasetId === datasetId && it.dataId && !FINAL_STAGES.has(it.stage) ? { ...it, message: CANCELLING } : it)));
      } catch (e) {
        get().notify(errorText(e), 'error');
      }
    },
    resumeIngest: async (datasetId) => {
      update((items) => items.map((it) => (it.datasetId === datasetId && it.stage === 'cancelled' ? { ...it, stage: 'queued' } : it)));
      try {
        await client.call('cognify.run', { datasetIds: [datasetId], runInBackground: true });
      } catch (e) {
        get().notify(errorText(e), 'error');
      }
      void get().refreshDatasets();
    },
    adoptRunningIngest: async (datasets) => {
      for (const d of datasets) {
        // Only when nothing of that dataset is under way here: this window's own uploads are tracked already.
        if (d.status !== 'processing' || get().ingestItems.some((it) => it.datasetId === d.id && !FINAL_STAGES.has(it.stage))) continue;
        try {
          const data = await client.call('datasets.data', { datasetId: d.id });
          update((items) => adoptItems(items, d.id, data, () => `f${nextKey++}`));
        } catch {
          // Unshared or deleted meanwhile: nothing to show.
        }
      }
    },
    forgetIngestItems: (dataIds) => update((items) => items.filter((it) => !it.dataId || !dataIds.includes(it.dataId))),
    clearFinishedIngest: () => update((items) => items.filter((it) => !FINAL_STAGES.has(it.stage))),
  };
};

function updateItems({ set, get }: SliceContext, fn: (items: readonly IngestItem[]) => IngestItem[]): void {
  set({ ingestItems: fn(get().ingestItems) });
}

function patchItems(ctx: SliceContext, keys: readonly string[], p: Partial<IngestItem>): void {
  updateItems(ctx, (items) => items.map((it) => (keys.includes(it.key) ? { ...it, ...p } : it)));
}

/** Settles the `keys` the core called duplicates from their stored status; true when any still needs processing. */
async function settleDuplicatesOf(ctx: SliceContext, datasetId: string, keys: readonly string[]): Promise<boolean> {
  if (!ctx.get().ingestItems.some((it) => keys.includes(it.key) && it.stage === 'duplicate')) return false;
  try {
    const data = await ctx.client.call('datasets.data', { datasetId });
    updateItems(ctx, (items) => settleDuplicates(items, keys, data));
  } catch {
    return false; // unreadable now: they stay "already added", and no run is started for them
  }
  return ctx.get().ingestItems.some((it) => keys.includes(it.key) && it.stage === 'queued' && it.message === ALREADY_WAITING);
}

/**
 * Reads one batch of files and sends it as one data.add; items that could not be read or sent
 * are marked with their error. True when anything new was added.
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
    return result.items.some((r) => r.status === 'added');
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
