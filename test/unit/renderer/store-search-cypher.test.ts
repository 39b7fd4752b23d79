/** The search slice's Cypher side: one dataset, picked, never "all"; the schema read through search.run. */
import { describe, expect, it } from 'vitest';

import type { Input } from '../../../shared/contract/procedures';
import { createAppStore } from '../../../renderer/src/store/createAppStore';
import { FakeClient } from './fake-client';
import { dataset, ID } from './samples';

/** Answers the schema queries the way Kùzu does for the store's schema. */
function schemaClient(): FakeClient {
  const rowsFor = (q: string): Record<string, unknown>[] => {
    if (q.startsWith('CALL show_tables()')) return [{ name: 'Node', type: 'NODE' }, { name: 'Rel', type: 'REL' }];
    if (q.includes("table_info('Node')")) return [{ name: 'id', type: 'STRING', 'primary key': true }, { name: 'type', type: 'STRING', 'primary key': false }];
    if (q.includes("table_info('Rel')")) return [{ name: 'relation', type: 'STRING' }];
    if (q.includes("show_connection('Rel')")) return [{ 'source table name': 'Node', 'destination table name': 'Node' }];
    return [{ n: 1 }];
  };
  return new FakeClient().handle('search.run', (i: Input<'search.run'>) => ({
    searchType: 'CYPHER',
    query: i.query,
    results: [{ datasetId: i.datasetIds![0]!, datasetName: 'D', hits: [], rows: rowsFor(i.query) }],
    merged: [],
  }));
}

describe('search slice: Cypher', () => {
  it('with several datasets and none picked, says so and runs nothing', async () => {
    const client = schemaClient();
    const store = createAppStore(client);
    store.setState({ datasets: [dataset(ID.d1, 'A'), dataset(ID.d2, 'B')] });
    store.getState().setSearchType('CYPHER');
    store.getState().setCypherQuery('MATCH (n:Node) RETURN n.name');
    await store.getState().runSearch();
    expect(client.calls).toEqual([]);
    expect(store.getState().searchError).toMatch(/one dataset at a time: choose the dataset/);
  });

  it('runs on the picked dataset only, and reads its schema from the engine', async () => {
    const client = schemaClient();
    const store = createAppStore(client);
    store.setState({ datasets: [dataset(ID.d1, 'A'), dataset(ID.d2, 'B')] });
    store.getState().setSearchType('CYPHER');
    store.getState().setCypherDataset(ID.d2);
    await expect.poll(() => store.getState().cypherSchema).not.toBeNull();
    expect(store.getState().cypherSchema).toEqual({
      datasetId: ID.d2,
      tables: [
        { name: 'Node', kind: 'node', properties: [{ name: 'id', type: 'STRING', primaryKey: true }, { name: 'type', type: 'STRING', primaryKey: false }] },
        { name: 'Rel', kind: 'rel', from: 'Node', to: 'Node', properties: [{ name: 'relation', type: 'STRING', primaryKey: false }] },
      ],
    });
    client.calls.length = 0;
    store.getState().setCypherQuery('MATCH (n:Node) RETURN count(*) AS n');
    await store.getState().runSearch();
    expect(client.calls.map((c) => c.input)).toEqual([{ query: 'MATCH (n:Node) RETURN count(*) AS n', searchType: 'CYPHER', topK: 100, datasetIds: [ID.d2] }]);
    expect(store.getState().searchResponse?.results[0]?.rows).toEqual([{ n: 1 }]);
  });

  it('picks the only dataset there is', () => {
    const store = createAppStore(schemaClient());
    store.setState({ datasets: [dataset(ID.d1, 'A')] });
    store.getState().setSearchType('CYPHER');
    expect(store.getState().cypherDatasetId).toBe(ID.d1);
  });
});
