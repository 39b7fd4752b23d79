import { errorText } from '../../store/errors';
import type { SliceCreator } from '../../store/types';
import type { TenantDetails } from '../../store/views';

export interface TenantSlice {
  /** The caller's tenant, null when they belong to none. */
  tenant: TenantDetails | null;
  tenantLoaded: boolean;
  tenantError: string | null;
  loadTenant(): Promise<void>;
  createTenant(name: string): Promise<boolean>;
  addTenantMember(email: string): Promise<boolean>;
  removeTenantMember(userId: string): Promise<boolean>;
  createRole(name: string): Promise<boolean>;
  deleteRole(roleId: string): Promise<boolean>;
  setRoleMember(roleId: string, userId: string, member: boolean): Promise<boolean>;
}

export const tenantInitial = { tenant: null as TenantDetails | null, tenantLoaded: false, tenantError: null as string | null };

export const createTenantSlice: SliceCreator<TenantSlice> = (client) => (set, get) => {
  /** Runs a change, then re-reads the tenant so the panel shows the app's truth. */
  const change = async (fn: (tenantId: string | null) => Promise<unknown>): Promise<boolean> => {
    set({ tenantError: null });
    try {
      await fn(get().tenant?.tenant.id ?? null);
      await get().loadTenant();
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
        set({ tenant: await client.call('tenants.mine', {}), tenantLoaded: true });
      } catch (e) {
        set({ tenantError: errorText(e), tenantLoaded: true });
      }
    },
    createTenant: (name) => change(() => client.call('tenants.create', { name })),
    addTenantMember: (email) =>
      change(async (tenantId) => {
        const u = await client.call('users.lookup', { email: email.trim() });
        await client.call('tenants.addMember', { tenantId: need(tenantId), userId: u.id });
      }),
    removeTenantMember: (userId) => change((tenantId) => client.call('tenants.removeMember', { tenantId: need(tenantId), userId })),
    createRole: (name) => change(() => client.call('roles.create', { name })),
    deleteRole: (roleId) => change(() => client.call('roles.delete', { roleId })),
    setRoleMember: (roleId, userId, member) =>
      change(() => client.call(member ? 'roles.addMember' : 'roles.removeMember', { roleId, userId })),
  };
};
