import type { Permission } from '../../../../shared/domain/permissions';
import { errorText } from '../../store/errors';
import type { SliceCreator } from '../../store/types';
import type { Grant } from '../../store/views';

export interface SharingSlice {
  sharingDatasetId: string | null;
  grants: readonly Grant[];
  sharingLoading: boolean;
  sharingError: string | null;
  loadSharing(datasetId: string): Promise<void>;
  /** Grants to a principal id (role, tenant, or an already-known user). */
  grant(principalId: string, permissions: readonly Permission[]): Promise<boolean>;
  /** Looks the email up (users.lookup) and grants to that profile. */
  grantToEmail(email: string, permissions: readonly Permission[]): Promise<boolean>;
  revoke(principalId: string, permissions: readonly Permission[]): Promise<boolean>;
}

export const sharingInitial = {
  sharingDatasetId: null as string | null,
  grants: [] as readonly Grant[],
  sharingLoading: false,
  sharingError: null as string | null,
};

export const createSharingSlice: SliceCreator<SharingSlice> = (client) => (set, get) => {
  const change = async (fn: (datasetId: string) => Promise<unknown>): Promise<boolean> => {
    const datasetId = get().sharingDatasetId;
    if (!datasetId) return false;
    set({ sharingError: null });
    try {
      await fn(datasetId);
      await get().loadSharing(datasetId);
      return true;
    } catch (e) {
      set({ sharingError: errorText(e) });
      return false;
    }
  };
  return {
    ...sharingInitial,
    loadSharing: async (datasetId) => {
      set({ sharingDatasetId: datasetId, sharingLoading: true, sharingError: null });
      try {
        const grants = await client.call('sharing.list', { datasetId });
        if (get().sharingDatasetId === datasetId) set({ grants, sharingLoading: false });
      } catch (e) {
        if (get().sharingDatasetId === datasetId) set({ sharingLoading: false, sharingError: errorText(e) });
      }
    },
    grant: (principalId, permissions) =>
      change((datasetId) => client.call('sharing.grant', { datasetId, principalId, permissions: [...permissions] })),
    grantToEmail: (email, permissions) =>
      change(async (datasetId) => {
        const user = await client.call('users.lookup', { email: email.trim() });
        await client.call('sharing.grant', { datasetId, principalId: user.id, permissions: [...permissions] });
      }),
    revoke: (principalId, permissions) =>
      change((datasetId) => client.call('sharing.revoke', { datasetId, principalId, permissions: [...permissions] })),
  };
};

/** One row per principal with the set of permissions it holds, users first. */
export type GrantRow = Readonly<{ principalId: string; principalType: Grant['principalType']; label: string; permissions: ReadonlySet<Permission> }>;

export function groupGrants(grants: readonly Grant[]): GrantRow[] {
  const rows = new Map<string, { principalId: string; principalType: Grant['principalType']; label: string; permissions: Set<Permission> }>();
  for (const g of grants) {
    const row = rows.get(g.principalId) ?? { principalId: g.principalId, principalType: g.principalType, label: g.principalLabel, permissions: new Set<Permission>() };
    row.permissions.add(g.permission);
    rows.set(g.principalId, row);
  }
  const order = { user: 0, role: 1, tenant: 2 } as const;
  return [...rows.values()].sort((a, b) => order[a.principalType] - order[b.principalType] || a.label.localeCompare(b.label));
}
