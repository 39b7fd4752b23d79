import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { Dataset } from '../../store/views';
import './documents.css';

/** Graph | Documents for the selected dataset; the count turns red while a document failed. */
export function DatasetTabs({ dataset }: Readonly<{ dataset: Dataset }>) {
  const { tab, setTab } = useApp(useShallow((s) => ({ tab: s.datasetTab, setTab: s.setDatasetTab })));
  const failed = dataset.status === 'errored';
  return (
    <nav className="tabs dataset-tabs" aria-label="Dataset views">
      <button type="button" className={tab === 'graph' ? 'tab active' : 'tab'} aria-current={tab === 'graph' ? 'page' : undefined} data-testid="tab-graph" onClick={() => setTab('graph')}>
        Graph
      </button>
      <button
        type="button"
        className={tab === 'documents' ? 'tab active' : 'tab'}
        aria-current={tab === 'documents' ? 'page' : undefined}
        data-testid="tab-documents"
        title="The dataset’s files: status, errors, delete, retry"
        onClick={() => setTab('documents')}
      >
        Documents
        <span className={failed ? 'tab-count bad' : 'tab-count'} aria-label={failed ? `${dataset.dataCount}, some failed` : undefined}>
          {dataset.dataCount}
        </span>
      </button>
    </nav>
  );
}
