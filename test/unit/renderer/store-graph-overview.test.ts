/** The graph slice with a stored layout: the overview first, clusters opened on demand, back to the overview. */
import { describe, expect, it } from 'vitest';

import type { Output } from '../../../shared/contract/procedures';
import { createAppStore } from '../../../renderer/src/store/createAppStore';
import { FakeClient } from './fake-client';
import { graph, ID } from './samples';

type Overview = Output<'graph.overview'>;
const entity = (name: string, community: number, importance: number) => ({ id: `entity:${name}`, type: 'Entity' as const, name, x: community * 500, y: importance * 10, community, importance });
const cluster = (id: number, size: number) => ({ id, size, x: id * 500, y: 0, radius: 80, label: `C${id}`, topMemberIds: [`entity:hub${id}`] });

function overview(over: Partial<Overview> = {}): Overview {
  return {
    layout: 'ready',
    version: 'v1',
    totalEntities: 40,
    totalRelations: 90,
    communities: [cluster(0, 30), cluster(1, 10)],
    totalCommunities: 2,
    nodes: [entity('hub0', 0, 1), entity('hub1', 1, 0.5)],
    edges: [{ id: 'entity:hub0|r|entity:hub1', source: 'entity:hub0', target: 'entity:hub1', relation: 'r' }],
    truncated: true,
    bounds: { minX: 0, minY: 0, maxX: 500, maxY: 10 },
    ...over,
  };
}

const COUNTS = { Document: 3, DocumentChunk: 50, Entity: 40, EntityType: 4, TextSummary: 53 };

describe('graph slice with a stored layout', () => {
  it('opens on the overview: clusters and the most important entities, scaffolding hidden, no whole-graph read', async () => {
    const client = new FakeClient().handle('graph.counts', () => COUNTS).handle('graph.overview', () => overview());
    const store = createAppStore(client);
    await store.getState().loadGraph(ID.d1);
    const s = store.getState();
    expect(client.names()).toEqual(['graph.counts', 'graph.overview']);
    expect(s.overview?.communities.map((c) => c.id)).toEqual([0, 1]);
    expect(s.graph?.nodes.map((n) => n.id)).toEqual(['entity:hub0', 'entity:hub1']);
    expect(s.graph?.totalNodes).toBe(150);
    expect(s.hiddenTypes).toEqual(['Document', 'DocumentChunk', 'EntityType', 'TextSummary']);
  });

  it('opening a cluster adds its members once; Overview goes back', async () => {
    const client = new FakeClient()
      .handle('graph.counts', () => COUNTS)
      .handle('graph.overview', (i) =>
        i.community === undefined ? overview() : overview({ communities: [cluster(1, 10)], nodes: [entity('hub1', 1, 0.5), entity('m1', 1, 0.1), entity('m2', 1, 0.05)], edges: [], truncated: false }),
      );
    const store = createAppStore(client);
    await store.getState().loadGraph(ID.d1);
    await store.getState().openCommunity(1);
    await store.getState().openCommunity(1); // already open: no second read
    expect(client.calls.filter((c) => c.name === 'graph.overview').map((c) => (c.input as { community?: number }).community)).toEqual([undefined, 1]);
    expect(store.getState().openCommunities).toEqual([1]);
    expect(store.getState().graph?.nodes.map((n) => n.id)).toEqual(['entity:hub0', 'entity:hub1', 'entity:m1', 'entity:m2']);
    store.getState().closeCommunities();
    expect(store.getState().openCommunities).toEqual([]);
    expect(store.getState().graph?.nodes).toHaveLength(2);
  });

  it('a reload after a cognify keeps the opened clusters open', async () => {
    const client = new FakeClient().handle('graph.counts', () => COUNTS).handle('graph.overview', (i) => overview(i.community === undefined ? {} : { nodes: [entity('m1', 1, 0.1)], edges: [] }));
    const store = createAppStore(client);
    await store.getState().loadGraph(ID.d1);
    await store.getState().openCommunity(1);
    await store.getState().loadGraph(ID.d1);
    expect(store.getState().openCommunities).toEqual([1]);
    expect(store.getState().graph?.nodes.some((n) => n.id === 'entity:m1')).toBe(true);
  });

  it('falls back to the whole-graph read when the dataset has no layout or the overview fails', async () => {
    for (const client of [
      new FakeClient().handle('graph.overview', () => overview({ layout: 'none', communities: [], nodes: [], edges: [] })),
      new FakeClient().fail('graph.overview', 'internal', 'worker too old'),
    ]) {
      client.handle('graph.counts', () => COUNTS).handle('graph.read', () => graph([{ id: 'd', type: 'Document', name: 'd' }]));
      const store = createAppStore(client);
      await store.getState().loadGraph(ID.d1);
      expect(store.getState().overview).toBeNull();
      expect(store.getState().graph?.nodes.map((n) => n.id)).toEqual(['d']);
      expect(store.getState().graphError).toBeNull();
    }
  });

  it('showing neighbours makes their types visible, and the colour toggle is kept across datasets', async () => {
    const client = new FakeClient()
      .handle('graph.counts', () => COUNTS)
      .handle('graph.overview', () => overview())
      .handle('graph.neighbourhood', () => graph([entity('hub0', 0, 1), { id: 'chunk:1', type: 'DocumentChunk', name: 'p' }], [{ id: 'c', source: 'chunk:1', target: 'entity:hub0', relation: 'mentions' }]));
    const store = createAppStore(client);
    await store.getState().loadGraph(ID.d1);
    await store.getState().expandNode('entity:hub0');
    expect(store.getState().hiddenTypes).not.toContain('DocumentChunk');
    expect(store.getState().graph?.nodes.map((n) => n.id)).toContain('chunk:1');
    store.getState().setColourBy('type');
    store.getState().resetGraph();
    expect(store.getState().colourBy).toBe('type');
  });
});
