import { errorText } from '../../store/errors';
import type { SliceCreator } from '../../store/types';
import type { TenantDetails, TenantInvitation } from '../../store/views';

export interface TenantSlice {
  /** The caller's tenant, null when they belong to none. */
  tenant: TenantDetails | null;
  /** Invitations addressed to this profile; it joins a tenant only by accepting one. */
  invitations: readonly TenantInvitation[];
  tenantLoaded: boolean;
  tenantError: string | null;
  loadTenant(): Promise<void>;
  createTenant(name: string): Promise<boolean>;
  /** Owner: invite a profile by email (it is not a member until it accepts). */
  inviteTenantMember(email: string): Promise<boolean>;
  cancelInvitation(invitationId: string): Promise<boolean>;
  acceptInvitation(invitationId: string): Promise<boolean>;
  declineInvitation(invitationId: string): Promise<boolean>;
  /** Member: leave the tenant (loses its roles and the grants it gave). */
  leaveTenant(): Promise<boolean>;
  /** Owner: delete the tenant, which releases every member. */
  deleteTenant(): Promise<boolean>;
  removeTenantMember(userId: string): Promise<boolean>;
  createRole(name: string): Promise<boolean>;
  deleteRole(roleId: string): Promise<boolean>;
  setRoleMember(roleId: string, userId: string, member: boolean): Promise<boolean>;
}

export const tenantInitial = {
  tenant: null as TenantDetails | null,
  invitations: [] as readonly TenantInvitation[],
  tenantLoaded: false,
  tenantError: null as string | null,
};

export const createTenantSlice: SliceCreator<TenantSlice> = (client) => (set, get) => {
  /** Runs a change, then re-reads the tenant so the panel shows the app's truth. */
  const change = async (fn: (tenantId: string | null) => Promise<unknown>, datasetsToo = false): Promise<boolean> => {
    set({ tenantError: null });
    try {
      await fn(get().tenant?.tenant.id ?? null);
      await get().loadTenant();
      // Joining or leaving changes which tenant and role grants reach this profile.
      if (datasetsToo) await get().refreshDatasets();
      return true;
    } catch (e) {
      set({ tenantError: errorText(e) });
      return false;
    }
  };
  const need = (id: string | null): string => {
    if (!id) throw new Error('Create a tenant first.');
    return id;
  };
  return {
    ...tenantInitial,
    loadTenant: async () => {
      try {
        const [tenant, invitations] = await Promise.all([client.call('tenants.mine', {}), client.call('tenants.invitations', {})]);
        set({ tenant, invitations, tenantLoaded: true });
      } catch (e) {
        set({ tenantError: errorText(e), tenantLoaded: true });
      }
    },
    createTenant: (name) => change(() => client.call('tenants.create', { name })),
    inviteTenantMember: (email) =>
      change(async (tenantId) => {
        const u = await client.call('users.lookup', { email: email.trim() });
        await client.call('tenants.invite', { tenantId: need(tenantId), userId: u.id });
      }),
    cancelInvitation: (invitationId) => change(() => client.call('tenants.cancelInvitation', { invitationId })),
    acceptInvitation: (invitationId) => change(() => client.call('tenants.acceptInvitation', { invitationId }), true),
    declineInvitation: (invitationId) => change(() => client.call('tenants.declineInvitation', { invitationId })),
    leaveTenant: () => change((tenantId) => client.call('tenants.leave', { tenantId: need(tenantId) }), true),
    deleteTenant: () => change((tenantId) => client.call('tenants.delete', { tenantId: need(tenantId) }), true),
    removeTenantMember: (userId) => change((tenantId) => client.call('tenants.removeMember', { tenantId: need(tenantId), userId })),
    createRole: (name) => change(() => client.call('roles.create', { name })),
    deleteRole: (roleId) => change(() => client.call('roles.delete', { roleId })),
    setRoleMember: (roleId, userId, member) =>
      change(() => client.call(member ? 'roles.addMember' : 'roles.removeMember', { roleId, userId })),
  };
};
