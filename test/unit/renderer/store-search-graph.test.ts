import { describe, expect, it } from 'vitest';

import { groupGrants } from '../../../renderer/src/features/sharing/sharingSlice';
import { createAppStore } from '../../../renderer/src/store/createAppStore';
import { FakeClient } from './fake-client';
import { dataset, graph, ID } from './samples';

describe('search slice', () => {
  it('defaults to CHUNKS_HYBRID across all datasets', async () => {
    const client = new FakeClient().handle('search.run', (i) => ({ searchType: i.searchType ?? 'CHUNKS_HYBRID', query: i.query, results: [], merged: [] }));
    const store = createAppStore(client);
    store.getState().setSearchQuery('  curie ');
    await store.getState().runSearch();
    expect(client.calls[0]!.input).toEqual({ query: 'curie', searchType: 'CHUNKS_HYBRID', topK: 10 });
  });

  it('searches only chosen datasets that still exist', async () => {
    const client = new FakeClient().handle('search.run', (i) => ({ searchType: 'CHUNKS', query: i.query, results: [], merged: [] }));
    const store = createAppStore(client);
    store.setState({ datasets: [dataset(ID.d1, 'D')] });
    store.getState().setSearchScope([ID.d1, ID.d2]);
    store.getState().setSearchQuery('x');
    await store.getState().runSearch();
    expect((client.calls[0]!.input as { datasetIds: string[] }).datasetIds).toEqual([ID.d1]);
  });

  it('explains llm_not_configured in words and keeps the code for the Settings link', async () => {
    const client = new FakeClient().fail('search.run', 'llm_not_configured', 'GRAPH_COMPLETION needs an LLM');
    const store = createAppStore(client);
    store.getState().setSearchType('GRAPH_COMPLETION');
    store.getState().setSearchQuery('who?');
    await store.getState().runSearch();
    expect(store.getState().searchErrorCode).toBe('llm_not_configured');
    expect(store.getState().searchError).toMatch(/needs a language model.*Settings/);
    expect(store.getState().searchError).toContain('GRAPH_COMPLETION needs an LLM');
  });
});

describe('graph slice', () => {
  it('on a large graph asks only for documents and entities, and hides passages and summaries', async () => {
    const client = new FakeClient()
      .handle('graph.counts', () => ({ Document: 10, DocumentChunk: 5000, Entity: 3000, EntityType: 5, TextSummary: 10 }))
      .handle('graph.read', () => graph([], [], { truncated: true, totalNodes: 3015 }));
    const store = createAppStore(client);
    await store.getState().loadGraph(ID.d1);
    const read = client.calls.find((c) => c.name === 'graph.read')!.input as { types: string[]; nodeLimit: number };
    expect(read.types).toEqual(['Document', 'Entity', 'EntityType']);
    expect(store.getState().hiddenTypes).toEqual(['DocumentChunk', 'TextSummary']);
    // Showing passages again needs them loaded: a new read that includes them.
    await store.getState().toggleType('DocumentChunk');
    const again = client.calls.filter((c) => c.name === 'graph.read').at(-1)!.input as { types: string[] };
    expect(again.types).toEqual(['Document', 'DocumentChunk', 'Entity', 'EntityType']);
    expect(store.getState().hiddenTypes).toEqual(['TextSummary']);
  });

  it('hiding a type is local: no new request', async () => {
    const client = new FakeClient().handle('graph.counts', () => ({ Entity: 2 })).handle('graph.read', () => graph([]));
    const store = createAppStore(client);
    await store.getState().loadGraph(ID.d1);
    const before = client.calls.length;
    await store.getState().toggleType('Entity');
    expect(store.getState().hiddenTypes).toEqual(['Entity']);
    expect(client.calls.length).toBe(before);
  });

  it('ignores a graph that arrives after the person moved to another dataset', async () => {
    let release: () => void = () => undefined;
    const client = new FakeClient()
      .handle('graph.counts', () => ({ Entity: 1 }))
      .handle('graph.read', async (i) => {
        if (i.datasetId === ID.d1) await new Promise<void>((r) => (release = r));
        return graph([{ id: i.datasetId, type: 'Entity', name: 'n' }]);
      });
    const store = createAppStore(client);
    const first = store.getState().loadGraph(ID.d1);
    await new Promise((r) => setTimeout(r, 0));
    await store.getState().loadGraph(ID.d2);
    release();
    await first;
    expect(store.getState().graph?.nodes[0]!.id).toBe(ID.d2);
  });

  it('node details carry the error in words when the node cannot be read', async () => {
    const client = new FakeClient().fail('graph.node', 'not_found', 'No such node');
    const store = createAppStore(client);
    store.setState({ graphDatasetId: ID.d1 });
    await store.getState().selectNode('n1');
    expect(store.getState().nodeDetailsError).toBe('No such node');
  });
});

describe('groupGrants', () => {
  it('makes one row per principal with its permissions, users first', () => {
    const rows = groupGrants([
      { principalType: 'tenant', principalId: 't', principalLabel: 'Lab', permission: 'read' },
      { principalType: 'user', principalId: 'u', principalLabel: 'b@example.com', permission: 'read' },
      { principalType: 'user', principalId: 'u', principalLabel: 'b@example.com', permission: 'write' },
    ]);
    expect(rows.map((r) => [r.label, [...r.permissions]])).toEqual([
      ['b@example.com', ['read', 'write']],
      ['Lab', ['read']],
    ]);
  });
});
