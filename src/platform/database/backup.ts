import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { schemaVersion } from './migrate.js';

export type BackupOutcome =
  | { kind: 'written'; path: string; pages: number; schemaVersion: number }
  | { kind: 'refused'; reason: string };

export type RestoreOutcome =
  | { kind: 'restored'; path: string; schemaVersion: number }
  | { kind: 'refused'; reason: string };

function checkIntegrity(
  db: Database.Database,
): { ok: true; version: number } | { ok: false; reason: string } {
  const result = db.pragma('integrity_check', { simple: true });
  return result === 'ok' ? { ok: true, version: schemaVersion(db) } : { ok: false, reason: String(result) };
}

/** Makes the copy one self-contained file (no write-ahead log beside it) and checks it. */
function sealCopy(path: string) {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    return checkIntegrity(db);
  } finally {
    db.close();
  }
}

function checkBackup(path: string) {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return checkIntegrity(db);
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false as const, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Copies the database at `source` to `destination` with SQLite's online backup API, page by page, while
 * the bot keeps running: the copy is one consistent snapshot, whatever is being written meanwhile. It is
 * written next to the destination first, turned into a single self-contained file (rollback journal
 * instead of WAL), checked with `PRAGMA integrity_check`, then renamed into place.
 * The source is opened without migrating it, and an existing destination is never overwritten.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupOutcome> {
  if (!existsSync(source)) return { kind: 'refused', reason: `there is no database at ${source}` };
  if (existsSync(destination))
    return { kind: 'refused', reason: `${destination} already exists; choose a new file name` };
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(partial);
    pages = progress.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    return {
      kind: 'refused',
      reason: `the backup failed: ${error instanceof Error ? error.message : error}`,
    };
  } finally {
    db.close();
  }
  const integrity = sealCopy(partial);
  if (!integrity.ok) {
    rmSync(partial, { force: true });
    return { kind: 'refused', reason: `the copy failed its integrity check: ${integrity.reason}` };
  }
  renameSync(partial, destination);
  return { kind: 'written', path: destination, pages, schemaVersion: integrity.version };
}

/**
 * Puts a backup in place of the database at `databasePath`. The bot must be stopped. The backup is checked
 * first; the old database's `-wal` and `-shm` files are removed so that SQLite cannot replay the old
 * write-ahead log onto the restored file.
 */
export function restoreDatabase(backup: string, databasePath: string): RestoreOutcome {
  if (!existsSync(backup)) return { kind: 'refused', reason: `there is no backup at ${backup}` };
  const integrity = checkBackup(backup);
  if (!integrity.ok)
    return { kind: 'refused', reason: `the backup failed its integrity check: ${integrity.reason}` };
  const staging = `${databasePath}.restoring`;
  copyFileSync(backup, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
  renameSync(staging, databasePath);
  return { kind: 'restored', path: databasePath, schemaVersion: integrity.version };
}
