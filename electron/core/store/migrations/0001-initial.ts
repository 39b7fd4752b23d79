import type { Migration } from './types';

/**
 * The relational model of Cognee's multi-user mode: principals (user / tenant / role),
 * ACLs on datasets, data items linked many-to-many to datasets, pipeline runs, sessions
 * and an audit log. Every principal row is shared by its typed table (Cognee's joined
 * inheritance), so an ACL can point at any of the three.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE principals (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('user', 'tenant', 'role')),
      created_at TEXT NOT NULL
    );

    CREATE TABLE users (
      id TEXT PRIMARY KEY REFERENCES principals(id) ON DELETE CASCADE,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      password_hash TEXT NOT NULL,
      tenant_id TEXT REFERENCES tenants(id) ON DELETE SET NULL,
      is_superuser INTEGER NOT NULL DEFAULT 0,
      is_default INTEGER NOT NULL DEFAULT 0,
      uses_default_password INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    );

    CREATE TABLE tenants (
      id TEXT PRIMARY KEY REFERENCES principals(id) ON DELETE CASCADE,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      owner_id TEXT NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL
    );

    CREATE TABLE roles (
      id TEXT PRIMARY KEY REFERENCES principals(id) ON DELETE CASCADE,
      tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      name TEXT NOT NULL COLLATE NOCASE,
      created_at TEXT NOT NULL,
      UNIQUE (tenant_id, name)
    );

    CREATE TABLE user_roles (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      PRIMARY KEY (user_id, role_id)
    );

    CREATE TABLE permissions (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE
    );
    INSERT INTO permissions (id, name) VALUES (1, 'read'), (2, 'write'), (3, 'delete'), (4, 'share');

    CREATE TABLE datasets (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      owner_id TEXT NOT NULL REFERENCES users(id),
      tenant_id TEXT REFERENCES tenants(id) ON DELETE SET NULL,
      graph_handler TEXT NOT NULL DEFAULT 'kuzu',
      vector_handler TEXT NOT NULL DEFAULT 'lancedb',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (owner_id, name)
    );
    CREATE INDEX datasets_tenant ON datasets(tenant_id);

    CREATE TABLE acls (
      id TEXT PRIMARY KEY,
      principal_id TEXT NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
      permission_id INTEGER NOT NULL REFERENCES permissions(id),
      dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      UNIQUE (principal_id, permission_id, dataset_id)
    );
    CREATE INDEX acls_dataset ON acls(dataset_id);

    CREATE TABLE data (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      extension TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      raw_location TEXT NOT NULL,
      owner_id TEXT NOT NULL REFERENCES users(id),
      tenant_id TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (owner_id, content_hash)
    );

    CREATE TABLE dataset_data (
      dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      data_id TEXT NOT NULL REFERENCES data(id) ON DELETE CASCADE,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'errored')),
      error TEXT,
      processed_at TEXT,
      added_at TEXT NOT NULL,
      PRIMARY KEY (dataset_id, data_id)
    );
    CREATE INDEX dataset_data_data ON dataset_data(data_id);

    CREATE TABLE pipeline_runs (
      id TEXT PRIMARY KEY,
      dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      pipeline TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('initiated', 'started', 'completed', 'errored', 'cancelled', 'interrupted')),
      initiated_by TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      items_total INTEGER NOT NULL DEFAULT 0,
      items_done INTEGER NOT NULL DEFAULT 0,
      items_failed INTEGER NOT NULL DEFAULT 0,
      error TEXT
    );
    CREATE INDEX pipeline_runs_dataset ON pipeline_runs(dataset_id, started_at);

    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor_id TEXT,
      action TEXT NOT NULL,
      dataset_id TEXT,
      principal_id TEXT,
      permission TEXT,
      detail TEXT
    );
  `,
};
