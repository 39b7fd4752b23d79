import { describe, expect, it } from 'vitest';

import { splitDatasets } from '../../../renderer/src/features/datasets/datasetsSlice';
import { createAppStore, wireEvents } from '../../../renderer/src/store/createAppStore';
import type { Dataset } from '../../../renderer/src/store/views';
import { FakeClient } from './fake-client';
import { dataset, graph, ID, READ_ONLY, user } from './samples';

function setup(list: Dataset[]) {
  let datasets = list;
  const client = new FakeClient()
    .handle('auth.signIn', () => ({ user: user('b@example.com', ID.b), token: '' }))
    .handle('tenants.mine', () => null)
    .handle('tenants.invitations', () => [])
    .handle('datasets.list', () => datasets)
    .handle('graph.counts', () => ({ Entity: 1 }))
    .handle('graph.read', () => graph([{ id: 'n', type: 'Entity', name: 'N' }]));
  const store = createAppStore(client);
  wireEvents(client, store);
  return { client, store, setList: (l: Dataset[]) => (datasets = l) };
}

describe('datasets slice', () => {
  it('splits mine from shared with me, each by name', () => {
    const { mine, shared } = splitDatasets([
      dataset(ID.d2, 'b'),
      dataset(ID.d1, 'a'),
      dataset(ID.x1, 'shared', { isOwner: false, permissions: READ_ONLY }),
    ]);
    expect(mine.map((d) => d.name)).toEqual(['a', 'b']);
    expect(shared.map((d) => d.name)).toEqual(['shared']);
  });

  it('selects the first own dataset after sign-in and loads its graph', async () => {
    const { store, client } = setup([dataset(ID.d1, 'Mine')]);
    await store.getState().signIn('b@example.com', 'pw-123456');
    expect(store.getState().selectedDatasetId).toBe(ID.d1);
    await Promise.resolve();
    expect(client.names()).toContain('graph.read');
  });

  it('lets go of a shared dataset that was revoked, with a notice and without an error', async () => {
    const shared = dataset(ID.d2, 'Shared', { isOwner: false, permissions: READ_ONLY, ownerEmail: 'a@example.com' });
    const { store, client, setList } = setup([shared]);
    await store.getState().signIn('b@example.com', 'pw-123456');
    expect(store.getState().selectedDatasetId).toBe(ID.d2);
    setList([]);
    client.emit('datasets.changed', { reason: 'revoked' });
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    expect(s.datasets).toEqual([]);
    expect(s.selectedDatasetId).toBeNull();
    expect(s.graph).toBeNull();
    expect(s.datasetsError).toBeNull();
    expect(s.notices.map((n) => n.text)).toEqual(['“Shared” is no longer shared with you.']);
  });

  it('closes an open document whose dataset vanished', async () => {
    const { store, setList } = setup([dataset(ID.d1, 'Mine')]);
    await store.getState().signIn('b@example.com', 'pw-123456');
    store.setState({ doc: { datasetId: ID.d1, dataId: ID.x1, name: 'x', text: 'abc', start: 0, end: 1, error: null } });
    setList([]);
    await store.getState().refreshDatasets();
    expect(store.getState().doc).toBeNull();
  });

  it('shows a failed create in words and keeps the list', async () => {
    const { store, client } = setup([dataset(ID.d1, 'Mine')]);
    await store.getState().signIn('b@example.com', 'pw-123456');
    client.fail('datasets.create', 'conflict', 'A dataset named Mine already exists');
    expect(await store.getState().createDataset('Mine')).toBeNull();
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'A dataset named Mine already exists' });
    expect(store.getState().datasets).toHaveLength(1);
  });

  it('rebuilds a dataset’s index through datasets.reembed and says so; a refusal is shown in words', async () => {
    const { store, client } = setup([dataset(ID.d1, 'Mine')]);
    await store.getState().signIn('b@example.com', 'pw-123456');
    client.handle('datasets.reembed', () => []);
    expect(await store.getState().rebuildIndex(ID.d1)).toBe(true);
    expect(client.calls.filter((c) => c.name === 'datasets.reembed')).toEqual([{ name: 'datasets.reembed', input: { datasetId: ID.d1 } }]);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'info', text: expect.stringMatching(/Rebuilding the index/) });
    client.fail('datasets.reembed', 'permission_denied', 'You may not write to this dataset');
    expect(await store.getState().rebuildIndex(ID.d1)).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: expect.stringContaining('You may not write to this dataset') });
  });
});
