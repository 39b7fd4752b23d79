import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { plural } from '../../ui/format';
import { Modal } from '../../ui/Modal';

const NEW = '__new__';

/** Where files dropped on the window go: a writable dataset, or a new one. */
export function ChooseDatasetDialog() {
  // Select the store's own array and filter outside the selector: a selector that returns a new
  // array on every call never compares equal, and React re-rendered until it gave up (#185,
  // "maximum update depth") whenever files were dropped outside a dataset.
  const { files, allDatasets, selected, ingest, create, close } = useApp(
    useShallow((s) => ({
      files: s.pendingFiles,
      allDatasets: s.datasets,
      selected: s.selectedDatasetId,
      ingest: s.ingest,
      create: s.createDataset,
      close: s.closeDialog,
    })),
  );
  const datasets = useMemo(() => allDatasets.filter((d) => d.permissions.write), [allDatasets]);
  const [target, setTarget] = useState(datasets.find((d) => d.id === selected)?.id ?? datasets[0]?.id ?? NEW);
  const [name, setName] = useState('My documents');
  const go = async () => {
    const id = target === NEW ? (await create(name.trim() || 'My documents'))?.id : target;
    if (!id) return;
    close();
    void ingest(id, files);
  };
  return (
    <Modal
      title={`Add ${plural(files.length, 'file')} to…`}
      onClose={close}
      testId="choose-dataset-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn primary" data-testid="choose-dataset-submit" onClick={() => void go()}>
            Add
          </button>
        </>
      }
    >
      <fieldset className="choices">
        <legend className="visually-hidden">Dataset</legend>
        {datasets.map((d) => (
          <label key={d.id} className="row">
            <input type="radio" name="target" checked={target === d.id} onChange={() => setTarget(d.id)} />
            {d.name}
            {!d.isOwner && <span className="muted small">(shared by {d.ownerEmail})</span>}
          </label>
        ))}
        <label className="row">
          <input type="radio" name="target" checked={target === NEW} onChange={() => setTarget(NEW)} />
          New dataset:
          <input className="input" value={name} aria-label="New dataset name" onFocus={() => setTarget(NEW)} onChange={(e) => setName(e.target.value)} />
        </label>
      </fieldset>
      <ul className="muted small file-preview">
        {files.slice(0, 8).map((f) => (
          <li key={f.path}>{f.path}</li>
        ))}
        {files.length > 8 && <li>…and {files.length - 8} more</li>}
      </ul>
    </Modal>
  );
}
