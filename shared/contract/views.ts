/** zod schemas of what procedures return. */
import { z } from 'zod';

import { PERMISSIONS } from '../domain/permissions';

export const PermissionEnum = z.enum(PERMISSIONS);
export const PermissionSetSchema = z.object({ read: z.boolean(), write: z.boolean(), delete: z.boolean(), share: z.boolean() });

export const UserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  tenantId: z.string().nullable(),
  isSuperuser: z.boolean(),
  isDefault: z.boolean(),
  usesDefaultPassword: z.boolean(),
  createdAt: z.string(),
});

export const TenantViewSchema = z.object({ id: z.string(), name: z.string(), ownerId: z.string(), createdAt: z.string() });
export const RoleViewSchema = z.object({ id: z.string(), name: z.string(), tenantId: z.string(), createdAt: z.string() });

export const TenantInvitationViewSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  invitedByEmail: z.string(),
  createdAt: z.string(),
});

export const TenantDetailsSchema = z.object({
  tenant: TenantViewSchema,
  isOwner: z.boolean(),
  members: z.array(UserViewSchema),
  roles: z.array(RoleViewSchema.extend({ memberIds: z.array(z.string()) })),
  /** Invitations not yet answered; only the owner sees them (empty for members). */
  invitations: z.array(TenantInvitationViewSchema),
});

export const ProcessingStatusEnum = z.enum(['empty', 'pending', 'processing', 'completed', 'errored', 'interrupted', 'cancelled']);

export const DatasetViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerId: z.string(),
  ownerEmail: z.string(),
  tenantId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: PermissionSetSchema,
  isOwner: z.boolean(),
  status: ProcessingStatusEnum,
  dataCount: z.number(),
});

export const DataViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  extension: z.string(),
  mimeType: z.string(),
  size: z.number(),
  contentHash: z.string(),
  ownerId: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'processing', 'completed', 'errored']),
  error: z.string().nullable(),
});

export const GrantViewSchema = z.object({
  principalType: z.enum(['user', 'tenant', 'role']),
  principalId: z.string(),
  principalLabel: z.string(),
  permission: PermissionEnum,
});

export const RunViewSchema = z.object({
  id: z.string(),
  datasetId: z.string(),
  pipeline: z.enum(['cognify', 'reembed']),
  status: z.enum(['initiated', 'started', 'completed', 'errored', 'cancelled', 'interrupted']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  itemsTotal: z.number(),
  itemsDone: z.number(),
  itemsFailed: z.number(),
  error: z.string().nullable(),
});

/** The graph shapes are defined once, with their types, in shared/domain/graph.ts. */
export { CitationSchema, CommunitySchema, GraphEdgeSchema, GraphNodeSchema, GraphOverviewSchema, GraphSliceSchema } from '../domain/graph';
