import type { Database } from 'better-sqlite3';
import type { ParseCache } from '../core/index.js';

/**
 * The story packs' parse cache in the bot's database (`content_cache`): one row per file, holding the
 * SHA-256 of its bytes and its value as JSON. A row whose JSON cannot be read counts as absent.
 */
export function createContentCacheRepository(db: Database): ParseCache {
  const select = db.prepare<[string, string], { value: string }>(
    'SELECT value FROM content_cache WHERE path = ? AND sha256 = ?',
  );
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO content_cache (path, sha256, value) VALUES (?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, value = excluded.value`,
  );
  const deleteOthers = db.prepare<[string]>(
    'DELETE FROM content_cache WHERE path NOT IN (SELECT value FROM json_each(?))',
  );

  return {
    get(path, sha256) {
      const row = select.get(path, sha256);
      if (row === undefined) return undefined;
      try {
        return JSON.parse(row.value) as unknown;
      } catch {
        return undefined;
      }
    },
    set(path, sha256, value) {
      upsert.run(path, sha256, JSON.stringify(value));
    },
    prune(paths) {
      deleteOthers.run(JSON.stringify(paths));
    },
  };
}
