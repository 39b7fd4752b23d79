/**
 * The dataset worker's graph layout, as pure functions over an entity graph (no engine):
 * communities, importance, positions that show the communities as separate clusters,
 * incremental runs that move nothing already placed, and the overview read from it.
 */
import { describe, expect, it } from 'vitest';

import { computeLayout } from '../../../../electron/worker/layout/compute-layout';
import { fa2Settings, runForceAtlas2 } from '../../../../electron/worker/layout/forceatlas2';
import type { LayoutData } from '../../../../electron/worker/layout/layout-data';
import { LoadedLayout } from '../../../../electron/worker/layout/layout-data';
import { overviewOf, withPlaces } from '../../../../electron/worker/layout/overview';
import type { EntityGraph } from '../../../../electron/worker/stores';

type Edge = EntityGraph['edges'][number];
const id = (name: string) => `entity:${name.toLowerCase()}`;

/** Three dense groups with one bridge each, a date, and two entities related to nothing. */
function threeGroups(): EntityGraph {
  const groups = [
    ['Lincoln', 'Seward', 'Chase', 'Stanton', 'Welles', 'Bates', 'Blair'],
    ['Spain', 'Cuba', 'Havana', 'Madrid', 'Manila', 'Philippines'],
    ['Treasury', 'Revenue', 'Tariff', 'Customs', 'Bonds', 'Debt', 'Currency', 'Gold'],
  ];
  const nodes = [...groups.flat(), '1862', 'Lonely', 'Hermit'].map((name) => ({ id: id(name), name, kind: name === '1862' ? 'date' : 'concept' }));
  const edges: Edge[] = [];
  const rel = (a: string, b: string, weight = 1) => edges.push({ source: id(a), target: id(b), relation: 'co_occurs_with', weight });
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) rel(g[i]!, g[j]!);
  // The first member of each group is its hub: related to more than its group.
  rel('Lincoln', 'Spain', 0.3);
  rel('Spain', 'Treasury', 0.3);
  rel('Treasury', 'Lincoln', 0.3);
  rel('Lincoln', '1862', 2);
  rel('Seward', '1862');
  edges.push({ source: id('Chase'), target: id('Chase'), relation: 'self', weight: 1 }); // ignored
  edges.push({ source: id('Stanton'), target: id('Welles'), relation: 'co_occurs_with', weight: 4.6e18 }); // a corrupt weight counts as 1
  nodes.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { version: { entities: nodes.length, relations: edges.length, items: ['d1'] }, nodes, edges };
}

const indexOf = (l: LayoutData, name: string) => l.ids.indexOf(id(name));
const communityOf = (l: LayoutData, name: string) => l.community[indexOf(l, name)]!;
const at = (l: LayoutData, name: string) => ({ x: l.x[indexOf(l, name)]!, y: l.y[indexOf(l, name)]! });

describe('computeLayout', () => {
  it('finds the communities, ranks the hubs, and draws each community apart from the others', async () => {
    const l = await computeLayout(threeGroups(), { version: 'v1' });
    expect(l.mode).toBe('full');
    expect(l.ids).toHaveLength(24);
    const groupOf = (names: string[]) => new Set(names.map((n) => communityOf(l, n)));
    expect(groupOf(['Lincoln', 'Seward', 'Chase', 'Stanton', 'Welles', 'Bates', 'Blair']).size).toBe(1);
    expect(groupOf(['Spain', 'Cuba', 'Havana', 'Madrid', 'Manila', 'Philippines']).size).toBe(1);
    expect(groupOf(['Treasury', 'Revenue', 'Tariff', 'Customs', 'Bonds', 'Debt', 'Currency', 'Gold']).size).toBe(1);
    expect(groupOf(['Lincoln', 'Spain', 'Treasury']).size).toBe(3);
    // Entities related to nothing share one group rather than being communities of one each.
    expect(communityOf(l, 'Lonely')).toBe(communityOf(l, 'Hermit'));
    expect(l.communities.find((c) => c.id === communityOf(l, 'Hermit'))!.label).toBe('Unrelated: Hermit · Lonely');
    // Communities are numbered largest first.
    expect(l.communities.map((c) => c.size)).toEqual([...l.communities.map((c) => c.size)].sort((a, b) => b - a));
    // The best-connected entity is the most important.
    expect(Math.max(...l.importance)).toBe(1);
    expect(l.importance[indexOf(l, 'Lincoln')]).toBe(1);
    // Every member is nearer its own community's centre than any other community's.
    for (const name of ['Seward', 'Cuba', 'Gold', 'Debt', 'Manila']) {
      const p = at(l, name);
      const own = l.communities.find((c) => c.id === communityOf(l, name))!;
      const dist = (c: { x: number; y: number }) => Math.hypot(p.x - c.x, p.y - c.y);
      for (const other of l.communities) if (other.id !== own.id && other.size > 2) expect(dist(own)).toBeLessThan(dist(other));
    }
  });

  it('labels a community with its central named entities, not dates', async () => {
    const l = await computeLayout(threeGroups(), { version: 'v1' });
    const lincoln = l.communities.find((c) => c.id === communityOf(l, 'Lincoln'))!;
    expect(lincoln.label.split(' · ')).toHaveLength(3);
    expect(lincoln.label).toMatch(/^Lincoln · /);
    expect(lincoln.label).not.toContain('1862');
    expect(lincoln.topMemberIds[0]).toBe(id('Lincoln'));
    expect(lincoln.radius).toBeGreaterThan(0);
  });

  it('is deterministic: the same graph lays out the same way', async () => {
    const a = await computeLayout(threeGroups(), { version: 'v1' });
    const b = await computeLayout(threeGroups(), { version: 'v1' });
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.community)).toEqual(Array.from(a.community));
  });

  it('incremental: kept entities do not move or change community; new ones go beside their neighbours', async () => {
    const before = await computeLayout(threeGroups(), { version: 'v1' });
    const g = threeGroups();
    const nodes = [...g.nodes, { id: id('Sumner'), name: 'Sumner', kind: 'person' }, { id: id('Cortes'), name: 'Cortes', kind: 'person' }];
    const edges = [...g.edges, { source: id('Sumner'), target: id('Seward'), relation: 'met', weight: 1 }, { source: id('Cortes'), target: id('Sumner'), relation: 'met', weight: 1 }];
    nodes.sort((a, b) => (a.id < b.id ? -1 : 1));
    const after = await computeLayout({ version: { ...g.version, entities: nodes.length }, nodes, edges }, { version: 'v2', previous: before });
    expect(after.mode).toBe('incremental');
    for (const name of ['Lincoln', 'Cuba', 'Gold', 'Hermit']) {
      expect(at(after, name)).toEqual(at(before, name));
      expect(communityOf(after, name)).toBe(communityOf(before, name));
    }
    expect(communityOf(after, 'Sumner')).toBe(communityOf(after, 'Seward'));
    expect(communityOf(after, 'Cortes')).toBe(communityOf(after, 'Seward'));
    const d = Math.hypot(at(after, 'Sumner').x - at(after, 'Seward').x, at(after, 'Sumner').y - at(after, 'Seward').y);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(100);
  });

  it('lays out afresh when the graph changed too much for an incremental run', async () => {
    const before = await computeLayout(threeGroups(), { version: 'v1' });
    const g = threeGroups();
    const extra = Array.from({ length: 30 }, (_, i) => ({ id: `entity:new${i}`, name: `New ${i}`, kind: 'concept' }));
    const nodes = [...g.nodes, ...extra].sort((a, b) => (a.id < b.id ? -1 : 1));
    const after = await computeLayout({ ...g, nodes }, { version: 'v2', previous: before });
    expect(after.mode).toBe('full');
  });

  it('handles a graph with no entity', async () => {
    const l = await computeLayout({ version: { entities: 0, relations: 0, items: [] }, nodes: [], edges: [] }, { version: 'empty' });
    expect(l.ids).toEqual([]);
    expect(overviewOf(new LoadedLayout(l), { nodeLimit: 10, edgeLimit: 10, communityLimit: 10 }).layout).toBe('none');
  });
});

describe('the overview read from a layout', () => {
  it('is bounded, most important first, with each listed community’s first member and edges among the nodes only', async () => {
    const layout = new LoadedLayout(await computeLayout(threeGroups(), { version: 'v1' }));
    const o = overviewOf(layout, { nodeLimit: 5, edgeLimit: 3, communityLimit: 2 });
    expect(o).toMatchObject({ layout: 'ready', version: 'v1', totalEntities: 24, truncated: true });
    expect(o.communities).toHaveLength(2);
    expect(o.totalCommunities).toBe(layout.data.communities.length);
    expect(o.nodes).toHaveLength(5);
    const ids = new Set(o.nodes.map((n) => n.id));
    for (const c of o.communities) expect(ids.has(c.topMemberIds[0]!)).toBe(true);
    expect(o.nodes.map((n) => n.importance!)).toEqual([...o.nodes.map((n) => n.importance!)].sort((a, b) => b - a));
    for (const n of o.nodes) expect(n).toMatchObject({ type: 'Entity', x: expect.any(Number), y: expect.any(Number), community: expect.any(Number) });
    expect(o.edges.length).toBeLessThanOrEqual(3);
    for (const e of o.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.id).toBe(`${e.source}|${e.relation}|${e.target}`); // as the graph names its edges
    }
  });

  it('gives one community’s members', async () => {
    const layout = new LoadedLayout(await computeLayout(threeGroups(), { version: 'v1' }));
    const c = layout.data.community[layout.indexOf(id('Cuba'))!]!;
    const o = overviewOf(layout, { nodeLimit: 100, edgeLimit: 100, communityLimit: 10, community: c });
    expect(o.nodes.map((n) => n.name).sort()).toEqual(['Cuba', 'Havana', 'Madrid', 'Manila', 'Philippines', 'Spain']);
    expect(o.communities.map((k) => k.id)).toEqual([c]);
    expect(o.truncated).toBe(false);
    expect(o.edges).toHaveLength(15); // the six members' relations among themselves
  });

  it('adds positions to other reads’ entities, and leaves other nodes alone', async () => {
    const layout = new LoadedLayout(await computeLayout(threeGroups(), { version: 'v1' }));
    const [entity, chunk, unknown] = withPlaces(
      [
        { id: id('Cuba'), type: 'Entity', name: 'Cuba' },
        { id: 'chunk:x', type: 'DocumentChunk', name: 'p' },
        { id: id('Nowhere'), type: 'Entity', name: 'Nowhere' },
      ],
      layout,
    );
    expect(entity).toMatchObject({ x: expect.any(Number), y: expect.any(Number), community: expect.any(Number), importance: expect.any(Number) });
    expect(chunk!.x).toBeUndefined();
    expect(unknown!.x).toBeUndefined();
  });
});

describe('runForceAtlas2', () => {
  it('stops with `cancelled` when its signal aborts', async () => {
    const n = 3000;
    const g = { x: Float32Array.from({ length: n }, (_, i) => i % 97), y: Float32Array.from({ length: n }, (_, i) => i % 89), source: new Int32Array(0), target: new Int32Array(0), weight: new Float32Array(0) };
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    await expect(runForceAtlas2(g, { iterations: 100_000, settings: fa2Settings(n), signal: ac.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
