import { useApp } from '../../store/hooks';
import { plural } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { NameDialog } from './NameDialog';

/** New dataset (Ctrl+N). */
export function CreateDatasetDialog() {
  const create = useApp((s) => s.createDataset);
  const close = useApp((s) => s.closeDialog);
  return <NameDialog title="New dataset" submitLabel="Create" testId="create-dataset" onSubmit={async (n) => (await create(n)) !== null} onClose={close} />;
}

/** Rename (offered to the owner only). */
export function RenameDatasetDialog({ datasetId }: Readonly<{ datasetId: string }>) {
  const dataset = useApp((s) => s.datasets.find((d) => d.id === datasetId));
  const rename = useApp((s) => s.renameDataset);
  const close = useApp((s) => s.closeDialog);
  if (!dataset) return null;
  return <NameDialog title={`Rename “${dataset.name}”`} initial={dataset.name} submitLabel="Rename" testId="rename-dataset" onSubmit={(n) => rename(datasetId, n)} onClose={close} />;
}

/** Delete, after saying exactly what will be lost. */
export function DeleteDatasetDialog({ datasetId }: Readonly<{ datasetId: string }>) {
  const dataset = useApp((s) => s.datasets.find((d) => d.id === datasetId));
  const remove = useApp((s) => s.deleteDataset);
  const close = useApp((s) => s.closeDialog);
  if (!dataset) return null;
  return (
    <Modal
      title={`Delete “${dataset.name}”?`}
      onClose={close}
      testId="delete-dataset-dialog"
      footer={
        <>
          <button type="button" className="btn" autoFocus onClick={close}>
            Keep it
          </button>
          <button
            type="button"
            className="btn danger primary"
            data-testid="confirm-delete"
            onClick={async () => {
              if (await remove(datasetId)) close();
            }}
          >
            Delete dataset
          </button>
        </>
      }
    >
      <p>
        This permanently deletes <strong>{dataset.name}</strong> with its {plural(dataset.dataCount, 'item')}, its knowledge graph and its search
        vectors{dataset.isOwner ? '' : `, for its owner ${dataset.ownerEmail} and everyone it is shared with`}.
      </p>
      <p className="muted">This cannot be undone.</p>
    </Modal>
  );
}
