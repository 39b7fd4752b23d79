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
const FIT_PADDING = 30;

/**
 * Fits every node in view (capped at FIT_MAX_ZOOM). Computed from node positions and sizes, not
 * with cy.fit: that measures every element's bounding box, labels and edges included, and on a
 * 3,400-element overview it took 1.6 s of the first frame (headless Chromium, software rendering).
 */
export function fitCapped(cy: Core): void {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  cy.nodes().forEach((n) => {
    const p = n.position();
    const r = ((n.data('size') as number | undefined) ?? 20) / 2;
    minX = Math.min(minX, p.x - r);
    maxX = Math.max(maxX, p.x + r);
    minY = Math.min(minY, p.y - r);
    maxY = Math.max(maxY, p.y + r);
  });
  if (!Number.isFinite(minX)) return;
  const w = Math.max(1, cy.width() - 2 * FIT_PADDING);
  const h = Math.max(1, cy.height() - 2 * FIT_PADDING);
  const zoom = Math.max(cy.minZoom(), Math.min(FIT_MAX_ZOOM, cy.maxZoom(), w / Math.max(1, maxX - minX), h / Math.max(1, maxY - minY)));
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - ((minX + maxX) / 2) * zoom, y: cy.height() / 2 - ((minY + maxY) / 2) * zoom } });
}

/** Zooms by factor `f` about the middle of the canvas (not the pointer: keys and buttons have none). */
export function zoomAboutCentre(cy: Core, f: number): void {
  cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}
