import type { Store } from '../store';

/** Names of data items by id (workers know ids only; the catalog knows names). Unknown ids map to ''. */
export async function dataNames(store: Store, ids: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of ids) if (!names.has(id)) names.set(id, (await store.data.byId(id))?.name ?? '');
  return names;
}
