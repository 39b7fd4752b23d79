import cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

import { setFlags } from '../../app/e2eFlags';
import { graphStyle } from './cyStyle';

type Handlers = Readonly<{ onSelect: (nodeId: string | null) => void; onExpand: (nodeId: string) => void }>;

/**
 * The cytoscape instance living in `box` for as long as the component is mounted: taps select,
 * double taps expand, and it follows the OS theme and the box's size. The handlers may change
 * on every render; the instance always calls the latest ones.
 */
export function useCytoscape(box: RefObject<HTMLDivElement | null>, handlers: Handlers): RefObject<Core | null> {
  const cyRef = useRef<Core | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const cy = cytoscape({ container: box.current, minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false });
    cyRef.current = cy;
    cy.on('tap', 'node', (e) => latest.current.onSelect(e.target.id()));
    cy.on('dbltap', 'node', (e) => latest.current.onExpand(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) latest.current.onSelect(null);
    });
    const stopTheme = followTheme(cy);
    const stopResize = keepCentreOnResize(cy, box.current);
    exposeToE2e(cy, box);
    return () => {
      stopResize();
      stopTheme();
      setFlags({ graphRendered: false, graphNodeCount: 0, nodePosition: undefined, nodeIds: undefined });
      cy.destroy();
      cyRef.current = null;
    };
  }, [box]);

  return cyRef;
}

/** The OS theme can flip while the graph is open: re-read the colours. Returns the unsubscribe. */
function followTheme(cy: Core): () => void {
  const theme = window.matchMedia('(prefers-color-scheme: dark)');
  const restyle = () => cy.style(graphStyle(cy.nodes().length > 1000));
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
  });
  if (el) resize.observe(el);
  return () => resize.disconnect();
}

/** Lets the browser tests find nodes on screen (the flags exist only in the test build). */
function exposeToE2e(cy: Core, box: RefObject<HTMLDivElement | null>): void {
  setFlags({
    nodePosition: (id) => {
      const n = cy.getElementById(id);
      const rect = box.current?.getBoundingClientRect();
      if (n.empty() || !rect) return null;
      const p = n.renderedPosition();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    nodeIds: (type) => cy.nodes(type ? `.${type}` : undefined).map((n) => n.id()),
  });
}
