import { useApp } from '../../store/hooks';
import type { ColourBy } from './cyStyle';
import { communityColour, LEGEND, PALETTE } from './palette';

const COMMUNITIES_SHOWN = 8;

/** What the colours mean: node types, or the largest clusters. */
export function Legend({ colourBy }: Readonly<{ colourBy: ColourBy }>) {
  const communities = useApp((s) => s.overview?.communities);
  const rows =
    colourBy === 'community' && communities
      ? communities.slice(0, COMMUNITIES_SHOWN).map((c) => ({ key: `c${c.id}`, colour: communityColour(c.id), label: c.label }))
      : LEGEND.map((l) => ({ key: l.key, colour: PALETTE[l.key], label: l.label }));
  return (
    <ul className="legend" aria-label="Legend" data-testid="graph-legend">
      {rows.map((l) => (
        <li key={l.key}>
          <span className="swatch" style={{ background: l.colour }} aria-hidden="true" />
          {l.label}
        </li>
      ))}
    </ul>
  );
}
