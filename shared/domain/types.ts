import type { DataId, DatasetId, RoleId, RunId, TenantId, UserId } from './ids';
import type { Permission, PermissionSet } from './permissions';

export type PrincipalType = 'user' | 'tenant' | 'role';

export type UserView = Readonly<{
  id: UserId;
  email: string;
  tenantId: TenantId | null;
  isSuperuser: boolean;
  isDefault: boolean;
  /** True while the profile still uses the shipped default password. */
  usesDefaultPassword: boolean;
  createdAt: string;
}>;

export type TenantView = Readonly<{ id: TenantId; name: string; ownerId: UserId; createdAt: string }>;
export type RoleView = Readonly<{ id: RoleId; name: string; tenantId: TenantId; createdAt: string }>;

/** A pending invitation into a tenant: the invited profile joins only by accepting it. */
export type TenantInvitationView = Readonly<{
  id: string;
  tenantId: TenantId;
  tenantName: string;
  userId: UserId;
  userEmail: string;
  /** Email of the tenant owner who sent it. */
  invitedByEmail: string;
  createdAt: string;
}>;

/** `cancelled`: the latest run was cancelled and files are still waiting (Resume = cognify.run). */
export type ProcessingStatus = 'empty' | 'pending' | 'processing' | 'completed' | 'errored' | 'interrupted' | 'cancelled';

export type DatasetView = Readonly<{
  id: DatasetId;
  name: string;
  ownerId: UserId;
  ownerEmail: string;
  tenantId: TenantId | null;
  createdAt: string;
  updatedAt: string;
  /** The caller's effective permissions on this dataset. */
  permissions: PermissionSet;
  /** True when the caller owns the dataset ("mine"), false when it was shared with them. */
  isOwner: boolean;
  status: ProcessingStatus;
  dataCount: number;
}>;

export type DataStatus = 'pending' | 'processing' | 'completed' | 'errored';

export type DataView = Readonly<{
  id: DataId;
  name: string;
  extension: string;
  mimeType: string;
  size: number;
  contentHash: string;
  ownerId: UserId;
  createdAt: string;
  status: DataStatus;
  error: string | null;
}>;

export type GrantView = Readonly<{
  principalType: PrincipalType;
  principalId: string;
  /** Email for users, name for roles and tenants. */
  principalLabel: string;
  permission: Permission;
}>;

export type RunStatus = 'initiated' | 'started' | 'completed' | 'errored' | 'cancelled' | 'interrupted';

export type RunView = Readonly<{
  id: RunId;
  datasetId: DatasetId;
  pipeline: 'cognify' | 'reembed';
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  itemsTotal: number;
  itemsDone: number;
  itemsFailed: number;
  error: string | null;
}>;
