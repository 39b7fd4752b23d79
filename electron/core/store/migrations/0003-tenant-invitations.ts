import type { Migration } from './types';

/**
 * Tenant membership by consent: an owner no longer puts a profile into a tenant, they invite
 * it, and the profile joins only by accepting. A row is a pending invitation; accepting or
 * declining deletes it (the audit log keeps the outcome), and it dies with its tenant or
 * either user. One pending invitation per tenant × user.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'tenant-invitations',
  up: `
    CREATE TABLE tenant_invitations (
      id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      invited_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      UNIQUE (tenant_id, user_id)
    );
    CREATE INDEX tenant_invitations_user ON tenant_invitations(user_id);
  `,
};
