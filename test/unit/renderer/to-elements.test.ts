import { describe, expect, it } from 'vitest';

import { colorKeyOf, PALETTE } from '../../../renderer/src/features/graph/palette';
import { mergeGraph, shortLabel, toElements } from '../../../renderer/src/features/graph/toElements';
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
    const els = toElements(g, new Set(), new Set(['p']));
    const nodes = els.filter((e) => e.group === 'nodes');
    expect(nodes).toHaveLength(5);
    const p = nodes.find((n) => n.data.id === 'p')!;
    expect(p.data).toMatchObject({ label: 'Marie Curie', type: 'Entity', colorKey: 'person', color: PALETTE.person });
    expect(p.classes).toBe('Entity');
    expect(nodes.find((n) => n.data.id === 'd')!.data.label).toBe(''); // not in the labelled set
    expect(els.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual(['e:e1', 'e:e2', 'e:e3']);
  });
  it('drops hidden types and every edge touching them, and edges to missing nodes', () => {
    const els = toElements(g, new Set(['DocumentChunk']), new Set());
    expect(els.some((e) => e.data.id === 'c')).toBe(false);
    expect(els.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual(['e:e3']);
  });
  it('never emits a node twice', () => {
    const dup = graph([...g.nodes, g.nodes[0]!], []);
    expect(toElements(dup, new Set(), new Set()).filter((e) => e.data.id === 'd')).toHaveLength(1);
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
