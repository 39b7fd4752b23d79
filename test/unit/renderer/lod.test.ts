import { describe, expect, it } from 'vitest';

import {
  ALL_LABELS_UP_TO,
  chooseLayout,
  LABEL_CAP,
  LARGE_GRAPH_NODES,
  labelledNodeIds,
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

describe('labelledNodeIds', () => {
  const node = (id: string, type: 'Entity' | 'Document' = 'Entity') => ({ id, type, name: id });
  it('labels every node of a small graph', () => {
    const g = graph([node('a'), node('b')]);
    expect([...labelledNodeIds(g)]).toEqual(['a', 'b']);
  });
  it('labels only the best-connected nodes (documents first) of a big graph, plus the ones asked for', () => {
    const nodes = Array.from({ length: ALL_LABELS_UP_TO + 100 }, (_, i) => node(`n${i}`));
    nodes.push(node('doc', 'Document'));
    const edges = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, source: 'n1', target: `n${i + 2}`, relation: 'r' }));
    const ids = labelledNodeIds(graph(nodes, edges), ['n300']);
    expect(ids.size).toBe(LABEL_CAP + 1);
    expect(ids.has('doc')).toBe(true);
    expect(ids.has('n1')).toBe(true);
    expect(ids.has('n300')).toBe(true);
  });
});

describe('truncationNote', () => {
  it('says how much is shown when the read was cut short', () => {
    const g = graph([{ id: 'a', type: 'Entity', name: 'a' }], [], { truncated: true, totalNodes: 12_000 });
    expect(truncationNote(g)).toBe('Showing 1 of 12,000 nodes');
  });
  it('says nothing when everything is shown', () => {
    expect(truncationNote(graph([{ id: 'a', type: 'Entity', name: 'a' }]))).toBeNull();
  });
});
