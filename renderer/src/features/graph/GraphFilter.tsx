import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ALL_TYPES } from './lod';

const LABELS: Readonly<Record<string, string>> = {
  Document: 'Documents',
  DocumentChunk: 'Passages',
  Entity: 'Entities',
  EntityType: 'Entity types',
  TextSummary: 'Summaries',
};

/** Show / hide node types, with the dataset's count of each. */
export function GraphFilter() {
  const { hidden, counts, toggle } = useApp(useShallow((s) => ({ hidden: s.hiddenTypes, counts: s.graphCounts, toggle: s.toggleType })));
  return (
    <fieldset className="graph-filter" data-testid="graph-filter">
      <legend className="visually-hidden">Node types shown</legend>
      {ALL_TYPES.map((t) => (
        <label key={t} className="chip">
          <input type="checkbox" checked={!hidden.includes(t)} data-testid={`filter-${t}`} onChange={() => void toggle(t)} />
          {LABELS[t]}
          {counts && <span className="muted"> {(counts[t] ?? 0).toLocaleString('en')}</span>}
        </label>
      ))}
    </fieldset>
  );
}
