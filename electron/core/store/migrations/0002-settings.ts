import type { Migration } from './types';

/**
 * Per-profile settings (optional LLM / embedding providers) and the per-dataset record of
 * which embedder wrote its vectors, so a change of embedder is detected before any write.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'settings',
  up: `
    CREATE TABLE user_settings (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    ALTER TABLE datasets ADD COLUMN embedder_id TEXT;
    ALTER TABLE datasets ADD COLUMN embedder_dimension INTEGER;
  `,
};
