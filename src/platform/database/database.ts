import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

export type { Database } from 'better-sqlite3';

/**
 * Opens (creating if needed) the database and brings its schema up to date.
 *
 * Durability: WAL journal with `synchronous = NORMAL`. In WAL mode a committed transaction survives
 * a crash or SIGKILL of the process; only a power loss or OS crash can roll back the last few
 * commits, and never corrupts the file. `FULL` would fsync on every answer click and cap the
 * answer rate at the disk's fsync rate for no gain against process crashes.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}
