import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';

/** Find a node by name (graph.find) and focus it on the canvas. */
export function NodeFinder() {
  const { results, find, focus, datasetId } = useApp(
    useShallow((s) => ({ results: s.findResults, find: s.findNodes, focus: s.focusNode, datasetId: s.graphDatasetId })),
  );
  const [q, setQ] = useState('');
  const listId = useId();
  return (
    <form
      className="node-finder"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void find(q);
      }}
    >
      <input className="input" type="search" placeholder="Find a node…" aria-label="Find a node by name" value={q} data-testid="node-find" aria-controls={listId} onChange={(e) => setQ(e.target.value)} />
      {results.length > 0 && (
        <ul id={listId} className="find-results" data-testid="node-find-results">
          {results.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className="btn ghost"
                onClick={() => {
                  if (datasetId) void focus(datasetId, n.id);
                }}
              >
                {n.name} <span className="muted small">{n.kind ?? n.type}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
