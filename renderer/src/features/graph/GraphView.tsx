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
import { OverviewBar } from './OverviewBar';
import './graph.css';

const GraphCanvas = lazy(() => import('./GraphCanvas'));

/** The dataset's graph: finder, type filter, overview controls, legend, canvas and the selected node's details. */
export function GraphView({ canWrite }: Readonly<{ canWrite: boolean }>) {
  const s = useApp(
    useShallow((st) => ({
      graph: st.graph,
      loading: st.graphLoading,
      error: st.graphError,
      hidden: st.hiddenTypes,
      selected: st.selectedNodeId,
      focus: st.focus,
      overview: st.overview,
      open: st.openCommunities,
      colourBy: st.colourBy,
      select: st.selectNode,
      expand: st.expandNode,
      openCommunity: st.openCommunity,
    })),
  );
  // With a layout the overview says how much there is; without one, the "showing N of M" line does.
  const note = s.graph && !s.overview ? truncationNote(s.graph) : null;
  const empty = s.graph !== null && s.graph.totalNodes === 0;
  const colourBy = s.overview ? s.colourBy : 'type';

  return (
    <div className="graph-view" data-testid="graph-view">
      <div className="graph-toolbar">
        <NodeFinder />
        <GraphFilter />
        {s.overview && <OverviewBar />}
        {note && (
          <span className="muted small" data-testid="graph-truncated">
            {note}
          </span>
        )}
        {s.loading && <span className="muted small">Loading graph…</span>}
      </div>
      <ErrorText message={s.error} testId="graph-error" />
      <div className="graph-body">
        <div className="graph-main">
          {empty ? (
            <p className="empty-note" data-testid="graph-empty">
              {canWrite ? 'No graph yet. Add documents and Kenning builds one from them.' : 'This dataset has no graph yet.'}
            </p>
          ) : s.graph ? (
            <ErrorBoundary label="The graph view stopped working">
              <Suspense fallback={<p className="empty-note">Loading the graph view…</p>}>
                <GraphCanvas
                  // A dataset gaining its first layout (its first cognify) is drawn afresh and fitted.
                  key={s.overview ? 'overview' : 'whole'}
                  graph={s.graph}
                  hiddenTypes={s.hidden}
                  selectedNodeId={s.selected}
                  focus={s.focus}
                  onSelect={(id) => void s.select(id)}
                  onExpand={(id) => void s.expand(id)}
                  communities={s.overview?.communities ?? []}
                  openCommunities={s.open}
                  onOpenCluster={(c) => void s.openCommunity(c)}
                  colourBy={colourBy}
                />
              </Suspense>
            </ErrorBoundary>
          ) : null}
          <Legend colourBy={colourBy} />
        </div>
        {s.selected && <NodeDetailsPanel />}
      </div>
    </div>
  );
}
