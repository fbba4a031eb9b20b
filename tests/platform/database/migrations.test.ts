import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../../src/platform/database/migrate.js';
import { migrations } from '../../../src/platform/database/migrations/index.js';

const latest = migrations.at(-1)?.version ?? 0;

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

describe('migrations', () => {
  test('GIVEN the list THEN versions run from 1 without gaps', () => {
    expect(migrations.map((step) => step.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  test('GIVEN an empty database THEN every migration applies and the version is the latest', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toEqual({ kind: 'migrated', from: 0, to: latest });
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  test.each(migrations.map((step) => step.version).slice(0, -1))(
    'GIVEN a database at version %i THEN upgrading yields the same schema as a fresh one',
    (version) => {
      const fresh = new Database(':memory:');
      migrate(fresh, migrations);
      const old = new Database(':memory:');
      migrate(
        old,
        migrations.filter((step) => step.version <= version),
      );
      expect(schemaVersion(old)).toBe(version);
      migrate(old, migrations);
      expect(schemaVersion(old)).toBe(latest);
      const schemaOf = (db: Database.Database) =>
        db
          .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
          .all();
      expect(schemaOf(old)).toEqual(schemaOf(fresh));
    },
  );

  test('GIVEN a current database THEN migrating again changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const before = tables(db);
    expect(migrate(db, migrations)).toEqual({ kind: 'current', version: latest });
    expect(tables(db)).toEqual(before);
  });

  test('GIVEN a failing migration THEN it rolls back entirely and the version stays', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      {
        version: latest + 1,
        name: 'broken',
        up: 'CREATE TABLE half_done (id INTEGER); SELECT * FROM missing_table;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(latest);
    expect(tables(db)).not.toContain('half_done');
  });

  test('GIVEN a database newer than the code THEN start-up refuses with a clear error', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${latest + 5}`);
    expect(() => migrate(db, migrations)).toThrow(DatabaseTooNewError);
  });
});
