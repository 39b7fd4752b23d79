import type { Dataset } from '../../store/views';

const WORDS: Readonly<Record<Dataset['status'], string>> = {
  empty: 'Empty',
  pending: 'Waiting to be processed',
  processing: 'Processing',
  completed: 'Ready',
  errored: 'Some files failed',
  interrupted: 'Interrupted; Resume processes the rest',
  cancelled: 'Cancelled; Resume processes the rest',
};

/** A dataset's processing status as a coloured dot with its words for screen readers and tooltips. */
export function StatusDot({ status }: Readonly<{ status: Dataset['status'] }>) {
  return <span className={`status-dot ${status}`} title={WORDS[status]} role="img" aria-label={WORDS[status]} data-testid="dataset-status" data-status={status} />;
}

export const statusWords = (s: Dataset['status']): string => WORDS[s];
