import type { Database } from 'better-sqlite3';

/** One schema step. `version` numbers are consecutive from 1 and never reused. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}

export type MigrationResult =
  | { kind: 'migrated'; from: number; to: number }
  | { kind: 'current'; version: number };

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database is at schema version ${found}, newer than this Roundtable understands (${supported}). Upgrade Roundtable or restore a backup.`,
    );
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration, each in its own transaction together with the version bump. */
export function migrate(db: Database, steps: readonly Migration[]): MigrationResult {
  const latest = steps.at(-1)?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  if (from === latest) return { kind: 'current', version: from };
  for (const step of steps) {
    if (step.version <= from) continue;
    db.transaction(() => {
      if (typeof step.up === 'string') db.exec(step.up);
      else step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return { kind: 'migrated', from, to: latest };
}
