import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useMemo } from 'react';
import type { RefObject } from 'react';

import { setFlags } from '../../app/e2eFlags';
import type { GraphData } from '../../store/views';
import { graphStyle } from './cyStyle';
import { fitCapped, layoutOptions } from './cyLayout';
import { labelledNodeIds } from './lod';
import { toElements } from './toElements';

/** The cytoscape elements for the visible part of the graph (hidden types filtered out). */
export function useGraphElements(graph: GraphData, hiddenTypes: readonly string[], selectedNodeId: string | null): ElementDefinition[] {
  return useMemo(() => {
    const hidden = new Set(hiddenTypes);
    const visible = { nodes: graph.nodes.filter((n) => !hidden.has(n.type)), edges: graph.edges };
    return toElements(visible, hidden, labelledNodeIds(visible, selectedNodeId ? [selectedNodeId] : []));
    // Labels follow the selection only when the data changes; re-laying out on every click would be jarring.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, hiddenTypes]);
}

/**
 * Keeps the canvas showing `elements`: replaces them and lays them out when they change, marks
 * the selected node and its edges, and centres on `focus` when it is set.
 */
export function useShowElements(
  cyRef: RefObject<Core | null>,
  elements: ElementDefinition[],
  selectedNodeId: string | null,
  focus: { nodeId: string; tick: number } | null,
): void {
  useEffect(() => {
    const cy = cyRef.current;
    if (cy) showElements(cy, elements);
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

/** Swaps the elements in one batch, then lays out and fits; tests wait for `graphRendered`. */
function showElements(cy: Core, elements: ElementDefinition[]): void {
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
}

function markSelection(cy: Core, selectedNodeId: string | null): void {
  cy.elements().unselect();
  cy.edges().removeClass('near');
  if (selectedNodeId) {
    const n = cy.getElementById(selectedNodeId);
    n.select();
    n.connectedEdges().addClass('near');
  }
}
