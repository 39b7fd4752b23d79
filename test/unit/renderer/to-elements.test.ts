import { describe, expect, it } from 'vitest';

import { colorKeyOf, communityColour, PALETTE } from '../../../renderer/src/features/graph/palette';
import { clusterId, mergeGraph, shortLabel, toElements } from '../../../renderer/src/features/graph/toElements';
import { graph } from './samples';

const g = graph(
  [
    { id: 'd', type: 'Document', name: 'notes.txt' },
    { id: 'c', type: 'DocumentChunk', name: 'notes.txt §1' },
    { id: 'p', type: 'Entity', name: 'Marie Curie', kind: 'person' },
    { id: 'w', type: 'Entity', name: 'Warsaw', kind: 'place' },
    { id: 'x', type: 'Entity', name: 'Odd', kind: 'gadget' },
  ],
  [
    { id: 'e1', source: 'c', target: 'd', relation: 'is_part_of' },
    { id: 'e2', source: 'c', target: 'p', relation: 'mentions' },
    { id: 'e3', source: 'p', target: 'w', relation: 'born_in' },
    { id: 'e4', source: 'p', target: 'missing', relation: 'knows' },
  ],
);

describe('toElements', () => {
  it('maps nodes with colours by type and entity kind, and edges with prefixed ids', () => {
    const els = toElements(g, { hidden: new Set() });
    const nodes = els.filter((e) => e.group === 'nodes');
    expect(nodes).toHaveLength(5);
    const p = nodes.find((n) => n.data.id === 'p')!;
    expect(p.data).toMatchObject({ name: 'Marie Curie', type: 'Entity', colorKey: 'person', typeColor: PALETTE.person, placed: false });
    expect(p.classes).toBe('Entity');
    expect(p.position).toBeUndefined(); // no stored layout: the canvas places it
    expect(els.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual(['e:e1', 'e:e2', 'e:e3']);
  });
  it('drops hidden types and every edge touching them, and edges to missing nodes', () => {
    const els = toElements(g, { hidden: new Set(['DocumentChunk']) });
    expect(els.some((e) => e.data.id === 'c')).toBe(false);
    expect(els.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual(['e:e3']);
  });
  it('never emits a node twice', () => {
    const dup = graph([...g.nodes, g.nodes[0]!], []);
    expect(toElements(dup, { hidden: new Set() }).filter((e) => e.data.id === 'd')).toHaveLength(1);
  });
  it('places laid-out entities at their stored position, sized and ranked by importance, coloured by community', () => {
    const laid = graph([
      { id: 'a', type: 'Entity', name: 'Hub', x: 10, y: -20, community: 0, importance: 1 },
      { id: 'b', type: 'Entity', name: 'Leaf', x: 50, y: 5, community: 1, importance: 0.04 },
    ]);
    const [a, b] = toElements(laid, { hidden: new Set() });
    expect(a!.position).toEqual({ x: 10, y: -20 });
    expect(a!.data).toMatchObject({ placed: true, community: 0, communityColor: communityColour(0) });
    expect(a!.data.size).toBeGreaterThan(b!.data.size as number);
    expect(a!.data.priority).toBeGreaterThan(b!.data.priority as number);
    expect(a!.data.communityColor).not.toBe(b!.data.communityColor);
  });
  it('draws a cluster per community of three or more at its centroid, open ones as outlines', () => {
    const community = (id: number, size: number) => ({ id, size, x: id * 100, y: 0, radius: 30, label: `C${id}`, topMemberIds: [] });
    const els = toElements(graph([]), { hidden: new Set(), communities: [community(0, 40), community(1, 3), community(2, 2)], open: new Set([1]) });
    expect(els.map((e) => e.data.id)).toEqual([clusterId(0), clusterId(1)]);
    expect(els[0]).toMatchObject({ classes: 'cluster', position: { x: 0, y: 0 }, data: { name: 'C0', size: 85 } });
    expect(els[1]!.classes).toBe('cluster open');
    expect(els[0]!.data.priority).toBeGreaterThan(1000); // a large cluster's label before any entity's
    expect(els[1]!.data.priority).toBeLessThan(1000); // a small one's only where room is left
  });
});

describe('colorKeyOf', () => {
  it('uses the type, the entity kind, or concept for unknown kinds', () => {
    expect(colorKeyOf({ type: 'TextSummary' })).toBe('TextSummary');
    expect(colorKeyOf({ type: 'Entity', kind: 'Organization' })).toBe('organization');
    expect(colorKeyOf({ type: 'Entity', kind: 'gadget' })).toBe('concept');
    expect(colorKeyOf({ type: 'Entity' })).toBe('concept');
  });
});

describe('shortLabel and mergeGraph', () => {
  it('shortens long names and collapses whitespace', () => {
    expect(shortLabel('a  b\nc')).toBe('a b c');
    expect(shortLabel('x'.repeat(60))).toHaveLength(40);
  });
  it('merges a neighbourhood without duplicates', () => {
    const more = graph([g.nodes[0]!, { id: 'n', type: 'Entity', name: 'New' }], [g.edges[0]!, { id: 'e9', source: 'n', target: 'd', relation: 'r' }]);
    const merged = mergeGraph(g, more);
    expect(merged.nodes.map((n) => n.id)).toEqual(['d', 'c', 'p', 'w', 'x', 'n']);
    expect(merged.edges).toHaveLength(5);
    expect(merged.totalNodes).toBe(g.totalNodes); // the dataset totals are not the canvas's
  });
});
