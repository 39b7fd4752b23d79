/**
 * Granting and revoking dataset permissions. Both need `share` on the dataset (Cognee's
 * authorized_give_permission_on_datasets); the principal may be a user, a role or a tenant.
 */
import { AppError } from '../../../shared/domain/errors';
import type { PrincipalId } from '../../../shared/domain/ids';
import type { Permission } from '../../../shared/domain/permissions';
import type { GrantView } from '../../../shared/domain/types';
import type { Store } from '../store';
import type { Caller } from './caller';
import { requireDataset } from './dataset-gate';

export class GrantService {
  constructor(private readonly store: Store) {}

  async grant(caller: Caller, datasetId: string, principalId: string, permissions: readonly Permission[]): Promise<void> {
    const { dataset } = await requireDataset(this.store, caller, datasetId, 'share');
    const principal = await this.requirePrincipal(principalId);
    for (const p of permissions) {
      if (await this.store.acls.grant(principal, dataset.id, p))
        await this.store.audit.record({ actorId: caller.userId, action: 'grant', datasetId: dataset.id, principalId, permission: p });
    }
  }

  async revoke(caller: Caller, datasetId: string, principalId: string, permissions: readonly Permission[]): Promise<void> {
    const { dataset } = await requireDataset(this.store, caller, datasetId, 'share');
    const principal = await this.requirePrincipal(principalId);
    // Ownership never moves, and the owner cannot be locked out of their own dataset.
    if (principalId === dataset.owner_id) throw new AppError('conflict', 'The owner’s permissions on their own dataset cannot be revoked');
    for (const p of permissions) {
      if (await this.store.acls.revoke(principal, dataset.id, p))
        await this.store.audit.record({ actorId: caller.userId, action: 'revoke', datasetId: dataset.id, principalId, permission: p });
    }
  }

  /** Who has access and how (for the sharing dialog); needs `share`. */
  async list(caller: Caller, datasetId: string): Promise<GrantView[]> {
    const { dataset } = await requireDataset(this.store, caller, datasetId, 'share');
    const rows = await this.store.acls.grantsOn(dataset.id);
    const labels = new Map<string, string>();
    for (const r of rows) {
      if (labels.has(r.principalId)) continue;
      labels.set(r.principalId, await this.labelOf(r.principalType, r.principalId));
    }
    return rows.map((r) => ({ principalType: r.principalType, principalId: r.principalId, principalLabel: labels.get(r.principalId)!, permission: r.permission }));
  }

  /** The contract cannot brand a principal id (it is one of three kinds); the lookup proves which. */
  private async requirePrincipal(id: string): Promise<PrincipalId> {
    if (!(await this.store.acls.principalType(id))) throw new AppError('not_found', 'No such user, role or tenant', { field: 'principalId' });
    return id as PrincipalId;
  }

  private async labelOf(type: string, id: string): Promise<string> {
    if (type === 'user') return (await this.store.users.byId(id))?.email ?? id;
    if (type === 'role') return (await this.store.tenants.roleById(id))?.name ?? id;
    return (await this.store.tenants.tenantById(id))?.name ?? id;
  }
}
