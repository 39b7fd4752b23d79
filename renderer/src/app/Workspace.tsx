import { DocumentView } from '../features/document/DocumentView';
import { DatasetSidebar } from '../features/datasets/DatasetSidebar';
import { IngestPanel } from '../features/ingest/IngestPanel';
import { WindowDrop } from '../features/ingest/WindowDrop';
import { DefaultPasswordBanner } from '../features/profiles/DefaultPasswordBanner';
import { SearchPage } from '../features/search/SearchPage';
import { useApp } from '../store/hooks';
import { DatasetPage } from './DatasetPage';
import { Dialogs } from './Dialogs';
import { ErrorBoundary } from './ErrorBoundary';
import { Notices } from './Notices';
import { TopBar } from './TopBar';

/** The signed-in window: top bar, banner, sidebar, main view, and the floating panels. */
export function Workspace() {
  const view = useApp((s) => s.view);
  return (
    <div className="workspace" data-testid="workspace">
      <TopBar />
      <DefaultPasswordBanner />
      <div className="workspace-body">
        <DatasetSidebar />
        <main className="main" aria-label={view === 'search' ? 'Search' : 'Dataset'}>
          <ErrorBoundary>{view === 'search' ? <SearchPage /> : <DatasetPage />}</ErrorBoundary>
        </main>
      </div>
      <IngestPanel />
      <DocumentView />
      <Dialogs />
      <Notices />
      <WindowDrop />
    </div>
  );
}
