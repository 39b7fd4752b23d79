/** What the documents panel says about one document, from its stored status, live progress and the dataset's state. */
import type { DataItem, Dataset, Progress } from '../../store/views';
import { STAGE_LABEL } from '../ingest/stages';

export type DocState = 'processed' | 'processing' | 'waiting' | 'failed' | 'cancelled' | 'interrupted';

export type DocStatus = Readonly<{ state: DocState; words: string; error?: string }>;

const ACTIVE_STAGES: ReadonlySet<Progress['stage']> = new Set(['classify', 'parse', 'chunk', 'extract', 'summarize', 'embed', 'write']);

export function documentStatus(item: DataItem, live: Progress['stage'] | undefined, datasetStatus: Dataset['status']): DocStatus {
  if (live === 'error' && item.status !== 'completed') return { state: 'failed', words: 'Failed', error: item.error ?? 'Processing failed' };
  // A completed item with a note (an image: stored, no text extracted) says so instead of "Processed".
  if (item.status === 'completed' && item.error) return { state: 'processed', words: item.error };
  if (item.status === 'completed' || live === 'done') return { state: 'processed', words: 'Processed' };
  if (item.status === 'errored') return { state: 'failed', words: 'Failed', error: item.error ?? 'Processing failed' };
  // Queued in the run's current batch, the worker not on it yet: waiting, like the ingest list says.
  if (live === 'queued') return { state: 'waiting', words: 'Waiting' };
  if (live && ACTIVE_STAGES.has(live)) return { state: 'processing', words: STAGE_LABEL[live] };
  if (item.status === 'processing') return { state: 'processing', words: 'Processing' };
  // Pending: why it waits depends on how the dataset's last run ended.
  if (datasetStatus === 'cancelled') return { state: 'cancelled', words: 'Cancelled, not processed' };
  if (datasetStatus === 'interrupted') return { state: 'interrupted', words: 'Interrupted, not processed' };
  return { state: 'waiting', words: 'Waiting' };
}

/** How many documents are in each state (for the toolbar and the dataset header). */
export function countStates(statuses: readonly DocStatus[]): Record<DocState, number> {
  const out: Record<DocState, number> = { processed: 0, processing: 0, waiting: 0, failed: 0, cancelled: 0, interrupted: 0 };
  for (const s of statuses) out[s.state]++;
  return out;
}
