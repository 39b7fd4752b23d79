/**
 * The one choke point for dataset access. Every procedure that touches a dataset goes
 * through `requireDataset` (or `resolveDatasetRef`) before any database or worker call.
 * A dataset the caller may not use and one that does not exist produce the same error.
 */
import type { DatasetId } from '../../../shared/domain/ids';
import { isUuid } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/domain/errors';
import type { Permission, PermissionSet } from '../../../shared/domain/permissions';
import type { Store } from '../store';
import type { DatasetRow } from '../store/repos/datasets-repo';
import type { Caller } from './caller';
import { effectivePermissions, permissionsByDataset } from './resolve';

export const DEFAULT_DATASET_NAME = 'main_dataset';

/** Cognee's message shape; identical whether the dataset is missing or merely not granted. */
export function denied(need: Permission | readonly Permission[]): AppError {
  const list = Array.isArray(need) ? need.join(', ') : need;
  return new AppError('permission_denied', `Request owner does not have necessary permission: [${list}] for all datasets requested.`);
}

export type AuthorizedDataset = Readonly<{ dataset: DatasetRow; permissions: PermissionSet }>;

export async function permissionsOn(store: Store, caller: Caller, datasetId: string): Promise<PermissionSet> {
  const grants = await store.acls.grantsFor([...caller.principalIds], datasetId as DatasetId);
  return effectivePermissions(grants, caller.principalIds, datasetId);
}

export async function requireDataset(store: Store, caller: Caller, datasetId: string, need: Permission): Promise<AuthorizedDataset> {
  if (!isUuid(datasetId)) throw denied(need);
  const dataset = await store.datasets.byId(datasetId);
  if (!dataset) throw denied(need);
  const permissions = await permissionsOn(store, caller, datasetId);
  if (!permissions[need]) throw denied(need);
  return { dataset, permissions };
}

/** Checks `need` on every id; one failure denies the whole call without saying which. */
export async function requireDatasets(store: Store, caller: Caller, ids: readonly string[], need: Permission): Promise<AuthorizedDataset[]> {
  const out: AuthorizedDataset[] = [];
  for (const id of new Set(ids)) out.push(await requireDataset(store, caller, id, need));
  return out;
}

/** Which dataset a request means: by id, or by one of the caller's own names (not an engine `DatasetRef`). */
export type DatasetSelector = Readonly<{ datasetId?: string | undefined; datasetName?: string | undefined }>;

/**
 * Resolves an id (reaches shared datasets) or a name (only among the caller's own datasets;
 * `main_dataset` when neither is given). With `createIfMissing`, a missing own name is
 * created with full rights — Cognee's behaviour for add.
 */
export async function resolveDatasetRef(
  store: Store,
  caller: Caller,
  ref: DatasetSelector,
  need: Permission,
  createIfMissing = false,
): Promise<AuthorizedDataset & { created: boolean }> {
  if (ref.datasetId) return { ...(await requireDataset(store, caller, ref.datasetId, need)), created: false };
  const name = ref.datasetName ?? DEFAULT_DATASET_NAME;
  const own = await store.datasets.byOwnerAndName(caller.userId, name);
  if (own) return { ...(await requireDataset(store, caller, own.id, need)), created: false };
  if (!createIfMissing) throw denied(need);
  const dataset = await store.datasets.create(name, caller.userId, caller.tenantId);
  return { dataset, permissions: await permissionsOn(store, caller, dataset.id), created: true };
}

/** Every dataset the caller holds `need` on, with their full permission sets. */
export async function authorizedDatasets(store: Store, caller: Caller, need: Permission = 'read'): Promise<AuthorizedDataset[]> {
  const grants = await store.acls.grantsFor([...caller.principalIds]);
  const byDataset = permissionsByDataset(grants, caller.principalIds);
  const ids = [...byDataset.entries()].filter(([, p]) => p[need]).map(([id]) => id);
  const rows = await store.datasets.byIds(ids);
  return rows
    .map((dataset) => ({ dataset, permissions: byDataset.get(dataset.id)! }))
    .sort((a, b) => a.dataset.name.localeCompare(b.dataset.name) || a.dataset.id.localeCompare(b.dataset.id));
}
