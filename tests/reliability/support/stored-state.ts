import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** A digest of every row of every table, by table name. */
export type StoredState = ReadonlyMap<string, string>;

function tableNames(db: Database): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
}

/** Reads every table and digests its rows, so that any change to stored data shows. */
export function readStoredState(db: Database): StoredState {
  const state = new Map<string, string>();
  for (const table of tableNames(db)) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all();
    state.set(table, createHash('sha1').update(JSON.stringify(rows)).digest('hex'));
  }
  return state;
}

/** Tables whose rows differ between two states. */
export function changedTables(before: StoredState, after: StoredState): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** Row counts by table, for reports. */
export function rowCounts(db: Database): Record<string, number> {
  return Object.fromEntries(
    tableNames(db).map((table) => [
      table,
      (db.prepare(`SELECT COUNT(*) AS total FROM "${table}"`).get() as { total: number }).total,
    ]),
  );
}
