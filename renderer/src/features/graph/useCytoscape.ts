import cytoscape from 'cytoscape';
import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

import { setFlags } from '../../app/e2eFlags';
import { graphStyle } from './cyStyle';
import type { StyleOptions } from './cyStyle';
import { OPEN_AT_SHARE } from './lod';
import { exposeLabelMeasure, relabel, relabelAtRest } from './useLabels';
import { installWheelZoom } from './wheelZoom';

export type CanvasHandlers = Readonly<{
  onSelect: (nodeId: string | null) => void;
  onExpand: (nodeId: string) => void;
  /** A cluster was clicked (`zoomTo`: also bring it into view) or zoomed into until it opens. */
  onOpenCluster?: (community: number, zoomTo: boolean) => void;
}>;

/**
 * The cytoscape instance living in `box` for as long as the component is mounted: taps select,
 * double taps expand, a click on a cluster opens it, hovering a node highlights its neighbours,
 * wheel zoom goes at a normal speed, and a click on the canvas focuses it (so + − 0 and the
 * arrows work after it). It follows the OS theme and the box's size. The handlers may change on
 * every render; the instance always calls the latest ones.
 */
export function useCytoscape(box: RefObject<HTMLDivElement | null>, handlers: CanvasHandlers, look: StyleOptions): RefObject<Core | null> {
  const cyRef = useRef<Core | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  const lookRef = useRef(look);
  lookRef.current = look;

  useEffect(() => {
    const el = box.current;
    const cy = cytoscape({ container: el, minZoom: 0.02, maxZoom: 6, boxSelectionEnabled: false });
    cyRef.current = cy;
    cy.style(graphStyle(lookRef.current));
    bindTaps(cy, latest);
    const stops = [
      bindHover(cy),
      relabelAtRest(cy),
      openClustersOnZoom(cy, (c) => latest.current.onOpenCluster?.(c, false)),
      followTheme(() => cy.style(graphStyle(lookRef.current))),
      keepCentreOnResize(cy, el),
      el?.parentElement ? installWheelZoom(cy, el.parentElement) : () => undefined,
      focusOnPointerUp(el),
    ];
    exposeToE2e(cy, box);
    return () => {
      for (const stop of stops) stop();
      setFlags({ graphRendered: false, graphNodeCount: 0, nodePosition: undefined, nodeIds: undefined, modelPosition: undefined, labelledIds: undefined, labelOverlaps: undefined, zoom: undefined, highlightedIds: undefined });
      cy.destroy();
      cyRef.current = null;
    };
  }, [box]);

  // A new stylesheet costs a pass over every element: only when what it depends on changes. This
  // effect runs before useShowElements' (declared after it), so new elements are styled once.
  const { large, colourBy } = look;
  useEffect(() => {
    cyRef.current?.style(graphStyle({ large, colourBy }));
  }, [large, colourBy]);

  return cyRef;
}

function bindTaps(cy: Core, latest: RefObject<CanvasHandlers>): void {
  cy.on('tap', 'node', (e) => {
    const n = e.target as NodeSingular;
    if (n.hasClass('cluster')) latest.current.onOpenCluster?.(n.data('community') as number, true);
    else latest.current.onSelect(n.id());
  });
  cy.on('dbltap', 'node', (e) => {
    const n = e.target as NodeSingular;
    if (!n.hasClass('cluster')) latest.current.onExpand(n.id());
  });
  cy.on('tap', (e) => {
    if (e.target === cy) latest.current.onSelect(null);
  });
}

/**
 * Hovering a node marks it, its neighbours and the edges between them; leaving clears it. The
 * hovered node's label is shown first and the others make room for it (a relabel), so even
 * while hovering no two labels overlap.
 */
function bindHover(cy: Core): () => void {
  const clear = () => {
    cy.batch(() => cy.elements('.hover, .hood').removeClass('hover hood'));
    relabel(cy);
  };
  const onOver = (e: cytoscape.EventObject) => {
    const n = e.target as NodeSingular;
    if (n.hasClass('cluster')) return;
    cy.batch(() => {
      cy.elements('.hover, .hood').removeClass('hover hood');
      n.addClass('hover');
      n.neighborhood().not('.cluster').addClass('hood');
    });
    relabel(cy);
  };
  cy.on('mouseover', 'node', onOver);
  cy.on('mouseout', 'node', clear);
  return () => {
    cy.off('mouseover', 'node', onOver);
    cy.off('mouseout', 'node', clear);
  };
}

/**
 * Zooming into a closed cluster until it fills OPEN_AT_SHARE of the canvas opens it (its members
 * load and appear at their places). Checked once the view is at rest; at most two at a time.
 */
function openClustersOnZoom(cy: Core, open: (community: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const zoom = cy.zoom();
    const pan = cy.pan();
    const w = cy.width();
    const h = cy.height();
    const big = cy
      .nodes('.cluster')
      .not('.open')
      .toArray()
      .filter((n) => {
        const p = (n as NodeSingular).position();
        const x = p.x * zoom + pan.x;
        const y = p.y * zoom + pan.y;
        return (n.data('size') as number) * zoom >= OPEN_AT_SHARE * Math.min(w, h) && x > 0 && y > 0 && x < w && y < h;
      })
      .sort((a, b) => (b.data('size') as number) - (a.data('size') as number));
    big.slice(0, 2).forEach((n) => open(n.data('community') as number));
  };
  const onViewport = () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  };
  cy.on('viewport', onViewport);
  return () => {
    clearTimeout(timer);
    cy.off('viewport', onViewport);
  };
}

/**
 * Cytoscape blurs whatever has focus on every mousedown on the canvas (its blurActiveDomElement),
 * so a click never left the canvas focused and + − 0 and the arrows went nowhere. Focus is taken
 * back once the button is released (cytoscape blurs only on mousedown and touchstart).
 */
function focusOnPointerUp(el: HTMLElement | null): () => void {
  if (!el) return () => undefined;
  const onUp = () => {
    if (document.activeElement !== el) el.focus({ preventScroll: true });
  };
  el.addEventListener('pointerup', onUp, { capture: true });
  return () => el.removeEventListener('pointerup', onUp, { capture: true });
}

/** The OS theme can flip while the graph is open: re-read the colours. Returns the unsubscribe. */
function followTheme(restyle: () => void): () => void {
  const theme = window.matchMedia('(prefers-color-scheme: dark)');
  theme.addEventListener('change', restyle);
  return () => theme.removeEventListener('change', restyle);
}

/**
 * The canvas box changes size when the details panel opens or the window resizes. Keep what
 * was in the middle in the middle, rather than letting the panel cover it. Returns the disconnect.
 */
function keepCentreOnResize(cy: Core, el: HTMLElement | null): () => void {
  let size = { w: cy.width(), h: cy.height() };
  const resize = new ResizeObserver(() => {
    cy.resize();
    const next = { w: cy.width(), h: cy.height() };
    if (size.w > 0 && size.h > 0) cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
    size = next;
    relabel(cy);
  });
  if (el) resize.observe(el);
  return () => resize.disconnect();
}

/** Lets the browser tests find nodes on screen and measure labels (the flags exist only in the test build). */
function exposeToE2e(cy: Core, box: RefObject<HTMLDivElement | null>): void {
  setFlags({
    nodePosition: (id) => {
      const n = cy.getElementById(id);
      const rect = box.current?.getBoundingClientRect();
      if (n.empty() || !rect) return null;
      const p = n.renderedPosition();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    modelPosition: (id) => {
      const n = cy.getElementById(id);
      return n.empty() ? null : { ...n.position() };
    },
    nodeIds: (type) => cy.nodes(type ? `.${type}` : ':not(.cluster)').map((n) => n.id()),
    labelledIds: () => cy.nodes('.labelled').map((n) => n.id()),
    highlightedIds: () => cy.nodes('.hover, .hood').map((n) => n.id()),
    zoom: () => cy.zoom(),
  });
  exposeLabelMeasure(cy);
}
