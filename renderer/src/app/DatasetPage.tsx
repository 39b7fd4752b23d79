import { useApp } from '../store/hooks';
import { DatasetHeader } from '../features/datasets/DatasetHeader';
import { DatasetTabs } from '../features/datasets/DatasetTabs';
import { DocumentsPanel } from '../features/datasets/DocumentsPanel';
import { GraphView } from '../features/graph/GraphView';
import { DropZone } from '../features/ingest/DropZone';
import { TrySamples } from '../features/samples/TrySamples';

/** The selected dataset: header with actions, drop zone (writable only), and its graph or its documents. */
export function DatasetPage() {
  const dataset = useApp((s) => s.datasets.find((d) => d.id === s.selectedDatasetId));
  const loaded = useApp((s) => s.datasetsLoaded);
  const openDialog = useApp((s) => s.openDialog);
  const tab = useApp((s) => s.datasetTab);
  const noDatasets = useApp((s) => s.datasets.length === 0);
  if (!dataset) {
    return (
      <div className="welcome" data-testid="welcome">
        <h2>Drop documents here to build your first knowledge graph</h2>
        <p className="muted">{loaded ? 'Create a dataset, then drop files or folders on it — or drop them anywhere and choose where they go.' : 'Loading…'}</p>
        <button type="button" className="btn primary" onClick={() => openDialog({ kind: 'createDataset' })}>
          New dataset
        </button>
        {loaded && noDatasets && <TrySamples />}
      </div>
    );
  }
  const empty = dataset.dataCount === 0;
  return (
    <div className="dataset-page" data-testid="dataset-page" data-dataset={dataset.name}>
      <DatasetHeader dataset={dataset} />
      {!empty && <DatasetTabs dataset={dataset} />}
      {dataset.permissions.write && <DropZone datasetId={dataset.id} prominent={empty} />}
      {tab === 'documents' && !empty ? <DocumentsPanel dataset={dataset} /> : !(empty && dataset.permissions.write) && <GraphView canWrite={dataset.permissions.write} />}
    </div>
  );
}
