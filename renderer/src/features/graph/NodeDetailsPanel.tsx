import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { AppStore } from '../../store/types';
import { ErrorText } from '../../ui/ErrorText';

/** The selected node: description, relations, and the source passages that assert it. */
export function NodeDetailsPanel() {
  const s = useApp(
    useShallow((st) => ({
      details: st.nodeDetails,
      error: st.nodeDetailsError,
      select: st.selectNode,
      expand: st.expandNode,
      selected: st.selectedNodeId,
    })),
  );
  const d = s.details;
  return (
    <aside className="node-details" aria-label="Node details" data-testid="node-details">
      <div className="row spread">
        <h2 data-testid="node-name">{d?.node.name ?? 'Loading…'}</h2>
        <button type="button" className="btn ghost small" aria-label="Close details" onClick={() => void s.select(null)}>
          ✕
        </button>
      </div>
      <ErrorText message={s.error} />
      {d && (
        <>
          <p className="muted small">
            {d.node.type}
            {d.node.kind ? ` · ${d.node.kind}` : ''}
          </p>
          {d.node.description && <p>{d.node.description}</p>}
          <button type="button" className="btn small" data-testid="expand-node" onClick={() => s.selected && void s.expand(s.selected)}>
            Show neighbours
          </button>
          <RelationList details={d} />
          <SourceList sources={d.sources} mention={d.node.type === 'Entity' ? d.node.name : ''} />
        </>
      )}
    </aside>
  );
}

type Details = NonNullable<AppStore['nodeDetails']>;

const RELATIONS_SHOWN = 50;
const SOURCES_SHOWN = 30;

function RelationList({ details: d }: Readonly<{ details: Details }>) {
  const s = useApp(useShallow((st) => ({ datasetId: st.graphDatasetId, focus: st.focusNode })));
  return (
    <>
      <h3>Relations ({d.relations.length})</h3>
      <ul className="relations">
        {d.relations.slice(0, RELATIONS_SHOWN).map((r) => (
          <li key={r.edge.id}>
            <span className="muted">{r.edge.source === d.node.id ? r.edge.relation : `← ${r.edge.relation}`}</span>{' '}
            <button type="button" className="link" onClick={() => s.datasetId && void s.focus(s.datasetId, r.other.id)}>
              {r.other.name}
            </button>
          </li>
        ))}
        {d.relations.length > RELATIONS_SHOWN && <li className="muted">…and {d.relations.length - RELATIONS_SHOWN} more</li>}
      </ul>
    </>
  );
}

function SourceList({ sources, mention }: Readonly<{ sources: Details['sources']; mention: string }>) {
  const s = useApp(useShallow((st) => ({ datasetId: st.graphDatasetId, open: st.openDocument })));
  return (
    <>
      <h3>Sources ({sources.length})</h3>
      {sources.length === 0 && <p className="muted small">No passage asserts this node directly.</p>}
      <ul className="sources" data-testid="node-sources">
        {sources.slice(0, SOURCES_SHOWN).map((src) => (
          <li key={`${src.chunkId}:${src.start}`}>
            <button
              type="button"
              className="passage"
              data-testid="source-passage"
              onClick={() => s.datasetId && void s.open(s.datasetId, src.dataId, { start: src.start, end: src.end, name: src.dataName, mention })}
            >
              <span className="passage-doc">{src.dataName}</span>
              <span className="passage-text">{src.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
