/**
 * Grants, tenants and roles, as cognee/api/v1/permissions/routers/get_permissions_router.py
 * exposes them under /api/v1/permissions. Names travel in the query string and dataset ids
 * as a JSON array body, exactly as there.
 *
 * One deliberate difference: tenant membership is by consent, so Cognee's "add user to
 * tenant" creates an invitation, and three Kenning routes let the invitee list, accept or
 * decline it, and a member leave.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { PermissionEnum } from '../../../shared/contract/views';
import { callCore, parse, v1 } from './common';
import type { HostContext } from '../context';

const q = (req: { query: unknown }) => (req.query ?? {}) as Record<string, unknown>;
const p = (req: { params: unknown }) => (req.params ?? {}) as Record<string, unknown>;

export function registerPermissionRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;

  const grantInput = (req: { query: unknown; params: unknown; body: unknown }) => {
    const { principal_id } = parse(z.object({ principal_id: z.uuid() }), { principal_id: p(req).principalId }, 'path');
    const { permission_name } = parse(z.object({ permission_name: PermissionEnum }), { permission_name: q(req).permission_name }, 'query');
    const ids = parse(z.array(z.uuid()).min(1).max(1000), req.body, 'body');
    return { principalId: principal_id, permission: permission_name, datasetIds: [...new Set(ids)] };
  };

  // Share is checked on every dataset before anything changes, so a partly-allowed list
  // changes nothing (the core decides: sharing.list needs share).
  app.post('/api/v1/permissions/datasets/:principalId', v1(async (req) => {
    const g = grantInput(req);
    for (const datasetId of g.datasetIds) await callCore(core, req, 'sharing.list', { datasetId });
    for (const datasetId of g.datasetIds) await callCore(core, req, 'sharing.grant', { datasetId, principalId: g.principalId, permissions: [g.permission] });
    return { message: 'Permission assigned to principal' };
  }));

  app.delete('/api/v1/permissions/datasets/:principalId', v1(async (req) => {
    const g = grantInput(req);
    for (const datasetId of g.datasetIds) await callCore(core, req, 'sharing.list', { datasetId });
    for (const datasetId of g.datasetIds) await callCore(core, req, 'sharing.revoke', { datasetId, principalId: g.principalId, permissions: [g.permission] });
    return { message: 'Permission revoked from principal' };
  }));

  app.post('/api/v1/permissions/tenants', v1(async (req) => {
    const { tenant_name } = parse(z.object({ tenant_name: z.string() }), { tenant_name: q(req).tenant_name }, 'query');
    const t = await callCore(core, req, 'tenants.create', { name: tenant_name }, 'query');
    return { message: 'Tenant created.', tenant_id: t.id };
  }));

  app.get('/api/v1/permissions/tenants/me', v1(async (req) => {
    const mine = await callCore(core, req, 'tenants.mine', {});
    return mine ? [{ id: mine.tenant.id, name: mine.tenant.name }] : [];
  }));

  // Cognee adds the user at once; here the user is invited and joins only by accepting.
  app.post('/api/v1/permissions/users/:userId/tenants', v1(async (req) => {
    const { user_id } = parse(z.object({ user_id: z.uuid() }), { user_id: p(req).userId }, 'path');
    const { tenant_id } = parse(z.object({ tenant_id: z.uuid() }), { tenant_id: q(req).tenant_id }, 'query');
    const invitation = await callCore(core, req, 'tenants.invite', { tenantId: tenant_id, userId: user_id });
    return { message: 'User invited to tenant; they join when they accept the invitation', invitation_id: invitation.id };
  }));

  app.get('/api/v1/permissions/tenants/invitations', v1(async (req) => {
    const list = await callCore(core, req, 'tenants.invitations', {});
    return list.map((i) => ({ id: i.id, tenant_id: i.tenantId, tenant_name: i.tenantName, invited_by: i.invitedByEmail, created_at: i.createdAt }));
  }));

  const invitationId = (req: { params: unknown }) =>
    parse(z.object({ invitation_id: z.uuid() }), { invitation_id: p(req).invitationId }, 'path').invitation_id;

  app.post('/api/v1/permissions/tenants/invitations/:invitationId/accept', v1(async (req) => {
    const tenant = await callCore(core, req, 'tenants.acceptInvitation', { invitationId: invitationId(req) }, 'path');
    return { message: 'Joined tenant', tenant_id: tenant.id };
  }));

  app.post('/api/v1/permissions/tenants/invitations/:invitationId/decline', v1(async (req) => {
    await callCore(core, req, 'tenants.declineInvitation', { invitationId: invitationId(req) }, 'path');
    return { message: 'Invitation declined' };
  }));

  app.post('/api/v1/permissions/tenants/:tenantId/leave', v1(async (req) => {
    const { tenant_id } = parse(z.object({ tenant_id: z.uuid() }), { tenant_id: p(req).tenantId }, 'path');
    await callCore(core, req, 'tenants.leave', { tenantId: tenant_id }, 'path');
    return { message: 'Left tenant' };
  }));

  app.delete('/api/v1/permissions/tenants/:tenantId/users/:userId', v1(async (req) => {
    const ids = parse(z.object({ tenant_id: z.uuid(), user_id: z.uuid() }), { tenant_id: p(req).tenantId, user_id: p(req).userId }, 'path');
    await callCore(core, req, 'tenants.removeMember', { tenantId: ids.tenant_id, userId: ids.user_id });
    return { message: 'User removed from tenant' };
  }));

  app.post('/api/v1/permissions/roles', v1(async (req) => {
    const { role_name } = parse(z.object({ role_name: z.string() }), { role_name: q(req).role_name }, 'query');
    const role = await callCore(core, req, 'roles.create', { name: role_name }, 'query');
    return { message: 'Role created for tenant', role_id: role.id, tenant_id: role.tenantId };
  }));

  app.delete('/api/v1/permissions/roles/:roleId', v1(async (req) => {
    const { role_id } = parse(z.object({ role_id: z.uuid() }), { role_id: p(req).roleId }, 'path');
    await callCore(core, req, 'roles.delete', { roleId: role_id });
    return { message: 'Role deleted' };
  }));

  app.post('/api/v1/permissions/users/:userId/roles', v1(async (req) => {
    const { user_id } = parse(z.object({ user_id: z.uuid() }), { user_id: p(req).userId }, 'path');
    const { role_id } = parse(z.object({ role_id: z.uuid() }), { role_id: q(req).role_id }, 'query');
    await callCore(core, req, 'roles.addMember', { roleId: role_id, userId: user_id });
    return { message: 'User added to role' };
  }));

  app.delete('/api/v1/permissions/users/:userId/roles', v1(async (req) => {
    const { user_id } = parse(z.object({ user_id: z.uuid() }), { user_id: p(req).userId }, 'path');
    const { role_id } = parse(z.object({ role_id: z.uuid() }), { role_id: q(req).role_id }, 'query');
    await callCore(core, req, 'roles.removeMember', { roleId: role_id, userId: user_id });
    return { message: 'User removed from role' };
  }));
}
