import type { Migration } from '../migrate.js';

export const coreMigration: Migration = {
  version: 1,
  name: 'guild settings',
  up: `
    CREATE TABLE guild_settings (
      guild_id   TEXT PRIMARY KEY,
      settings   TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `,
};
