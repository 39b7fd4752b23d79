/** A host with two profiles: an owner whose one dataset holds `text` (cognified), and a reader. */
import { rpc } from '../../helpers/http-core';
import { openHost } from './harness';
import type { Harness } from './harness';

export type OwnerAndReader = Readonly<{
  h: Harness;
  owner: { token: string; id: string };
  reader: { token: string; id: string };
  datasetId: string;
}>;

export async function openOwnerAndReader(text: string): Promise<OwnerAndReader> {
  const h = await openHost();
  const owner = await h.user('owner@example.com');
  const reader = await h.user('reader@example.com');
  const ds = (await rpc(h.url, owner.token, 'datasets.create', { name: 'shared' })) as { ok: true; value: { id: string } };
  const datasetId = ds.value.id;
  await rpc(h.url, owner.token, 'data.add', { datasetId, texts: [text] });
  await rpc(h.url, owner.token, 'cognify.run', { datasetIds: [datasetId], runInBackground: false });
  return { h, owner, reader, datasetId };
}
