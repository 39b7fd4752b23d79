/** Re-adding files and deleting documents through the store (issue 17, items 2 and 3). */
import { describe, expect, it } from 'vitest';

import { createAppStore, wireEvents } from '../../../renderer/src/store/createAppStore';
import type { DataItem } from '../../../renderer/src/store/views';
import { FakeClient } from './fake-client';
import { dataset, graph, ID } from './samples';

const file = (name: string) => ({ file: new File(['hello'], name), path: name });
const row = (id: string, name: string, status: DataItem['status']): DataItem => ({
  id,
  name,
  extension: 'txt',
  mimeType: 'text/plain',
  size: 5,
  contentHash: id,
  ownerId: ID.a,
  createdAt: '',
  status,
  error: status === 'errored' ? 'bad' : null,
});

function setup(stored: DataItem[]) {
  let data = stored;
  const client = new FakeClient()
    .handle('datasets.list', () => [dataset(ID.d1, 'D', { dataCount: data.length, status: 'completed' })])
    .handle('graph.counts', () => ({}))
    .handle('graph.read', () => graph([]))
    .handle('graph.overview', () => ({ nodes: [], edges: [], communities: [], truncated: false, totalNodes: 0, totalEdges: 0 }) as never)
    .handle('data.add', ({ files = [] }) => ({
      datasetId: ID.d1,
      datasetName: 'D',
      items: files.map((f) => ({ name: f.name, status: 'duplicate' as const, dataId: data.find((d) => d.name === f.name)!.id })),
    }))
    .handle('cognify.run', () => [])
    .handle('data.delete', ({ dataId }) => {
      data = data.filter((d) => d.id !== dataId);
      return { ok: true as const };
    })
    .handle('datasets.data', () => data);
  const store = createAppStore(client);
  wireEvents(client, store);
  return { client, store };
}

describe('re-adding files', () => {
  it('files already processed are not processed again: no run is started', async () => {
    const { client, store } = setup([row(ID.x1, 'a.txt', 'completed')]);
    await store.getState().ingest(ID.d1, [file('a.txt')]);
    expect(client.calls.some((c) => c.name === 'cognify.run')).toBe(false);
    expect(store.getState().ingestItems.map((i) => i.stage)).toEqual(['duplicate']);
  });

  it('files a cancel left unprocessed are waiting again, and a run is started for them', async () => {
    const { client, store } = setup([row(ID.x1, 'a.txt', 'completed'), row(ID.x2, 'b.txt', 'pending')]);
    await store.getState().ingest(ID.d1, [file('a.txt'), file('b.txt')]);
    expect(client.calls.filter((c) => c.name === 'cognify.run')).toHaveLength(1);
    expect(store.getState().ingestItems.map((i) => [i.path, i.stage])).toEqual([
      ['a.txt', 'duplicate'],
      ['b.txt', 'queued'],
    ]);
  });
});

describe('deleting documents', () => {
  it('deletes each one, drops its ingest row, and re-lists the documents', async () => {
    const { client, store } = setup([row(ID.x1, 'a.txt', 'completed'), row(ID.x2, 'b.txt', 'errored')]);
    await store.getState().ingest(ID.d1, [file('b.txt')]);
    await store.getState().loadDocuments(ID.d1);
    expect(store.getState().docs).toHaveLength(2);
    expect(await store.getState().deleteDocuments(ID.d1, [ID.x2])).toBe(1);
    expect(client.calls.filter((c) => c.name === 'data.delete').map((c) => c.input)).toEqual([{ datasetId: ID.d1, dataId: ID.x2 }]);
    expect(store.getState().docs.map((d) => d.name)).toEqual(['a.txt']);
    expect(store.getState().ingestItems).toEqual([]);
  });
});
