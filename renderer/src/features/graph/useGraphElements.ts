import type { Core, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';
import { useEffect, useMemo } from 'react';
import type { RefObject } from 'react';

import { setFlags } from '../../app/e2eFlags';
import type { GraphData } from '../../store/views';
import { fitCapped, layoutOptions } from './cyLayout';
import type { Community } from './lod';
import { placeNear } from './placement';
import type { Extent, Point } from './placement';
import { toElements } from './toElements';
import { relabel } from './useLabels';

/** The cytoscape elements for the visible part of the graph (hidden types filtered out), with clusters. */
export function useGraphElements(graph: GraphData, hiddenTypes: readonly string[], communities: readonly Community[], open: readonly number[]): ElementDefinition[] {
  return useMemo(() => toElements(graph, { hidden: new Set(hiddenTypes), communities, open: new Set(open) }), [graph, hiddenTypes, communities, open]);
}

/**
 * Keeps the canvas showing `elements`. The first elements are drawn and fitted; after that only
 * the difference is applied (nodes added, removed, re-classed), so expanding a node or opening a
 * cluster adds nodes in place and nothing already on the canvas moves. Nodes come with their
 * stored layout position; the rest are placed beside their neighbours (placement.ts). Only when
 * nothing has a position (no stored layout) does a cytoscape layout run, once.
 */
export function useShowElements(
  cyRef: RefObject<Core | null>,
  elements: ElementDefinition[],
  selectedNodeId: string | null,
  focus: { nodeId: string; tick: number } | null,
): void {
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // Until a node has been drawn there is nothing to keep in place: draw (and fit) afresh.
    if (cy.nodes().empty()) drawFirst(cy, elements);
    else applyDifference(cy, elements);
  }, [cyRef, elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) markSelection(cy, selectedNodeId);
  }, [cyRef, selectedNodeId, elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !focus) return;
    const n = cy.getElementById(focus.nodeId);
    if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
  }, [cyRef, focus, elements]);
}

/** Draws the first elements and fits them; tests wait for `graphRendered`. */
function drawFirst(cy: Core, elements: ElementDefinition[]): void {
  setFlags({ graphRendered: false });
  const positioned = elements.some((e) => e.group === 'nodes' && e.position);
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
    const unplaced = unplacedOf(cy.nodes());
    if (positioned) placeUnplaced(cy, unplaced);
  });
  const done = () => {
    fitCapped(cy);
    relabel(cy);
    rendered(cy);
  };
  if (positioned || cy.nodes().empty()) return done();
  // No stored layout: lay out once here (small graphs only reach this; lod.ts picks a fast layout).
  const layout = cy.layout(layoutOptions(cy.nodes().length));
  layout.one('layoutstop', done);
  layout.run();
}

/** Applies the difference between the canvas and `elements`, leaving everything else where it is. */
function applyDifference(cy: Core, elements: ElementDefinition[]): void {
  const wanted = new Map(elements.map((e) => [e.data.id!, e]));
  const added: ElementDefinition[] = [];
  cy.batch(() => {
    cy.elements().forEach((el) => {
      if (!wanted.has(el.id())) el.remove();
    });
    for (const def of elements) {
      const el = cy.getElementById(def.data.id!);
      if (el.empty()) added.push(def);
      else if (el.isNode()) update(el, def);
    }
    placeUnplaced(cy, unplacedOf(cy.add(added).nodes()));
  });
  relabel(cy);
  rendered(cy);
}

/** Brings an existing node up to date: classes, label data, and a stored position that changed. */
function update(n: NodeSingular, def: ElementDefinition): void {
  const classes = typeof def.classes === 'string' ? def.classes : '';
  if (n.classes().filter((c) => !TRANSIENT.has(c)).join(' ') !== classes) {
    const keep = n.classes().filter((c) => TRANSIENT.has(c));
    n.classes([...classes.split(' ').filter(Boolean), ...keep]);
  }
  for (const k of ['name', 'size', 'fontSize', 'labelPx', 'priority', 'community', 'communityColor'] as const) if (n.data(k) !== def.data[k]) n.data(k, def.data[k]);
  const p = def.position;
  const src = n.scratch('_kenningSource') as Point | undefined;
  if (p && (!src || src.x !== p.x || src.y !== p.y)) {
    n.position({ x: p.x, y: p.y });
    n.scratch('_kenningSource', { x: p.x, y: p.y });
  }
}

/** Classes the canvas sets itself (label pass, hover); an update keeps them. */
const TRANSIENT = new Set(['labelled', 'hover', 'hood', 'near']);

/**
 * Nodes just added: those with a stored position remember it (to notice when a new layout moves
 * them); the others are returned, to be placed.
 */
function unplacedOf(nodes: NodeCollection): string[] {
  const out: string[] = [];
  nodes.forEach((n) => {
    if (n.data('placed')) n.scratch('_kenningSource', { ...n.position() });
    else out.push(n.id());
  });
  return out;
}

/** Places `ids` beside their neighbours already on the canvas (nothing else moves). */
function placeUnplaced(cy: Core, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const pending = new Set(ids);
  const links = ids.flatMap((id) =>
    cy
      .getElementById(id)
      .connectedEdges()
      .map((e) => ({ source: e.source().id(), target: e.target().id() })),
  );
  const known = (id: string): Point | undefined => {
    if (pending.has(id)) return undefined;
    const n = cy.getElementById(id);
    return n.nonempty() && !n.hasClass('cluster') ? n.position() : undefined;
  };
  const placed = placeNear(ids, links, known, extentOf(cy, pending));
  for (const [id, p] of placed) cy.getElementById(id).position(p);
}

/** The disc the already-placed entities occupy. */
function extentOf(cy: Core, skip: ReadonlySet<string>): Extent {
  const ps: Point[] = [];
  cy.nodes().forEach((n) => {
    if (!skip.has(n.id()) && !n.hasClass('cluster')) ps.push(n.position());
  });
  if (ps.length === 0) return { x: 0, y: 0, r: 0 };
  const x = ps.reduce((s, p) => s + p.x, 0) / ps.length;
  const y = ps.reduce((s, p) => s + p.y, 0) / ps.length;
  return { x, y, r: ps.reduce((r, p) => Math.max(r, Math.hypot(p.x - x, p.y - y)), 0) };
}

function rendered(cy: Core): void {
  const nodeCount = cy.nodes().not('.cluster').length;
  // One frame later the canvas has drawn the elements.
  requestAnimationFrame(() => setFlags({ graphRendered: true, graphNodeCount: nodeCount }));
}

function markSelection(cy: Core, selectedNodeId: string | null): void {
  cy.elements().unselect();
  cy.edges('.near').removeClass('near');
  if (selectedNodeId) {
    const n = cy.getElementById(selectedNodeId);
    n.select();
    n.connectedEdges().addClass('near');
  }
}
