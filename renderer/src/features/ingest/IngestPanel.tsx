import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { formatBytes } from '../../ui/format';
import type { IngestItem } from './ingestItems';
import { countIngest, ingestTitle } from './ingestSummary';
import { CANCELLABLE_STAGES, FINAL_STAGES, STAGE_LABEL, stageFraction } from './stages';
import './ingest.css';

const isProblem = (i: IngestItem) => i.stage === 'error' || i.stage === 'rejected';

/**
 * The per-file list: stage, progress, size, errors in words, cancel, resume. Hidden when empty;
 * folds to its header once everything finished without a problem, or with one while the
 * Documents tab shows it (unless the person opened it), so it does not cover the graph or the
 * documents table. Rejected and failed files come first, so they are seen without scrolling.
 */
export function IngestPanel() {
  const { items, clear, resume } = useApp(useShallow((s) => ({ items: s.ingestItems, clear: s.clearFinishedIngest, resume: s.resumeIngest })));
  const [open, setOpen] = useState<boolean | null>(null);
  // Once nothing is running, the Documents tab shows the same per-file state in full, and the
  // open panel would cover its columns; while files are running it stays open (Cancel is there).
  const documentsShown = useApp((s) => s.view !== 'search' && s.datasetTab === 'documents');
  if (items.length === 0) return null;
  const counts = countIngest(items);
  const expanded = open ?? (counts.active > 0 || (!documentsShown && counts.failed + counts.rejected + counts.cancelled > 0));
  const ordered = [...items.filter(isProblem), ...items.filter((i) => !isProblem(i))];
  // Datasets with cancelled files and no run of theirs under way here: Resume picks up what is left.
  const resumable = [...new Set(items.filter((i) => i.stage === 'cancelled').map((i) => i.datasetId))].filter(
    (id) => !items.some((i) => i.datasetId === id && !FINAL_STAGES.has(i.stage)),
  );
  return (
    <section className="ingest-panel" aria-label="Files being added" data-testid="ingest-panel">
      <header className="ingest-head">
        <h2 data-testid="ingest-title">{ingestTitle(counts)}</h2>
        <div className="row">
          {resumable.length > 0 && (
            <button type="button" className="btn small primary" data-testid="ingest-resume" onClick={() => resumable.forEach((id) => void resume(id))}>
              Resume
            </button>
          )}
          <button type="button" className="btn small" onClick={clear} disabled={counts.active === items.length}>
            Clear finished
          </button>
          <button type="button" className="btn small ghost" aria-expanded={expanded} onClick={() => setOpen(!expanded)}>
            {expanded ? 'Hide' : 'Show'}
          </button>
        </div>
      </header>
      <ul className="ingest-list" aria-live="polite" hidden={!expanded}>
        {ordered.map((it) => (
          <IngestRow key={it.key} item={it} />
        ))}
      </ul>
    </section>
  );
}

function IngestRow({ item }: Readonly<{ item: IngestItem }>) {
  const cancel = useApp((s) => s.cancelIngest);
  const datasetName = useApp((s) => s.datasets.find((d) => d.id === item.datasetId)?.name ?? '');
  const fraction = stageFraction(item.stage, item.uploaded);
  const bad = item.stage === 'error' || item.stage === 'rejected';
  return (
    <li className={`ingest-row ${item.stage}`} data-testid="ingest-item" data-name={item.path} data-stage={item.stage}>
      <div className="ingest-line">
        <span className="ingest-name" title={`${item.path} → ${datasetName}`}>
          {item.path}
        </span>
        <span className="muted small">{formatBytes(item.size)}</span>
      </div>
      <div className="ingest-line">
        <progress max={1} value={fraction} aria-label={`${item.path}: ${STAGE_LABEL[item.stage]}`} />
        <span className={bad ? 'small error-inline' : 'small muted'} data-testid="ingest-stage">
          {STAGE_LABEL[item.stage]}
        </span>
        {CANCELLABLE_STAGES.has(item.stage) && (
          <button
            type="button"
            className="btn small ghost"
            title="Stops processing this dataset after the current file"
            aria-label={`Cancel processing ${item.path}`}
            onClick={() => void cancel(item.datasetId)}
          >
            Cancel
          </button>
        )}
      </div>
      {item.message && (
        <p className={bad ? 'small error-inline' : 'small muted'} data-testid="ingest-message">
          {item.message}
        </p>
      )}
    </li>
  );
}
