import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startBackgroundCheckpoints } from '../../../src/platform/database/checkpoints.js';
import { openDatabase } from '../../../src/platform/database/database.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

test('GIVEN background checkpoints THEN writes never checkpoint inline and the worker folds the WAL into the file', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'roundtable-checkpoints-'));
  folders.push(folder);
  const path = join(folder, 'bot.db');
  const db = openDatabase(path);
  const checkpoints = startBackgroundCheckpoints(db, { intervalMs: 50 });
  expect(checkpoints).not.toBeNull();
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(20000);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  for (let batch = 0; batch < 40; batch += 1) insert.run('x'.repeat(8_000));
  const sizeBefore = statSync(path).size;
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(statSync(path).size).toBeGreaterThan(sizeBefore + 200_000);
  await checkpoints?.stop();
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  expect(db.prepare('SELECT COUNT(*) AS total FROM filler').get()).toEqual({ total: 40 });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});

test('GIVEN an in-memory database THEN no worker is started', () => {
  expect(startBackgroundCheckpoints(openDatabase(':memory:'))).toBeNull();
});
