import { LEGEND, PALETTE } from './palette';

/** What the colours mean. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend" data-testid="graph-legend">
      {LEGEND.map((l) => (
        <li key={l.key}>
          <span className="swatch" style={{ background: PALETTE[l.key] }} aria-hidden="true" />
          {l.label}
        </li>
      ))}
    </ul>
  );
}
