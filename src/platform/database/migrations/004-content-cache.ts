import type { Migration } from '../migrate.js';

export const contentCacheMigration: Migration = {
  version: 4,
  name: 'parsed story pack files, by path and hash of their bytes',
  up: `
    CREATE TABLE content_cache (
      path   TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      value  TEXT NOT NULL,
      PRIMARY KEY (path)
    ) STRICT;
  `,
};
