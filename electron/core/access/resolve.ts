/**
 * Pure permission resolution, deny by default. Cognee's rule: a user's permissions on a
 * dataset are the union of grants to the user, to each of their roles and to their tenant.
 * The four permissions are independent (Cognee implies none from another): `write` alone
 * lets a user add data but not search it.
 */
import { NO_PERMISSIONS } from '../../../shared/domain/permissions';
import type { Permission, PermissionSet } from '../../../shared/domain/permissions';

export type Grant = Readonly<{ principalId: string; datasetId: string; permission: Permission }>;

export function effectivePermissions(grants: readonly Grant[], principalIds: ReadonlySet<string>, datasetId: string): PermissionSet {
  const out: Record<Permission, boolean> = { ...NO_PERMISSIONS };
  for (const g of grants) {
    if (g.datasetId === datasetId && principalIds.has(g.principalId)) out[g.permission] = true;
  }
  return out;
}

export function can(grants: readonly Grant[], principalIds: ReadonlySet<string>, datasetId: string, need: Permission): boolean {
  return grants.some((g) => g.datasetId === datasetId && g.permission === need && principalIds.has(g.principalId));
}

/** Groups grants per dataset into permission sets (for listings). */
export function permissionsByDataset(grants: readonly Grant[], principalIds: ReadonlySet<string>): Map<string, PermissionSet> {
  const out = new Map<string, Record<Permission, boolean>>();
  for (const g of grants) {
    if (!principalIds.has(g.principalId)) continue;
    let set = out.get(g.datasetId);
    if (!set) out.set(g.datasetId, (set = { ...NO_PERMISSIONS }));
    set[g.permission] = true;
  }
  return out;
}
