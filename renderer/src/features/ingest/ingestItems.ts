/** Pure updates of the ingest list, kept apart from the slice so they are unit-testable. */
import type { AddResult, DataItem, Progress } from '../../store/views';
import { FINAL_STAGES } from './stages';
import type { IngestStage } from './stages';

/** One file in the ingest list. */
export type IngestItem = Readonly<{
  key: string;
  datasetId: string;
  /** Display path (folder/file for dropped folders). */
  path: string;
  size: number;
  stage: IngestStage;
  /** 0–1 while uploading. */
  uploaded: number;
  dataId?: string;
  /** Error or rejection reason, in words. */
  message?: string;
}>;

const PIPELINE_STAGES: ReadonlySet<string> = new Set(['classify', 'parse', 'chunk', 'extract', 'summarize', 'embed', 'write', 'done', 'error', 'cancelled', 'queued']);

/** Applies the data.add result to the batch's items (matched by position, the order they were sent in). */
export function applyAddResult(items: readonly IngestItem[], batch: readonly string[], result: AddResult): IngestItem[] {
  const byKey = new Map(batch.map((k, i) => [k, result.items[i]] as const));
  return items.map((it) => {
    if (!byKey.has(it.key)) return it;
    const r = byKey.get(it.key);
    if (!r) return { ...it, stage: 'error', message: 'The app did not report on this file' };
    if (r.status === 'rejected') return { ...it, stage: 'rejected', message: r.reason ?? 'Rejected' };
    if (r.status === 'duplicate') return { ...it, stage: 'duplicate', dataId: r.dataId, message: 'Already in this dataset' };
    return { ...it, stage: 'queued', uploaded: 1, dataId: r.dataId };
  });
}

/** Applies one run.progress event: per-item stages by dataId, a run-wide cancel to everything unfinished. */
export function applyProgress(items: readonly IngestItem[], p: Progress): IngestItem[] {
  return items.map((it) => {
    if (it.datasetId !== p.datasetId) return it;
    if (p.dataId === null) {
      if (p.stage === 'cancelled' && it.dataId && !FINAL_STAGES.has(it.stage)) return { ...it, stage: 'cancelled' };
      return it;
    }
    if (it.dataId !== p.dataId || !PIPELINE_STAGES.has(p.stage)) return it;
    if (it.stage === 'done' && p.stage !== 'done') return it; // late event from an earlier run
    const stage = p.stage as IngestStage;
    // A finished file drops passing notes ("Cancelling…", "not processed yet"): they no longer hold.
    return { ...it, stage, message: stage === 'error' ? (p.message ?? 'Processing failed') : stage === 'done' ? undefined : it.message };
  });
}

/** After a run ends, settles the dataset's unfinished items from the data items' stored status. */
export function reconcile(items: readonly IngestItem[], datasetId: string, data: readonly DataItem[], runCancelled: boolean): IngestItem[] {
  const byId = new Map(data.map((d) => [d.id, d] as const));
  return items.map((it) => {
    // Duplicates are final: settleDuplicates already sent the unprocessed ones down the queue.
    if (it.datasetId !== datasetId || !it.dataId || FINAL_STAGES.has(it.stage)) return it;
    const d = byId.get(it.dataId);
    if (!d) return { ...it, stage: 'error', message: 'The file is no longer in the dataset' };
    if (d.status === 'completed') return { ...it, stage: 'done', message: undefined };
    if (d.status === 'errored') return { ...it, stage: 'error', message: d.error ?? 'Processing failed' };
    return runCancelled ? { ...it, stage: 'cancelled', message: undefined } : it;
  });
}

/** The message of a re-added file that is in the dataset but was never processed (it is processed now). */
export const ALREADY_WAITING = 'Already in this dataset, not processed yet: processing it now';

/**
 * Re-added files the core reported as duplicates: a processed one is done ("Already added"); one
 * a cancel, a crash or a failure left unprocessed waits for the run like a new file, so the
 * header counts it and its progress shows.
 */
export function settleDuplicates(items: readonly IngestItem[], keys: readonly string[], data: readonly DataItem[]): IngestItem[] {
  const byId = new Map(data.map((d) => [d.id, d] as const));
  return items.map((it) => {
    if (!keys.includes(it.key) || it.stage !== 'duplicate' || !it.dataId) return it;
    const d = byId.get(it.dataId);
    if (!d || d.status === 'completed') return { ...it, message: 'Already in this dataset and processed' };
    return { ...it, stage: 'queued', message: ALREADY_WAITING };
  });
}

/** Rows for a dataset's unfinished data items that the list does not show yet (after a reload mid-run). */
export function adoptItems(items: readonly IngestItem[], datasetId: string, data: readonly DataItem[], newKey: () => string): IngestItem[] {
  const shown = new Set(items.filter((it) => it.datasetId === datasetId && it.dataId).map((it) => it.dataId));
  const adopted = data
    .filter((d) => (d.status === 'pending' || d.status === 'processing') && !shown.has(d.id))
    .map((d): IngestItem => ({ key: newKey(), datasetId, path: d.name, size: d.size, stage: 'queued', uploaded: 1, dataId: d.id }));
  return [...items, ...adopted];
}
