import { describe, expect, it } from 'vitest';

import { createAppStore, wireEvents } from '../../../renderer/src/store/createAppStore';
import { FakeClient } from './fake-client';
import { dataset, graph, ID } from './samples';

const file = (name: string, text: string) => ({ file: new File([text], name), path: `folder/${name}` });

function setup() {
  const client = new FakeClient()
    .handle('datasets.list', () => [dataset(ID.d1, 'D')])
    .handle('graph.counts', () => ({}))
    .handle('graph.read', () => graph([]))
    .handle('data.add', ({ files = [] }) => ({
      datasetId: ID.d1,
      datasetName: 'D',
      items: files.map((f, i) => (f.name.endsWith('.exe') ? { name: f.name, status: 'rejected' as const, reason: 'Unsupported file type .exe' } : { name: f.name, status: 'added' as const, dataId: i === 0 ? ID.x1 : ID.x2 })),
    }))
    .handle('cognify.run', () => [])
    .handle('datasets.data', () => [
      { id: ID.x1, name: 'a.txt', extension: 'txt', mimeType: 'text/plain', size: 5, contentHash: 'h', ownerId: ID.a, createdAt: '', status: 'completed' as const, error: null },
    ]);
  const store = createAppStore(client);
  wireEvents(client, store);
  return { client, store };
}

describe('ingest slice', () => {
  it('sends the bytes, starts cognify in the background, and shows rejections with their reason', async () => {
    const { client, store } = setup();
    await store.getState().ingest(ID.d1, [file('a.txt', 'hello'), file('virus.exe', 'MZ')]);
    const add = client.calls.find((c) => c.name === 'data.add')!.input as { datasetId: string; files: { name: string; bytes: Uint8Array }[] };
    expect(add.datasetId).toBe(ID.d1);
    expect(add.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a.txt', 'hello'],
      ['virus.exe', 'MZ'],
    ]);
    expect(client.calls.find((c) => c.name === 'cognify.run')!.input).toEqual({ datasetIds: [ID.d1], runInBackground: true });
    const items = store.getState().ingestItems;
    expect(items.map((i) => [i.path, i.stage, i.message])).toEqual([
      ['folder/a.txt', 'queued', undefined],
      ['folder/virus.exe', 'rejected', 'Unsupported file type .exe'],
    ]);
  });

  it('streams run.progress into the item, and settles it when the run finishes', async () => {
    const { client, store } = setup();
    await store.getState().ingest(ID.d1, [file('a.txt', 'hello')]);
    const base = { runId: 'r', datasetId: ID.d1, dataId: ID.x1, dataName: 'a.txt', itemsDone: 0, itemsTotal: 1, bytes: 5 };
    client.emit('run.progress', { ...base, stage: 'extract' });
    expect(store.getState().ingestItems[0]!.stage).toBe('extract');
    client.emit('run.finished', {
      id: 'r',
      datasetId: ID.d1,
      pipeline: 'cognify',
      status: 'completed',
      startedAt: '',
      finishedAt: '',
      itemsTotal: 1,
      itemsDone: 1,
      itemsFailed: 0,
      error: null,
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().ingestItems[0]!.stage).toBe('done');
  });

  it('shows an upload failure in words on every file of the batch and does not start cognify', async () => {
    const { client, store } = setup();
    client.fail('data.add', 'permission_denied', 'You may not write to this dataset');
    await store.getState().ingest(ID.d1, [file('a.txt', 'x'), file('b.txt', 'y')]);
    expect(store.getState().ingestItems.map((i) => i.stage)).toEqual(['error', 'error']);
    expect(store.getState().ingestItems[0]!.message).toContain('You may not write to this dataset');
    expect(client.names()).not.toContain('cognify.run');
  });

  it('files dropped on the window wait for a dataset choice', () => {
    const { store } = setup();
    store.getState().askWhereToIngest([file('a.txt', 'x')]);
    expect(store.getState().dialog).toEqual({ kind: 'chooseDataset' });
    expect(store.getState().pendingFiles).toHaveLength(1);
  });
});
