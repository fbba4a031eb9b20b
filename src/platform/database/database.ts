import Database from 'better-sqlite3';
import { guardAgainstForeignLocks, type LockChange } from './locks.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { DatabaseStartError, ensureFolderOf, explainDatabaseFailure } from './open-errors.js';

export type { Database } from 'better-sqlite3';
export type { LockChange } from './locks.js';

export interface OpenDatabaseOptions {
  /** Told when another connection's lock starts refusing this connection's writes, and when it is gone. */
  onLockChange?: (change: LockChange) => void;
}

/** Start-up may wait this long for another connection's lock: nothing is being served yet. */
const startupBusyTimeoutMs = 5_000;

/**
 * Opens (creating if needed) the database and brings its schema up to date. A file that cannot be used
 * throws a {@link DatabaseStartError} whose message names DATABASE_PATH, the path and what to do.
 *
 * Durability: WAL journal with `synchronous = NORMAL`. In WAL mode a committed transaction survives
 * a crash or SIGKILL of the process; only a power loss or OS crash can roll back the last few
 * commits, and never corrupts the file. `FULL` would fsync on every answer click and cap the
 * answer rate at the disk's fsync rate for no gain against process crashes.
 *
 * Locks: the connection is used on the event loop, so once migrated it waits at most 100 ms for another
 * connection's lock and then not at all while that lock lasts (see `guardAgainstForeignLocks`).
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:' && !path.startsWith('file:')) ensureFolderOf(path);
    db = new Database(path, { timeout: startupBusyTimeoutMs });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    guardAgainstForeignLocks(db, options.onLockChange ? { onChange: options.onLockChange } : {});
    return db;
  } catch (error) {
    if (db?.open) db.close();
    throw new DatabaseStartError(explainDatabaseFailure(path, error), { cause: error });
  }
}
