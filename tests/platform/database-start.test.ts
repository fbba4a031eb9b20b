import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/platform/database/database.js';
import { DatabaseStartError } from '../../src/platform/database/open-errors.js';

const workDirectory = mkdtempSync(join(tmpdir(), 'roundtable-database-start-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The production entry point (`src/index.ts`, as `npm run dev` runs it) with DATABASE_PATH set. */
function startWithDatabase(databasePath: string): Promise<Run> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnop',
      // Nothing listens there: start-up must stop at the database, before Discord.
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      CONTENT_DIR: 'tests/fixtures/content/valid',
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'info',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - startedAt });
    }),
  );
}

const aFile = join(workDirectory, 'not-a-folder');
writeFileSync(aFile, 'an ordinary file\n');
const aFolder = join(workDirectory, 'a-folder');
mkdirSync(aFolder);
const notSqlite = join(workDirectory, 'notes.txt');
writeFileSync(notSqlite, 'These are notes, not a database.\n'.repeat(40));

/** Deployments that cannot work, real on this machine although tests run as root. */
const cases: { name: string; path: string; says: RegExp }[] = [
  {
    name: 'a folder that cannot be written (/proc refuses new files, even to root)',
    path: '/proc/roundtable.db',
    says: /SQLite cannot open or create the file .*Check that \/proc exists, that Roundtable's user may write in it/,
  },
  {
    name: 'a folder that cannot be created (before, Node’s recursive mkdir looped forever here)',
    path: '/proc/roundtable/roundtable.db',
    says: /the folder \/proc\/roundtable cannot be created \(ENOENT\)\. Set DATABASE_PATH to a file in a folder/,
  },
  {
    name: 'a path under a regular file',
    path: join(aFile, 'roundtable.db'),
    says: /not-a-folder is a file, not a folder, so the database cannot be created under it\. Set DATABASE_PATH/,
  },
  {
    name: 'a folder given as the file',
    path: aFolder,
    says: /it is a folder, not a file\. Name a file inside it, for example .*a-folder\/roundtable\.db/,
  },
  {
    name: 'a file that is not SQLite',
    path: notSqlite,
    says: /the file is not a SQLite database \(file is not a database\)\. Point DATABASE_PATH at the Roundtable database, or restore a backup/,
  },
];

describe('start-up with a DATABASE_PATH that cannot be used', () => {
  const runs = new Map(cases.map((entry) => [entry.name, startWithDatabase(entry.path)]));

  test.each(cases)(
    'GIVEN $name THEN the entry point exits 1 with one line naming DATABASE_PATH, the path and what to do',
    async ({ name, path, says }) => {
      const run = (await runs.get(name)) as Run;
      expect(run.status).toBe(1);
      const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toHaveLength(1);
      const [line] = lines as [string];
      expect(line).toContain(`DATABASE_PATH=${path}`);
      expect(line).toMatch(says);
      expect(run.stdout).not.toContain('connected to Discord');
      console.log(
        `[reliability] start-up, ${name}: exit ${run.status} after ${Math.round(run.ms)} ms: ${line}`,
      );
    },
    30_000,
  );
});

describe('a database the entry point would refuse the same way', () => {
  test('GIVEN a database from a newer Roundtable THEN opening it names DATABASE_PATH, the path and what to do', () => {
    const tooNew = join(workDirectory, 'from-the-future.db');
    const future = new Database(tooNew);
    future.pragma('user_version = 99');
    future.close();
    expect(() => openDatabase(tooNew)).toThrow(DatabaseStartError);
    expect(() => openDatabase(tooNew)).toThrow(
      new RegExp(
        `^Roundtable cannot use its database DATABASE_PATH=${tooNew}: The database is at schema version 99, newer than this Roundtable understands \\(\\d+\\)\\. Upgrade Roundtable or restore a backup\\.$`,
      ),
    );
  });

  test('GIVEN a relative DATABASE_PATH THEN the message shows it as given and where it resolves', () => {
    const relativePath = relative(process.cwd(), notSqlite);
    expect(() => openDatabase(relativePath)).toThrow(
      `DATABASE_PATH=${relativePath} (${notSqlite}): the file is not a SQLite database`,
    );
  });
});
