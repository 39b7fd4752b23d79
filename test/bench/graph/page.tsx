/**
 * The graph-view benchmark page (bundled by graph-view.ts, run in headless Chromium).
 * `benchComponent` renders the renderer's real GraphCanvas component; `benchBare` draws the same
 * elements with bare cytoscape using the same style, layout and options (the limit).
 * Both time from the request (fetch of the graph JSON) to the first interactive frame.
 */
import cytoscape from 'cytoscape';
import type { LayoutOptions } from 'cytoscape';
import { createRoot } from 'react-dom/client';

import GraphCanvas from '../../../renderer/src/features/graph/GraphCanvas';
import { graphStyle } from '../../../renderer/src/features/graph/cyStyle';
import { chooseLayout } from '../../../renderer/src/features/graph/lod';
import { toElements } from '../../../renderer/src/features/graph/toElements';
import type { GraphData } from '../../../renderer/src/store/views';

type Timing = { total: number; fetchParse: number; toRendered: number; nodes: number; elements: number };

const flags = () => (window as unknown as { __kenning: { graphRendered: boolean } }).__kenning;
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
/** A task after the next frame: the main thread is free to take input again. */
const interactive = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function fetchGraph(url: string): Promise<GraphData> {
  const res = await fetch(url);
  return (await res.json()) as GraphData;
}

async function benchComponent(url: string): Promise<Timing> {
  const t0 = performance.now();
  const graph = await fetchGraph(url);
  const t1 = performance.now();
  const box = document.getElementById('root')!;
  createRoot(box).render(
    <GraphCanvas graph={graph} hiddenTypes={[]} selectedNodeId={null} focus={null} onSelect={() => undefined} onExpand={() => undefined} />,
  );
  while (!flags()?.graphRendered) await frame();
  const t2 = performance.now();
  await interactive();
  const t3 = performance.now();
  return { total: t3 - t0, fetchParse: t1 - t0, toRendered: t2 - t0, nodes: graph.nodes.length, elements: graph.nodes.length + graph.edges.length };
}

let bareCy: cytoscape.Core | null = null;

async function benchBare(url: string): Promise<Timing> {
  const t0 = performance.now();
  const graph = await fetchGraph(url);
  const t1 = performance.now();
  const box = document.getElementById('root')!;
  const inner = document.createElement('div');
  inner.className = 'graph-canvas';
  inner.setAttribute('data-testid', 'graph-canvas');
  box.appendChild(inner);
  const elements = toElements(graph, { hidden: new Set() });
  const n = graph.nodes.length;
  // The same calls GraphCanvas makes, in the same order, without React.
  const cy = cytoscape({ container: inner, minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false });
  bareCy = cy;
  cy.style(graphStyle({ large: elements.length > 1000, colourBy: 'type' }));
  cy.batch(() => {
    cy.add(elements);
  });
  await new Promise<void>((resolve) => {
    const layout = cy.layout({ ...chooseLayout(n), fit: true, padding: 30 } as LayoutOptions);
    layout.one('layoutstop', () => {
      cy.fit(undefined, 30);
      requestAnimationFrame(() => resolve());
    });
    layout.run();
  });
  const t2 = performance.now();
  await interactive();
  const t3 = performance.now();
  return { total: t3 - t0, fetchParse: t1 - t0, toRendered: t2 - t0, nodes: n, elements: elements.length };
}

/**
 * Pans for `frames` frames and returns each frame's duration. The component is panned through
 * its own keyboard handler (arrow keys → cy.panBy), the bare page by cy.panBy directly.
 */
async function benchPan(frames: number): Promise<number[]> {
  const canvas = document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')!;
  const out: number[] = [];
  let last = await frame();
  for (let i = 0; i < frames; i++) {
    const key = i % 40 < 20 ? 'ArrowLeft' : 'ArrowRight';
    if (bareCy) bareCy.panBy({ x: key === 'ArrowLeft' ? 80 : -80, y: 0 });
    else canvas.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    const t = await frame();
    out.push(t - last);
    last = t;
  }
  return out;
}

Object.assign(window, { benchComponent, benchBare, benchPan });
(window as unknown as { benchReady: boolean }).benchReady = true;
