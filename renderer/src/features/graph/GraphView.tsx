import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { ErrorBoundary } from '../../app/ErrorBoundary';
import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { GraphFilter } from './GraphFilter';
import { Legend } from './Legend';
import { truncationNote } from './lod';
import { NodeDetailsPanel } from './NodeDetailsPanel';
import { NodeFinder } from './NodeFinder';
import './graph.css';

const GraphCanvas = lazy(() => import('./GraphCanvas'));

/** The dataset's graph: finder, type filter, legend, canvas and the selected node's details. */
export function GraphView({ canWrite }: Readonly<{ canWrite: boolean }>) {
  const s = useApp(
    useShallow((st) => ({
      graph: st.graph,
      loading: st.graphLoading,
      error: st.graphError,
      hidden: st.hiddenTypes,
      selected: st.selectedNodeId,
      focus: st.focus,
      select: st.selectNode,
      expand: st.expandNode,
    })),
  );
  const note = s.graph ? truncationNote(s.graph) : null;
  const empty = s.graph !== null && s.graph.totalNodes === 0;

  return (
    <div className="graph-view" data-testid="graph-view">
      <div className="graph-toolbar">
        <NodeFinder />
        <GraphFilter />
        {note && (
          <span className="muted small" data-testid="graph-truncated">
            {note} — expand nodes to see more
          </span>
        )}
        {s.loading && <span className="muted small">Loading graph…</span>}
      </div>
      <ErrorText message={s.error} testId="graph-error" />
      <div className="graph-body">
        <div className="graph-main">
          {empty ? (
            <p className="empty" data-testid="graph-empty">
              {canWrite ? 'No graph yet. Add documents and Kenning builds one from them.' : 'This dataset has no graph yet.'}
            </p>
          ) : s.graph ? (
            <ErrorBoundary label="The graph view stopped working">
              <Suspense fallback={<p className="empty">Loading the graph view…</p>}>
                <GraphCanvas graph={s.graph} hiddenTypes={s.hidden} selectedNodeId={s.selected} focus={s.focus} onSelect={(id) => void s.select(id)} onExpand={(id) => void s.expand(id)} />
              </Suspense>
            </ErrorBoundary>
          ) : null}
          <Legend />
        </div>
        {s.selected && <NodeDetailsPanel />}
      </div>
    </div>
  );
}
