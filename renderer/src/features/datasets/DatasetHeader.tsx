import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { Dataset } from '../../store/views';
import { plural } from '../../ui/format';
import { FilePickers } from '../ingest/FilePickers';
import { PermissionBadges } from './PermissionBadges';
import { statusWords } from './StatusDot';

/** The selected dataset's name, status and the actions the caller may use (others are not offered). */
export function DatasetHeader({ dataset }: Readonly<{ dataset: Dataset }>) {
  const openDialog = useApp((s) => s.openDialog);
  const rebuildIndex = useApp((s) => s.rebuildIndex);
  const { resume, tab, setTab } = useApp(useShallow((s) => ({ resume: s.resumeIngest, tab: s.datasetTab, setTab: s.setDatasetTab })));
  const notProcessed = useApp((s) => (s.docsDatasetId === dataset.id ? s.docs.filter((d) => d.status === 'pending').length : null));
  const failed = useApp((s) => (s.docsDatasetId === dataset.id ? s.docs.filter((d) => d.status === 'errored').length : null));
  const p = dataset.permissions;
  // Cancelled and interrupted runs left files unprocessed: say how many, and offer to go on.
  const stopped = dataset.status === 'cancelled' || dataset.status === 'interrupted';
  return (
    <header className="dataset-header" data-testid="dataset-header">
      <div className="dataset-title">
        <h2 data-testid="dataset-title">{dataset.name}</h2>
        <PermissionBadges permissions={p} />
        <span className="muted small" data-testid="dataset-status-line" data-status={dataset.status}>
          {plural(dataset.dataCount, 'item')} · {statusLine(dataset, notProcessed, failed)}
          {!dataset.isOwner && ` · shared by ${dataset.ownerEmail}`}
          {!p.write && ' · read-only'}
        </span>
      </div>
      <div className="dataset-actions">
        {p.write && stopped && (
          <button type="button" className="btn primary" data-testid="dataset-resume" title="Process the files the last run did not get to" onClick={() => void resume(dataset.id)}>
            Resume
          </button>
        )}
        {dataset.status === 'errored' && tab !== 'documents' && (
          <button type="button" className="btn danger" data-testid="show-failed" onClick={() => setTab('documents')}>
            Show failed files
          </button>
        )}
        {p.write && <FilePickers datasetId={dataset.id} />}
        {p.write && dataset.dataCount > 0 && (
          <button
            type="button"
            className="btn"
            data-testid="rebuild-index"
            title="Rebuild the graph and search index from the stored documents, with the embedder chosen in Settings"
            onClick={() => void rebuildIndex(dataset.id)}
          >
            Rebuild index
          </button>
        )}
        {p.share && (
          <button type="button" className="btn" data-testid="share-dataset" onClick={() => openDialog({ kind: 'share', datasetId: dataset.id })}>
            Share…
          </button>
        )}
        {dataset.isOwner && (
          <button type="button" className="btn" data-testid="rename-dataset" onClick={() => openDialog({ kind: 'renameDataset', datasetId: dataset.id })}>
            Rename…
          </button>
        )}
        {p.delete && (
          <button type="button" className="btn danger" data-testid="delete-dataset" onClick={() => openDialog({ kind: 'deleteDataset', datasetId: dataset.id })}>
            Delete…
          </button>
        )}
      </div>
    </header>
  );
}

/** The status in the header: with counts where the documents list has them, without its tooltip's advice. */
function statusLine(dataset: Dataset, notProcessed: number | null, failed: number | null): string {
  if (dataset.status === 'cancelled' || dataset.status === 'interrupted') {
    const how = dataset.status === 'cancelled' ? 'Cancelled' : 'Interrupted';
    return notProcessed === null ? how : `${how} · ${notProcessed} of ${dataset.dataCount} not processed`;
  }
  if (dataset.status === 'errored' && failed !== null) return `${plural(failed, 'file')} failed`;
  return statusWords(dataset.status);
}
