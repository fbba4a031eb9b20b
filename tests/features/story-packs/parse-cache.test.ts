import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  type ContentLoadResult,
  formatContentReport,
  isJsonValue,
  loadContent,
  type ParseCache,
} from '../../../src/features/story-packs/core/index.js';
import { TODAY, VALID_FIXTURE } from './fixtures.js';

/** A parse cache in memory that stores JSON text, as the database does, and records what it was asked. */
function createRecordingCache() {
  const rows = new Map<string, { sha256: string; json: string }>();
  const hits: string[] = [];
  const stored: string[] = [];
  const cache: ParseCache = {
    get(filePath, sha256) {
      const row = rows.get(filePath);
      if (row === undefined || row.sha256 !== sha256) return undefined;
      hits.push(filePath);
      return JSON.parse(row.json);
    },
    set(filePath, sha256, value) {
      stored.push(filePath);
      rows.set(filePath, { sha256, json: JSON.stringify(value) });
    },
    prune(paths) {
      for (const key of rows.keys()) if (!paths.includes(key)) rows.delete(key);
    },
  };
  return {
    cache,
    rows,
    hits,
    stored,
    /** Forgets what was asked so far. */
    clear() {
      hits.length = 0;
      stored.length = 0;
    },
  };
}

let contentDir: string;
let workDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'roundtable-parse-cache-'));
  contentDir = path.join(workDir, 'content');
  await cp(VALID_FIXTURE, contentDir, { recursive: true });
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function fileOf(pack: string, file: string): string {
  return path.join(contentDir, 'stories', pack, file);
}

async function editFile(pack: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(fileOf(pack, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${pack}/${file} does not contain ${from}`);
  await writeFile(fileOf(pack, file), text.replace(from, to));
}

function load(cache?: ParseCache): Promise<ContentLoadResult> {
  return loadContent(contentDir, {
    today: TODAY,
    displayDir: 'content',
    ...(cache === undefined ? {} : { parseCache: cache }),
  });
}

/** What a load yields, without the library's functions: the report, stories, questions and prompts. */
function outcomeOf(result: ContentLoadResult) {
  if (result.kind === 'invalid') return result;
  const { library, warnings } = result;
  return {
    report: formatContentReport(result),
    warnings,
    stories: library.stories,
    questions: library.quizQuestions,
    prompts: library.debatePrompts,
    timelines: library.stories.map((story) => library.getTimeline(story.id)),
    factChecks: library.stories.map((story) => library.getFactChecks(story.id)),
  };
}

const ALL_FILES = 10;

describe('parse cache', () => {
  test('GIVEN a second load of unchanged files THEN every file comes from the cache, nothing is stored again, and the outcome is the same', async () => {
    const recording = createRecordingCache();
    const first = await load(recording.cache);
    expect(first.kind).toBe('ok');
    expect(recording.hits).toEqual([]);
    expect(recording.stored).toHaveLength(ALL_FILES);
    recording.clear();

    const second = await load(recording.cache);
    expect(recording.hits).toHaveLength(ALL_FILES);
    expect(recording.stored).toEqual([]);
    expect(outcomeOf(second)).toEqual(outcomeOf(first));
    expect(outcomeOf(second)).toEqual(outcomeOf(await load()));
  });

  test('GIVEN a cached schema output for the bytes of a file THEN the library is built from that output without parsing the file or running its schema', async () => {
    const recording = createRecordingCache();
    await load(recording.cache);
    const storyFile = fileOf('treaty-history', 'story.yaml');
    const row = recording.rows.get(storyFile);
    if (row === undefined) throw new Error('story.yaml was not cached');
    const entry = JSON.parse(row.json) as { output: Record<string, unknown>; dates: unknown[] };
    recording.rows.set(storyFile, {
      sha256: row.sha256,
      json: JSON.stringify({ ...entry, output: { ...entry.output, title: 'A title only the cache knows' } }),
    });

    const result = await load(recording.cache);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.library.getStory('treaty-history')?.title).toBe('A title only the cache knows');
  });

  test('GIVEN a cached value without a schema output THEN the schema checks that value and its output replaces the value', async () => {
    const recording = createRecordingCache();
    await load(recording.cache);
    const storyFile = fileOf('treaty-history', 'story.yaml');
    const row = recording.rows.get(storyFile);
    if (row === undefined) throw new Error('story.yaml was not cached');
    const parsed = parseYaml(await readFile(storyFile, 'utf8')) as Record<string, unknown>;
    const value = { ...parsed, title: '  A title only the cache knows  ' };
    recording.rows.set(storyFile, { sha256: row.sha256, json: JSON.stringify({ value }) });
    recording.clear();

    const result = await load(recording.cache);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.library.getStory('treaty-history')?.title).toBe('A title only the cache knows');
    expect(recording.stored).toEqual([storyFile]);
    const stored = JSON.parse(recording.rows.get(storyFile)?.json ?? 'null') as { output: { title: string } };
    expect(stored.output.title).toBe('A title only the cache knows');
  });

  test('GIVEN files whose schema outputs come from the cache and another day THEN dates and valid_until are checked against that day, as without cache', async () => {
    const recording = createRecordingCache();
    await load(recording.cache);
    for (const today of ['2000-01-01', '2030-06-01']) {
      recording.clear();
      const options = { today, displayDir: 'content' };
      const fromCache = await loadContent(contentDir, { ...options, parseCache: recording.cache });
      const withoutCache = await loadContent(contentDir, options);
      expect(recording.hits).toHaveLength(ALL_FILES);
      expect(recording.stored).toEqual([]);
      expect(
        fromCache.warnings.length + (fromCache.kind === 'invalid' ? fromCache.errors.length : 0),
      ).toBeGreaterThan(0);
      expect(outcomeOf(fromCache)).toEqual(outcomeOf(withoutCache));
    }
  });

  test('GIVEN the real story packs THEN every schema output survives the JSON round trip and the library from cached outputs equals a fresh one', async () => {
    const realDir = path.resolve('content');
    const recording = createRecordingCache();
    const realLoad = (cache?: ParseCache) =>
      loadContent(realDir, {
        today: '2026-12-07',
        displayDir: 'content',
        ...(cache === undefined ? {} : { parseCache: cache }),
      });
    const fresh = await realLoad();
    await realLoad(recording.cache);
    recording.clear();
    const fromCache = await realLoad(recording.cache);

    expect(fresh.kind).toBe('ok');
    expect(recording.rows.size).toBe(recording.hits.length);
    for (const row of recording.rows.values()) {
      const entry = JSON.parse(row.json) as { output?: unknown };
      expect(entry.output).toBeDefined();
      expect(isJsonValue(entry.output)).toBe(true);
    }
    expect(recording.stored).toEqual([]);
    expect(outcomeOf(fromCache)).toStrictEqual(outcomeOf(fresh));
  });

  test('GIVEN a file whose bytes changed THEN only that file is parsed again and stored under its new hash', async () => {
    const recording = createRecordingCache();
    await load(recording.cache);
    const before = recording.rows.get(fileOf('treaty-history', 'story.yaml'))?.sha256;
    recording.clear();
    await editFile('treaty-history', 'story.yaml', 'from San Francisco to today', 'from 1951 to today');

    const result = await load(recording.cache);
    expect(recording.stored).toEqual([fileOf('treaty-history', 'story.yaml')]);
    expect(recording.hits).toHaveLength(ALL_FILES - 1);
    expect(recording.rows.get(fileOf('treaty-history', 'story.yaml'))?.sha256).not.toBe(before);
    expect(result.kind === 'ok' && result.library.getStory('treaty-history')?.title).toBe(
      'The US-Japan security treaty, from 1951 to today',
    );
  });

  test('GIVEN a pack that was removed THEN the entries of its files are pruned and the others kept', async () => {
    const recording = createRecordingCache();
    await load(recording.cache);
    await rm(path.join(contentDir, 'stories', 'okinawa-bases'), { recursive: true });

    await load(recording.cache);
    const kept = [...recording.rows.keys()];
    expect(kept).toHaveLength(5);
    expect(kept.every((key) => key.startsWith(path.join(contentDir, 'stories', 'treaty-history')))).toBe(
      true,
    );
  });

  test('GIVEN errors and warnings in files whose values come from the cache THEN the report is identical to a load without cache, lines included', async () => {
    await editFile('treaty-history', 'quiz.yaml', 'answer: B', 'answer: Z');
    await editFile('treaty-history', 'quiz.yaml', 'id: th-q-first-treaty-city', 'id: ob-q-reversion-year');
    await editFile('treaty-history', 'quiz.yaml', 'valid_until: "2027-12-31"', 'valid_until: "2026-11-24"');
    await editFile('okinawa-bases', 'story.yaml', 'id: okinawa-bases', 'id: okinawa');
    const recording = createRecordingCache();

    const withoutCache = await load();
    const firstWithCache = await load(recording.cache);
    recording.clear();
    const fromCache = await load(recording.cache);

    expect(recording.hits).toHaveLength(ALL_FILES);
    const withOutputs = [...recording.rows.values()].filter((row) => 'output' in JSON.parse(row.json));
    expect(withOutputs.length).toBeGreaterThan(0);
    expect(withOutputs.length).toBeLessThan(ALL_FILES);
    expect(withoutCache.kind).toBe('invalid');
    expect(fromCache).toEqual(withoutCache);
    expect(firstWithCache).toEqual(withoutCache);
    expect(formatContentReport(fromCache)).toContain(
      'treaty-history (content/stories/treaty-history/): 2 errors\n  quiz.yaml: 2 errors',
    );
    expect(formatContentReport(fromCache)).toContain(
      '    line 10 · questions[1].id: the id "ob-q-reversion-year" is already used at content/stories/okinawa-bases/quiz.yaml:3 (questions[0].id)',
    );
    expect(formatContentReport(fromCache)).toContain(
      'content/stories/treaty-history/quiz.yaml:27 questions[2].valid_until: "2026-11-24" has passed',
    );
  });

  test('GIVEN a YAML syntax error THEN that file is not cached and the next load reports the same', async () => {
    await editFile(
      'treaty-history',
      'story.yaml',
      'title: "The US-Japan security treaty, from San Francisco to today"',
      'title: The treaty: from San Francisco to today',
    );
    const recording = createRecordingCache();
    const first = await load(recording.cache);
    const second = await load(recording.cache);

    expect(recording.rows.has(fileOf('treaty-history', 'story.yaml'))).toBe(false);
    expect(recording.rows.size).toBe(ALL_FILES - 1);
    expect(first.kind).toBe('invalid');
    expect(second).toEqual(first);
  });

  test('GIVEN a value JSON cannot carry (an infinite number) THEN that file is not cached and the report stays the same', async () => {
    await editFile('treaty-history', 'quiz.yaml', 'difficulty: easy', 'difficulty: .inf');
    const recording = createRecordingCache();
    const first = await load(recording.cache);
    const second = await load(recording.cache);

    expect(recording.rows.has(fileOf('treaty-history', 'quiz.yaml'))).toBe(false);
    expect(first.kind).toBe('invalid');
    expect(second).toEqual(first);
    expect(second).toEqual(await load());
  });
});

describe('isJsonValue', () => {
  test('GIVEN plain objects, arrays, strings, finite numbers, booleans and null THEN they are JSON values', () => {
    expect(isJsonValue({ a: [1, 'two', true, null, { b: 2.5 }], c: Object.create(null) })).toBe(true);
  });

  test.each([
    ['an infinite number', { n: Number.POSITIVE_INFINITY }],
    ['NaN', [Number.NaN]],
    ['negative zero', { n: -0 }],
    ['a Date', { when: new Date(0) }],
    ['a Map', new Map()],
    ['undefined', { missing: undefined }],
  ])('GIVEN %s THEN it is not a JSON value', (_, value) => {
    expect(isJsonValue(value)).toBe(false);
  });

  test('GIVEN a list that contains itself THEN it is not a JSON value', () => {
    const list: unknown[] = [];
    list.push(list);
    expect(isJsonValue(list)).toBe(false);
  });

  test('GIVEN the same object twice (a YAML alias) THEN it is a JSON value', () => {
    const shared = { name: 'source' };
    expect(isJsonValue({ first: shared, second: shared })).toBe(true);
  });
});
