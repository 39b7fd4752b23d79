import cytoscape from 'cytoscape';
import type { Core, LayoutOptions } from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';

import { setFlags } from '../../app/e2eFlags';
import type { GraphData } from '../../store/views';
import { graphStyle } from './cyStyle';
import { chooseLayout, labelledNodeIds } from './lod';
import { toElements } from './toElements';

type Props = Readonly<{
  graph: GraphData;
  hiddenTypes: readonly string[];
  selectedNodeId: string | null;
  focus: { nodeId: string; tick: number } | null;
  onSelect: (nodeId: string | null) => void;
  onExpand: (nodeId: string) => void;
}>;

const PAN_STEP = 80;
/** Concrete cytoscape options for the layout lod.ts picks (never animated). */
function layoutOptions(nodeCount: number): LayoutOptions {
  const choice = chooseLayout(nodeCount);
  const common = { fit: true, padding: 30, animate: false } as const;
  if (choice.name === 'cose') {
    // Stronger repulsion than the default spreads labelled nodes enough to read them.
    return { ...common, name: 'cose', randomize: true, nodeRepulsion: () => 6000, idealEdgeLength: () => 55, gravity: 0.4, numIter: 1200 };
  }
  if (choice.name === 'concentric') {
    return { ...common, name: 'concentric', concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 3, minNodeSpacing: 6 };
  }
  return { ...common, name: 'grid', avoidOverlap: false };
}

/** Fitting a small graph would blow labels up; past this zoom it centres instead. */
const FIT_MAX_ZOOM = 1.25;

function fitCapped(cy: Core): void {
  cy.fit(undefined, 30);
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center();
  }
}

/**
 * The cytoscape canvas (loaded lazily: cytoscape is most of the bundle). Keyboard: + / - zoom,
 * arrows pan, 0 fits. Layouts never animate; see lod.ts for the size thresholds.
 */
export default function GraphCanvas({ graph, hiddenTypes, selectedNodeId, focus, onSelect, onExpand }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };

  const elements = useMemo(() => {
    const hidden = new Set(hiddenTypes);
    const visible = { nodes: graph.nodes.filter((n) => !hidden.has(n.type)), edges: graph.edges };
    return toElements(visible, hidden, labelledNodeIds(visible, selectedNodeId ? [selectedNodeId] : []));
    // Labels follow the selection only when the data changes; re-laying out on every click would be jarring.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, hiddenTypes]);

  useEffect(() => {
    const cy = cytoscape({ container: box.current, minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false });
    cyRef.current = cy;
    cy.on('tap', 'node', (e) => handlers.current.onSelect(e.target.id()));
    cy.on('dbltap', 'node', (e) => handlers.current.onExpand(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) handlers.current.onSelect(null);
    });
    // The OS theme can flip while the graph is open: re-read the colours.
    const theme = window.matchMedia('(prefers-color-scheme: dark)');
    const restyle = () => cy.style(graphStyle(cy.nodes().length > 1000));
    theme.addEventListener('change', restyle);
    // The canvas box changes size when the details panel opens or the window resizes.
    // Keep what was in the middle in the middle, rather than letting the panel cover it.
    let size = { w: cy.width(), h: cy.height() };
    const resize = new ResizeObserver(() => {
      cy.resize();
      const next = { w: cy.width(), h: cy.height() };
      if (size.w > 0 && size.h > 0) cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      size = next;
    });
    if (box.current) resize.observe(box.current);
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
    return () => {
      resize.disconnect();
      theme.removeEventListener('change', restyle);
      setFlags({ graphRendered: false, graphNodeCount: 0, nodePosition: undefined, nodeIds: undefined });
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    setFlags({ graphRendered: false });
    const nodeCount = elements.filter((e) => e.group === 'nodes').length;
    cy.style(graphStyle(nodeCount > 1000));
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    const layout = cy.layout(layoutOptions(nodeCount));
    layout.one('layoutstop', () => {
      fitCapped(cy);
      // One frame later the canvas has drawn the laid-out graph.
      requestAnimationFrame(() => setFlags({ graphRendered: true, graphNodeCount: nodeCount }));
    });
    layout.run();
  }, [elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements().unselect();
    cy.edges().removeClass('near');
    if (selectedNodeId) {
      const n = cy.getElementById(selectedNodeId);
      n.select();
      n.connectedEdges().addClass('near');
    }
  }, [selectedNodeId, elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !focus) return;
    const n = cy.getElementById(focus.nodeId);
    if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
  }, [focus, elements]);

  const zoomBy = (f: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const fit = () => cyRef.current && fitCapped(cyRef.current);

  return (
    <div className="graph-canvas-wrap">
      <div
        ref={box}
        className="graph-canvas"
        data-testid="graph-canvas"
        tabIndex={0}
        role="application"
        aria-label="Knowledge graph. Plus and minus zoom, arrow keys pan, 0 fits the whole graph. Use Find node to reach a node by name."
        onKeyDown={(e) => {
          const cy = cyRef.current;
          if (!cy) return;
          const pans: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
          if (e.key === '+' || e.key === '=') zoomBy(1.25);
          else if (e.key === '-' || e.key === '_') zoomBy(0.8);
          else if (e.key === '0') fit();
          else if (pans[e.key]) cy.panBy({ x: pans[e.key]![0], y: pans[e.key]![1] });
          else return;
          e.preventDefault();
        }}
      />
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
    </div>
  );
}
