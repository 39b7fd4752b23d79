import { describe, expect, it } from 'vitest';

import { graphReport, labelPropagation, pagerank } from '../../../../electron/worker/search/graph-report';
import type { GraphNode, GraphSlice } from '../../../../shared/domain/graph';

const node = (id: string): GraphNode => ({ id, type: 'Entity', name: id.toUpperCase() });
const edge = (s: string, t: string) => ({ id: `${s}-${t}`, source: s, target: t, relation: 'r' });

describe('graph report', () => {
  // two triangles joined through "bridge"
  const slice: GraphSlice = {
    nodes: ['a', 'b', 'c', 'x', 'y', 'z', 'bridge'].map(node),
    edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('x', 'y'), edge('y', 'z'), edge('z', 'x'), edge('bridge', 'a'), edge('bridge', 'x')],
    truncated: false,
    totalNodes: 7,
    totalEdges: 8,
  };

  it('pagerank sums to 1 and favours well-connected nodes', () => {
    const pr = pagerank([[1, 2], [0, 2], [0, 1, 3], [2]]);
    expect(pr.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(pr[2]).toBeGreaterThan(pr[3]!);
  });

  it('label propagation separates two triangles', () => {
    const labels = labelPropagation([[1, 2], [0, 2], [0, 1], [4, 5], [3, 5], [3, 4]]);
    expect(labels[0]).toBe(labels[1]);
    expect(labels[3]).toBe(labels[4]);
    expect(labels[0]).not.toBe(labels[3]);
  });

  it('reports hubs, the bridge between clusters and counts', () => {
    const r = graphReport(slice, { Entity: 7 }, 3);
    expect(r.countsByType).toEqual({ Entity: 7 });
    expect(r.hubs).toHaveLength(3);
    expect(r.hubs[0]!.degree).toBe(3);
    expect(r.bridges.map((b) => b.id)).toContain('bridge');
    expect(r.clusters).toBeGreaterThanOrEqual(2);
  });
});
