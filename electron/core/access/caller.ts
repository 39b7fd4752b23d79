import type { RoleId, TenantId, UserId } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/domain/errors';
import type { Store } from '../store';

/** Who is calling, with every principal id whose grants apply to them. Built per call. */
export type Caller = Readonly<{
  userId: UserId;
  email: string;
  tenantId: TenantId | null;
  roleIds: readonly RoleId[];
  /** user id ∪ role ids ∪ tenant id */
  principalIds: ReadonlySet<string>;
  isSuperuser: boolean;
}>;

export async function callerFor(store: Store, userId: string): Promise<Caller> {
  const user = await store.users.byId(userId);
  if (!user) throw new AppError('unauthenticated', 'The signed-in profile no longer exists');
  const roleIds = await store.tenants.roleIdsOfUser(user.id);
  const principalIds = new Set<string>([user.id, ...roleIds]);
  if (user.tenant_id) principalIds.add(user.tenant_id);
  return {
    userId: user.id,
    email: user.email,
    tenantId: user.tenant_id,
    roleIds,
    principalIds,
    isSuperuser: user.is_superuser === 1,
  };
}
