import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { formatBytes } from '../../ui/format';
import type { IngestItem } from './ingestItems';
import { CANCELLABLE_STAGES, FINAL_STAGES, STAGE_LABEL, stageFraction } from './stages';
import './ingest.css';

/**
 * The per-file list: stage, progress, size, errors in words, cancel. Hidden when empty; folds
 * to its header once everything finished (unless the person opened it), so it does not cover
 * the graph.
 */
export function IngestPanel() {
  const { items, clear } = useApp(useShallow((s) => ({ items: s.ingestItems, clear: s.clearFinishedIngest })));
  const [open, setOpen] = useState<boolean | null>(null);
  if (items.length === 0) return null;
  const active = items.filter((i) => !FINAL_STAGES.has(i.stage)).length;
  const failed = items.filter((i) => i.stage === 'error' || i.stage === 'rejected').length;
  const expanded = open ?? (active > 0 || failed > 0);
  const title = active > 0 ? `Adding ${active} file${active === 1 ? '' : 's'}…` : `${items.length - failed} of ${items.length} files added`;
  return (
    <section className="ingest-panel" aria-label="Files being added" data-testid="ingest-panel">
      <header className="ingest-head">
        <h2>{title}</h2>
        <div className="row">
          <button type="button" className="btn small" onClick={clear} disabled={active === items.length}>
            Clear finished
          </button>
          <button type="button" className="btn small ghost" aria-expanded={expanded} onClick={() => setOpen(!expanded)}>
            {expanded ? 'Hide' : 'Show'}
          </button>
        </div>
      </header>
      <ul className="ingest-list" aria-live="polite" hidden={!expanded}>
        {items.map((it) => (
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
