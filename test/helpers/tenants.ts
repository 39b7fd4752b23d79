import type { TestCore } from './core';

/**
 * Puts `member` into a tenant the only way the app allows: the owner invites, the member
 * accepts. Returns the invitation id.
 */
export async function joinTenant(
  t: Pick<TestCore, 'call'>,
  ownerToken: string,
  tenantId: string,
  member: Readonly<{ id: string; token: string }>,
): Promise<string> {
  const invitation = await t.call(ownerToken, 'tenants.invite', { tenantId, userId: member.id });
  await t.call(member.token, 'tenants.acceptInvitation', { invitationId: invitation.id });
  return invitation.id;
}
