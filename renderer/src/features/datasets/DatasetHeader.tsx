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
  const p = dataset.permissions;
  return (
    <header className="dataset-header" data-testid="dataset-header">
      <div className="dataset-title">
        <h2 data-testid="dataset-title">{dataset.name}</h2>
        <PermissionBadges permissions={p} />
        <span className="muted small">
          {plural(dataset.dataCount, 'item')} · {statusWords(dataset.status)}
          {!dataset.isOwner && ` · shared by ${dataset.ownerEmail}`}
          {!p.write && ' · read-only'}
        </span>
      </div>
      <div className="dataset-actions">
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
