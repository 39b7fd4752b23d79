import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';

/** With a stored layout: how much there is, back to the overview, and colour by type or community. */
export function OverviewBar() {
  const s = useApp(
    useShallow((st) => ({ overview: st.overview, open: st.openCommunities, colourBy: st.colourBy, close: st.closeCommunities, setColourBy: st.setColourBy, graph: st.graph })),
  );
  if (!s.overview) return null;
  const expanded = s.open.length > 0 || s.graph !== s.overview.base;
  return (
    <div className="overview-bar" data-testid="overview-bar">
      <span className="muted small" data-testid="overview-summary">
        {s.overview.totalCommunities.toLocaleString('en')} clusters · {s.overview.totalEntities.toLocaleString('en')} entities
        {s.open.length > 0 && ` · ${s.open.length} open`}
      </span>
      {expanded && (
        <button type="button" className="btn small" data-testid="back-to-overview" onClick={s.close}>
          Overview
        </button>
      )}
      <div className="segmented" role="radiogroup" aria-label="Colour nodes by">
        {(['community', 'type'] as const).map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={s.colourBy === c}
            className={s.colourBy === c ? 'btn small on' : 'btn small'}
            data-testid={`colour-by-${c}`}
            onClick={() => s.setColourBy(c)}
          >
            {c === 'community' ? 'Clusters' : 'Types'}
          </button>
        ))}
      </div>
    </div>
  );
}
