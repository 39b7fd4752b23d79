import { useState } from 'react';

import { useApp } from '../../store/hooks';
import type { Dataset } from '../../store/views';
import { collectDrop } from '../ingest/walkEntries';
import { PermissionBadges } from './PermissionBadges';
import { StatusDot } from './StatusDot';

/** One dataset in the sidebar; a drop target when the caller may write to it. */
export function DatasetRow({ dataset }: Readonly<{ dataset: Dataset }>) {
  const selected = useApp((s) => s.selectedDatasetId === dataset.id && s.view === 'graph');
  const select = useApp((s) => s.selectDataset);
  const setView = useApp((s) => s.setView);
  const ingest = useApp((s) => s.ingest);
  const [over, setOver] = useState(false);
  const canWrite = dataset.permissions.write;

  return (
    <li
      className={`dataset-row${selected ? ' selected' : ''}${over ? ' drop-over' : ''}`}
      data-testid={`dataset-${dataset.name}`}
      data-dataset-id={dataset.id}
      data-drop-target={canWrite ? '' : undefined}
      onDragOver={(e) => {
        if (!canWrite) return; // no drop target on a read-only dataset: the window asks instead
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!canWrite) return;
        e.preventDefault();
        setOver(false);
        void collectDrop(e.dataTransfer).then((files) => ingest(dataset.id, files));
      }}
    >
      <button
        type="button"
        className="dataset-btn"
        aria-current={selected ? 'true' : undefined}
        onClick={() => {
          setView('graph');
          select(dataset.id);
        }}
      >
        <StatusDot status={dataset.status} />
        <span className="dataset-name">{dataset.name}</span>
        <span className="dataset-count muted">{dataset.dataCount}</span>
      </button>
      <div className="dataset-meta">
        <PermissionBadges permissions={dataset.permissions} />
        {!dataset.isOwner && <span className="muted small owner">from {dataset.ownerEmail}</span>}
      </div>
    </li>
  );
}
