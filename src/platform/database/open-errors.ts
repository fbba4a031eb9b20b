import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseTooNewError } from './migrate.js';

/** The database named by DATABASE_PATH cannot be used; the message says which file, why and what to do. */
export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

/** A problem found before SQLite was asked, with its own wording. */
class PathProblem extends Error {}

function shown(path: string): string {
  return isAbsolute(path) ? path : `${path} (${resolve(path)})`;
}

/**
 * Creates the database's folder level by level, so that a level that cannot be created fails at once with
 * its own reason (Node's recursive mkdir can loop forever under /proc) and an ancestor that is a file is
 * named as such.
 */
export function ensureFolderOf(path: string): void {
  const missing: string[] = [];
  let folder = dirname(resolve(path));
  while (!existsSync(folder)) {
    missing.unshift(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  if (existsSync(folder) && !statSync(folder).isDirectory())
    throw new PathProblem(`${folder} is a file, not a folder, so the database cannot be created under it`);
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new PathProblem(`the folder ${level} cannot be created (${code})`);
    }
  }
}

const fix = {
  path: 'Set DATABASE_PATH to a file in a folder Roundtable may write, for example ./data/roundtable.db',
  restore:
    'Point DATABASE_PATH at the Roundtable database, or restore a backup with `npm run backup -- --restore <file>`',
} as const;

function sqliteProblem(path: string, error: InstanceType<typeof Database.SqliteError>): string {
  const code = error.code;
  if (code.startsWith('SQLITE_CANTOPEN')) {
    if (existsSync(path) && statSync(path).isDirectory())
      return `it is a folder, not a file. Name a file inside it, for example ${resolve(path, 'roundtable.db')}`;
    return `SQLite cannot open or create the file (${error.message}). Check that ${dirname(resolve(path))} exists, that Roundtable's user may write in it and that it is not on a read-only file system; or set DATABASE_PATH to a file in a folder Roundtable may write, for example ./data/roundtable.db`;
  }
  if (code.startsWith('SQLITE_NOTADB'))
    return `the file is not a SQLite database (${error.message}). ${fix.restore}; to start afresh, name a new file`;
  if (code.startsWith('SQLITE_CORRUPT'))
    return `the database file is damaged (${error.message}). ${fix.restore}`;
  if (code.startsWith('SQLITE_READONLY'))
    return `the database can only be read (${error.message}). Give Roundtable's user write access to the file, its folder and its -wal and -shm files`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `another program kept the database locked for more than 5 seconds (${error.message}). Stop the other program (another Roundtable, a backup, a sqlite3 shell) and start again`;
  if (code.startsWith('SQLITE_FULL'))
    return `the disk is full (${error.message}). Free some space and start again`;
  if (code.startsWith('SQLITE_IOERR'))
    return `the file cannot be read or written (${error.message}). Check the disk and the file system`;
  return `${error.message} (${code})`;
}

/** One line naming DATABASE_PATH, the path, what is wrong and what to do. */
export function explainDatabaseFailure(path: string, error: unknown): string {
  const where = `Roundtable cannot use its database DATABASE_PATH=${shown(path)}`;
  if (error instanceof PathProblem) return `${where}: ${error.message}. ${fix.path}.`;
  if (error instanceof DatabaseTooNewError) return `${where}: ${error.message}`;
  if (error instanceof Database.SqliteError) return `${where}: ${sqliteProblem(path, error)}.`;
  const message = error instanceof Error ? error.message : String(error);
  return `${where}: ${message}. ${fix.path}.`;
}
