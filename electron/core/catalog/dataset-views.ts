import type { DatasetView, ProcessingStatus } from '../../../shared/domain/types';
import type { PermissionSet } from '../../../shared/domain/permissions';
import type { Store } from '../store';
import type { DatasetRow } from '../store/repos/datasets-repo';
import type { Caller } from '../access/caller';

/** Dataset status from its items and latest run: what the sidebar shows. */
export async function datasetStatus(store: Store, datasetId: DatasetRow['id']): Promise<{ status: ProcessingStatus; count: number }> {
  const c = await store.data.statusCounts(datasetId);
  const count = c.pending + c.processing + c.completed + c.errored;
  const run = await store.runs.latest(datasetId);
  let status: ProcessingStatus;
  if (count === 0) status = 'empty';
  else if (run && (run.status === 'started' || run.status === 'initiated')) status = 'processing';
  else if (c.processing > 0) status = 'processing';
  else if (run?.status === 'interrupted' && c.pending > 0) status = 'interrupted';
  // Cancelled by someone, files still waiting: say so (and the UI offers Resume), not "waiting".
  else if (run?.status === 'cancelled' && c.pending > 0) status = 'cancelled';
  else if (c.pending > 0) status = 'pending';
  else if (c.errored > 0) status = 'errored';
  else status = 'completed';
  return { status, count };
}

export async function toDatasetView(store: Store, caller: Caller, row: DatasetRow, permissions: PermissionSet): Promise<DatasetView> {
  const owner = await store.users.byId(row.owner_id);
  const { status, count } = await datasetStatus(store, row.id);
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    ownerEmail: owner?.email ?? '',
    tenantId: row.tenant_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions,
    isOwner: row.owner_id === caller.userId,
    status,
    dataCount: count,
  };
}
