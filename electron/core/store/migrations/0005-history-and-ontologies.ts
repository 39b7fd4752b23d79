import type { Migration } from './types';

/**
 * Per-profile search history (Cognee's GET /search and GET /recall: the caller's queries and
 * what they returned) and per-profile ontologies (Cognee's /ontologies: OWL files a profile
 * uploads under a key it picks) and named configurations (Cognee's /configuration: JSON a
 * client stores under a name, e.g. its graph models). All belong to one profile and go with it.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'history-and-ontologies',
  up: `
    CREATE TABLE search_history (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('user', 'system')),
      text TEXT NOT NULL,
      dataset_id TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX search_history_by_user ON search_history(user_id, created_at);
    CREATE TABLE ontologies (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      filename TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      description TEXT,
      content TEXT NOT NULL,
      uploaded_at TEXT NOT NULL,
      PRIMARY KEY (user_id, key)
    );
    CREATE TABLE user_configurations (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (user_id, name)
    );
  `,
};
