/**
 * Runs the label pass (labels.ts) on a cytoscape canvas: once the view is at rest after a pan or
 * zoom, and whenever the elements change. Labels keep one size on screen, as on a map (larger for
 * more important entities): zoomed out, few fit; zooming in makes room for more. Only nodes whose
 * label changes are touched.
 */
import type { Core, NodeSingular } from 'cytoscape';

import { setFlags } from '../../app/e2eFlags';
import { CLUSTER_OUTLINE, LABEL_FONT, LABEL_GAP, LABEL_OUTLINE } from './cyStyle';
import { chooseLabels, countOverlaps, overlaps } from './labels';
import type { Box, LabelCandidate } from './labels';
import { CLUSTER_LABEL_PX, MAX_LABELS, MIN_LABEL_PX } from './lod';

/** Quiet time after the last pan or zoom before labels are chosen again. */
const REST_MS = 120;
/** Cytoscape grows a label's box by its outline and a margin of error of 2, in model units (the wider clusters' outline for all). */
const BOX_GROWTH = Math.max(LABEL_OUTLINE, CLUSTER_OUTLINE) + 2;

let measureCtx: CanvasRenderingContext2D | null | undefined;
const widthCache = new Map<string, number>();

/** Width of `text` at a 1 px font, measured in the canvas's label font (cached per text). */
function widthPerPx(text: string, bold: boolean): number {
  const key = bold ? `b:${text}` : text;
  const cached = widthCache.get(key);
  if (cached !== undefined) return cached;
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  let w: number;
  if (measureCtx) {
    // Bold (selected nodes) is at least as wide as the clusters' semi-bold: measuring with it errs on the safe side.
    measureCtx.font = `${bold ? 'bold' : 'normal'} 100px ${LABEL_FONT}`;
    w = measureCtx.measureText(text).width / 100;
  } else {
    w = text.length * 0.6; // no canvas (tests): a generous estimate
  }
  if (widthCache.size > 20_000) widthCache.clear();
  widthCache.set(key, w);
  return w;
}

/** Chooses and applies the labels for the current view. */
export function relabel(cy: Core): void {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const w = cy.width();
  const h = cy.height();
  const candidates: LabelCandidate[] = [];
  const margin = 200;
  cy.nodes().forEach((n) => {
    const text = n.data('name') as string | undefined;
    // Hidden types are never added to the canvas, so no visibility check (it would compute every node's style).
    if (!text || n.hasClass('open')) return;
    const p = n.position();
    const x = p.x * zoom + pan.x;
    const y = p.y * zoom + pan.y;
    if (x < -margin || y < -margin || x > w + margin || y > h + margin) return;
    const cluster = n.hasClass('cluster');
    const fontPx = cluster ? Math.min(CLUSTER_LABEL_PX.max, Math.max(CLUSTER_LABEL_PX.min, (n.data('fontSize') as number) * zoom)) : (n.data('labelPx') as number);
    const boost = n.hasClass('hover') ? 2e9 : n.selected() ? 1e9 : n.hasClass('hood') ? 1e6 : 0;
    candidates.push({
      id: n.id(),
      text,
      x,
      y,
      radius: ((n.data('size') as number) / 2) * zoom,
      fontPx,
      priority: (n.data('priority') as number) + boost,
      placement: cluster ? 'centre' : 'below',
      bold: cluster || n.selected() || n.hasClass('hover'),
    });
  });
  const chosen = chooseLabels(candidates, { viewport: { w, h }, widthPerPx, minFontPx: MIN_LABEL_PX, maxLabels: MAX_LABELS, pad: BOX_GROWTH * zoom + 1, gap: LABEL_GAP * zoom });
  const fontOf = new Map(candidates.map((c) => [c.id, c.fontPx]));
  cy.batch(() => {
    cy.nodes('.labelled').forEach((n) => {
      if (!chosen.has(n.id())) n.removeClass('labelled');
    });
    for (const id of chosen) {
      const n = cy.getElementById(id);
      if (!n.hasClass('labelled')) n.addClass('labelled');
      // The size on screen the pass measured, in model units at this zoom.
      const size = fontOf.get(id)! / zoom;
      if (Math.abs((n.data('labelSize') as number) - size) > size * 0.01) n.data('labelSize', size);
    }
  });
}

/** Relabels after each pan/zoom settles. Returns the unsubscribe. */
export function relabelAtRest(cy: Core): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onViewport = () => {
    clearTimeout(timer);
    timer = setTimeout(() => relabel(cy), REST_MS);
  };
  cy.on('viewport', onViewport);
  return () => {
    clearTimeout(timer);
    cy.off('viewport', onViewport);
  };
}

/**
 * Overlapping label pairs as cytoscape itself draws them (its own label bounding boxes, on
 * screen), among the labels visible now: what the browser tests and the benchmark measure.
 */
export function measureLabelOverlaps(cy: Core): { labels: number; overlaps: number; pairs: string[] } {
  const zoom = cy.zoom();
  const boxes: (Box & { id: string })[] = [];
  cy.nodes().forEach((n: NodeSingular) => {
    const shown = n.hasClass('labelled') || n.selected() || n.hasClass('hover');
    if (!shown || !n.visible() || (n.data('labelSize') as number) * zoom < MIN_LABEL_PX) return;
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    if (b.w <= 0 || b.x2 < 0 || b.y2 < 0 || b.x1 > cy.width() || b.y1 > cy.height()) return;
    boxes.push({ id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  });
  // The first few overlapping pairs, by id, so a failing check says which labels collided.
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length && pairs.length < 5; i++)
    for (let j = i + 1; j < boxes.length && pairs.length < 5; j++) if (overlaps(boxes[i]!, boxes[j]!)) pairs.push(`${boxes[i]!.id} × ${boxes[j]!.id}`);
  return { labels: boxes.length, overlaps: countOverlaps(boxes), pairs };
}

/** Publishes the overlap measure to the browser tests (test builds only). */
export function exposeLabelMeasure(cy: Core): void {
  setFlags({ labelOverlaps: () => measureLabelOverlaps(cy) });
}
