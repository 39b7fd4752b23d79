import type { Core } from 'cytoscape';
import type { KeyboardEvent } from 'react';

import { fitCapped, zoomAboutCentre } from './cyLayout';

const PAN_STEP = 80;
const PANS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [PAN_STEP, 0],
  ArrowRight: [-PAN_STEP, 0],
  ArrowUp: [0, PAN_STEP],
  ArrowDown: [0, -PAN_STEP],
};

/** Keyboard on the canvas: + / - zoom, arrows pan, 0 fits. Other keys pass through untouched. */
export function onGraphKey(cy: Core | null, e: KeyboardEvent): void {
  if (!cy) return;
  const pan = PANS[e.key];
  if (e.key === '+' || e.key === '=') zoomAboutCentre(cy, 1.25);
  else if (e.key === '-' || e.key === '_') zoomAboutCentre(cy, 0.8);
  else if (e.key === '0') fitCapped(cy);
  else if (pan) cy.panBy({ x: pan[0], y: pan[1] });
  else return;
  e.preventDefault();
}

/** The zoom buttons over the canvas; `cy` is read at click time (the instance outlives renders). */
export function ZoomToolbar({ cy }: Readonly<{ cy: () => Core | null }>) {
  const zoomBy = (f: number) => {
    const c = cy();
    if (c) zoomAboutCentre(c, f);
  };
  const fit = () => {
    const c = cy();
    if (c) fitCapped(c);
  };
  return (
    <div className="graph-zoom" role="group" aria-label="Zoom">
      <button type="button" className="btn small" aria-label="Zoom in" onClick={() => zoomBy(1.25)}>
        +
      </button>
      <button type="button" className="btn small" aria-label="Zoom out" onClick={() => zoomBy(0.8)}>
        −
      </button>
      <button type="button" className="btn small" data-testid="graph-fit" onClick={fit}>
        Fit
      </button>
    </div>
  );
}
