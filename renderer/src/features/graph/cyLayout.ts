/** Layout, fit and zoom on a cytoscape instance: the few camera moves the graph view makes. */
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';

import { chooseLayout } from './lod';

/** Concrete cytoscape options for the layout lod.ts picks (never animated). */
export function layoutOptions(nodeCount: number): LayoutOptions {
  const choice = chooseLayout(nodeCount);
  const common = { fit: true, padding: 30, animate: false } as const;
  if (choice.name === 'cose') {
    // Stronger repulsion than the default spreads labelled nodes enough to read them.
    return { ...common, name: 'cose', randomize: true, nodeRepulsion: () => 6000, idealEdgeLength: () => 55, gravity: 0.4, numIter: 1200 };
  }
  if (choice.name === 'concentric') {
    return { ...common, name: 'concentric', concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 3, minNodeSpacing: 6 };
  }
  return { ...common, name: 'grid', avoidOverlap: false };
}

/** Fitting a small graph would blow labels up; past this zoom it centres instead. */
const FIT_MAX_ZOOM = 1.25;

export function fitCapped(cy: Core): void {
  cy.fit(undefined, 30);
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center();
  }
}

/** Zooms by factor `f` about the middle of the canvas (not the pointer: keys and buttons have none). */
export function zoomAboutCentre(cy: Core, f: number): void {
  cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}
