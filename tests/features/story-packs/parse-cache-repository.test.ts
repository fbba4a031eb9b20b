import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadContent } from '../../../src/features/story-packs/core/index.js';
import { createContentCacheRepository } from '../../../src/features/story-packs/storage/parse-cache-repository.js';
import { migrate } from '../../../src/platform/database/migrate.js';
import { migrations } from '../../../src/platform/database/migrations/index.js';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, migrations);
});

afterEach(() => {
  db.close();
});

function storedRows() {
  return db
    .prepare<[], { path: string; sha256: string; value: string }>(
      'SELECT path, sha256, value FROM content_cache ORDER BY path',
    )
    .all();
}

describe('content cache repository', () => {
  test('GIVEN a stored value THEN it is returned for the same hash only', () => {
    const cache = createContentCacheRepository(db);
    cache.set('/packs/a/story.yaml', 'hash-1', { id: 'a', tags: ['x'], count: 2, draft: false, note: null });
    expect(cache.get('/packs/a/story.yaml', 'hash-1')).toEqual({
      id: 'a',
      tags: ['x'],
      count: 2,
      draft: false,
      note: null,
    });
    expect(cache.get('/packs/a/story.yaml', 'hash-2')).toBeUndefined();
    expect(cache.get('/packs/b/story.yaml', 'hash-1')).toBeUndefined();
  });

  test('GIVEN a file stored again under a new hash THEN one row holds the new value', () => {
    const cache = createContentCacheRepository(db);
    cache.set('/packs/a/story.yaml', 'hash-1', { title: 'old' });
    cache.set('/packs/a/story.yaml', 'hash-2', { title: 'new' });
    expect(storedRows()).toEqual([
      { path: '/packs/a/story.yaml', sha256: 'hash-2', value: '{"title":"new"}' },
    ]);
    expect(cache.get('/packs/a/story.yaml', 'hash-1')).toBeUndefined();
  });

  test('GIVEN a row whose JSON is unreadable THEN it counts as absent', () => {
    const cache = createContentCacheRepository(db);
    db.prepare('INSERT INTO content_cache (path, sha256, value) VALUES (?, ?, ?)').run(
      '/packs/a/story.yaml',
      'hash-1',
      '{"title": "cut sho',
    );
    expect(cache.get('/packs/a/story.yaml', 'hash-1')).toBeUndefined();
  });

  test('GIVEN a list of current files THEN rows of every other file are deleted', () => {
    const cache = createContentCacheRepository(db);
    for (const file of ['/packs/a/story.yaml', '/packs/a/quiz.yaml', "/packs/o'brien/quiz.yaml"])
      cache.set(file, 'hash', {});
    cache.prune(['/packs/a/quiz.yaml', "/packs/o'brien/quiz.yaml", '/packs/new/quiz.yaml']);
    expect(storedRows().map((row) => row.path)).toEqual(['/packs/a/quiz.yaml', "/packs/o'brien/quiz.yaml"]);
    cache.prune([]);
    expect(storedRows()).toEqual([]);
  });
});

describe('story packs loaded through the database cache', () => {
  let workDir: string;
  let contentDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'roundtable-content-cache-'));
    contentDir = path.join(workDir, 'content');
    await cp('tests/fixtures/content/valid', contentDir, { recursive: true });
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  test('GIVEN a corrupted row THEN the file is parsed again, the row rewritten, and the packs load as without cache', async () => {
    const cache = createContentCacheRepository(db);
    const options = { today: '2026-11-25', displayDir: 'content' };
    await loadContent(contentDir, { ...options, parseCache: cache });
    const storyFile = path.join(contentDir, 'stories', 'treaty-history', 'story.yaml');
    const original = storedRows().find((row) => row.path === storyFile);
    expect(original).toBeDefined();
    db.prepare('UPDATE content_cache SET value = ? WHERE path = ?').run('{not json', storyFile);

    const result = await loadContent(contentDir, { ...options, parseCache: cache });
    const uncached = await loadContent(contentDir, options);
    expect(result.kind).toBe('ok');
    expect(uncached.kind).toBe('ok');
    if (result.kind !== 'ok' || uncached.kind !== 'ok') return;
    expect(result.library.stories).toEqual(uncached.library.stories);
    expect(result.library.quizQuestions).toEqual(uncached.library.quizQuestions);
    expect(storedRows().find((row) => row.path === storyFile)).toEqual(original);
    expect(storedRows()).toHaveLength(10);
  });
});
