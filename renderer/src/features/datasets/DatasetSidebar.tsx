import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { Dataset } from '../../store/views';
import { ErrorText } from '../../ui/ErrorText';
import { splitDatasets } from './datasetsSlice';
import { DatasetRow } from './DatasetRow';
import './datasets.css';

/** The dataset list: "Mine" and "Shared with me", each row with permissions and status. */
export function DatasetSidebar() {
  const { datasets, loaded, error, openDialog } = useApp(
    useShallow((s) => ({ datasets: s.datasets, loaded: s.datasetsLoaded, error: s.datasetsError, openDialog: s.openDialog })),
  );
  const { mine, shared } = splitDatasets(datasets);
  return (
    <nav className="sidebar" aria-label="Datasets" data-testid="dataset-sidebar">
      <div className="sidebar-head">
        <h2>Datasets</h2>
        <button type="button" className="btn small" data-testid="new-dataset" onClick={() => openDialog({ kind: 'createDataset' })} title="New dataset (Ctrl+N)">
          + New
        </button>
      </div>
      <ErrorText message={error} />
      <Section title="Mine" testId="datasets-mine" list={mine} empty={loaded ? 'No datasets yet. Create one, or drop documents anywhere.' : 'Loading…'} />
      <Section title="Shared with me" testId="datasets-shared" list={shared} empty="Nothing is shared with you." />
    </nav>
  );
}

function Section({ title, list, empty, testId }: Readonly<{ title: string; list: readonly Dataset[]; empty: string; testId: string }>) {
  return (
    <section className="sidebar-section" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="dataset-list">
          {list.map((d) => (
            <DatasetRow key={d.id} dataset={d} />
          ))}
        </ul>
      )}
    </section>
  );
}
