/** The life of one file in the ingest list, from reading it off disk to `done`. */
export type IngestStage =
  | 'reading'
  | 'uploading'
  | 'queued'
  | 'classify'
  | 'parse'
  | 'chunk'
  | 'extract'
  | 'summarize'
  | 'embed'
  | 'write'
  | 'done'
  | 'error'
  | 'rejected'
  | 'duplicate'
  | 'cancelled';

/** Stages after which nothing more happens to the file. */
export const FINAL_STAGES: ReadonlySet<IngestStage> = new Set(['done', 'error', 'rejected', 'duplicate', 'cancelled']);

/** Stages during which cognify.cancel can still stop the file. */
export const CANCELLABLE_STAGES: ReadonlySet<IngestStage> = new Set(['queued', 'classify', 'parse', 'chunk', 'extract', 'summarize', 'embed', 'write']);

const ORDER: readonly IngestStage[] = ['reading', 'uploading', 'queued', 'classify', 'parse', 'chunk', 'extract', 'summarize', 'embed', 'write', 'done'];

/** Words shown next to the progress bar. */
export const STAGE_LABEL: Readonly<Record<IngestStage, string>> = {
  reading: 'Reading',
  uploading: 'Uploading',
  queued: 'Waiting',
  classify: 'Detecting format',
  parse: 'Extracting text',
  chunk: 'Splitting into passages',
  extract: 'Finding entities',
  summarize: 'Summarising',
  embed: 'Indexing',
  write: 'Writing graph',
  done: 'Done',
  error: 'Failed',
  rejected: 'Rejected',
  duplicate: 'Already added',
  cancelled: 'Cancelled',
};

/**
 * A 0–1 fraction for the progress bar. Upload progress fills the uploading step; each later
 * stage is one equal step, because the pipeline reports stages rather than percentages.
 */
export function stageFraction(stage: IngestStage, uploadFraction = 0): number {
  if (FINAL_STAGES.has(stage)) return 1;
  const i = ORDER.indexOf(stage);
  const step = 1 / (ORDER.length - 1);
  const base = i * step;
  return stage === 'uploading' ? base + step * Math.max(0, Math.min(1, uploadFraction)) : base;
}
