import { describe, expect, it } from 'vitest';

import {
  chooseLayout,
  LARGE_GRAPH_NODES,
  MAX_ELEMENTS,
  MAX_NODES,
  planGraphRequest,
  truncationNote,
} from '../../../renderer/src/features/graph/lod';
import { graph } from './samples';

describe('planGraphRequest', () => {
  it('asks for everything on a small graph', () => {
    const plan = planGraphRequest({ Document: 3, DocumentChunk: 10, Entity: 40, EntityType: 5, TextSummary: 3 });
    expect(plan.types).toBeUndefined();
    expect(plan.hidden).toEqual([]);
    expect(plan.nodeLimit).toBe(61);
  });
  it('leaves passages and summaries out of a large graph, and caps nodes and elements', () => {
    const plan = planGraphRequest({ Document: 500, DocumentChunk: 40_000, Entity: 20_000, EntityType: 5, TextSummary: 500 });
    expect(plan.types).toEqual(['Document', 'Entity', 'EntityType']);
    expect(plan.hidden).toEqual(['DocumentChunk', 'TextSummary']);
    expect(plan.nodeLimit).toBe(MAX_NODES);
    expect(plan.nodeLimit + plan.edgeLimit).toBeLessThanOrEqual(MAX_ELEMENTS);
  });
  it('switches at the large-graph threshold', () => {
    expect(planGraphRequest({ Entity: LARGE_GRAPH_NODES }).types).toBeUndefined();
    expect(planGraphRequest({ Entity: LARGE_GRAPH_NODES + 1 }).types).toBeDefined();
  });
  it('asks for at least one node on an empty graph (the contract minimum)', () => {
    expect(planGraphRequest({}).nodeLimit).toBeGreaterThanOrEqual(1);
  });
});

describe('chooseLayout', () => {
  it('uses a force layout only for small graphs, never animated', () => {
    expect(chooseLayout(10)).toEqual({ name: 'cose', animate: false });
    expect(chooseLayout(299).name).toBe('cose');
    expect(chooseLayout(300).name).toBe('concentric');
    expect(chooseLayout(5000).name).toBe('grid');
  });
});

describe('truncationNote', () => {
  it('says how much is shown when the read was cut short', () => {
    const g = graph([{ id: 'a', type: 'Entity', name: 'a' }], [], { truncated: true, totalNodes: 12_000 });
    expect(truncationNote(g)).toBe('Showing 1 of 12,000 nodes — expand nodes to see more');
  });
  it('with every node shown, says which relations are missing instead of asking to expand nodes', () => {
    const g = graph([{ id: 'a', type: 'Entity', name: 'a' }], [], { truncated: true, totalNodes: 1, totalEdges: 9 });
    expect(truncationNote(g)).toBe('All 1 nodes; showing 0 of 9 relations');
  });
  it('says nothing when everything is shown, even if the read was flagged as cut', () => {
    expect(truncationNote(graph([{ id: 'a', type: 'Entity', name: 'a' }]))).toBeNull();
    expect(truncationNote(graph([{ id: 'a', type: 'Entity', name: 'a' }], [], { truncated: true, totalNodes: 1, totalEdges: 0 }))).toBeNull();
  });
});
