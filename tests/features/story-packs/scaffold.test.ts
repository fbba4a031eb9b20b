import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isPair, isScalar, parseDocument, visit } from 'yaml';
import {
  type ContentIssue,
  createStoryPackScaffold,
  formatContentIssue,
  loadContent,
  PACK_FILE_NAMES,
} from '../../../src/features/story-packs/core/index.js';
import { TODAY } from './fixtures.js';

let contentDir: string;

beforeEach(async () => {
  contentDir = path.join(await mkdtemp(path.join(tmpdir(), 'roundtable-scaffold-')), 'content');
});

afterEach(async () => {
  await rm(path.dirname(contentDir), { recursive: true, force: true });
});

function realValueFor(field: string, counter: { next: number }): string {
  counter.next += 1;
  switch (field) {
    case 'id':
      return `filled-${counter.next}`;
    case 'date':
    case 'published':
    case 'as_of':
      return '2025-01-01';
    case 'url':
      return 'https://example.org/filled';
    case 'answer':
      return 'A';
    case 'verdict':
      return 'accurate';
    case 'difficulty':
      return 'easy';
    case 'tags':
      return 'filled';
    default:
      return `Filled text ${counter.next}`;
  }
}

/** Replaces every TODO placeholder with a plausible real value, as an author would. */
function fillPlaceholders(text: string, counter: { next: number }): string {
  const document = parseDocument(text);
  visit(document, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('TODO')) return;
      const pair = [...ancestors].reverse().find(isPair);
      const field = pair !== undefined && isScalar(pair.key) ? String(pair.key.value) : '';
      node.value = realValueFor(field, counter);
    },
  });
  return document.toString();
}

async function load() {
  return loadContent(contentDir, { today: TODAY, displayDir: 'content' });
}

describe('createStoryPackScaffold', () => {
  test('GIVEN a new id THEN five files are written and every error is an unreplaced placeholder', async () => {
    const created = await createStoryPackScaffold(contentDir, 'new-story');
    expect(created).toEqual({
      kind: 'created',
      folder: path.join(contentDir, 'stories', 'new-story'),
      files: PACK_FILE_NAMES,
    });
    const result = await load();
    expect(result.kind).toBe('invalid');
    const errors: readonly ContentIssue[] = result.kind === 'invalid' ? result.errors : [];
    expect(errors.length).toBeGreaterThan(30);
    expect(errors.filter((error) => !error.message.startsWith('still holds the placeholder'))).toEqual([]);
    expect(errors.map(formatContentIssue)).toContain(
      'content/stories/new-story/story.yaml:4 title: still holds the placeholder "TODO story title"; replace it with the real value',
    );
    expect(errors.map(formatContentIssue)).toContain(
      'content/stories/new-story/timeline.yaml:5 events[0].id: still holds the placeholder "ns-TODO-event"; replace it with the real value',
    );
  });

  test('GIVEN every placeholder replaced THEN the pack is valid', async () => {
    await createStoryPackScaffold(contentDir, 'new-story');
    const counter = { next: 0 };
    for (const name of PACK_FILE_NAMES) {
      const file = path.join(contentDir, 'stories', 'new-story', name);
      await writeFile(file, fillPlaceholders(await readFile(file, 'utf8'), counter));
    }
    const result = await load();
    expect(result.kind === 'invalid' ? result.errors.map(formatContentIssue) : []).toEqual([]);
    expect(result.kind === 'ok' ? result.library.getStory('new-story')?.title : undefined).toMatch(
      /^Filled text/,
    );
  });

  test('GIVEN an existing pack THEN nothing is overwritten', async () => {
    await createStoryPackScaffold(contentDir, 'new-story');
    const story = path.join(contentDir, 'stories', 'new-story', 'story.yaml');
    await writeFile(story, 'schema_version: 1\n# work in progress\n');
    expect(await createStoryPackScaffold(contentDir, 'new-story')).toEqual({
      kind: 'exists',
      folder: path.join(contentDir, 'stories', 'new-story'),
    });
    expect(await readFile(story, 'utf8')).toBe('schema_version: 1\n# work in progress\n');
  });

  test('GIVEN an id with capitals or spaces THEN it is refused before anything is written', async () => {
    expect(await createStoryPackScaffold(contentDir, 'New Story')).toEqual({
      kind: 'invalid-id',
      reason:
        '"New Story" is not a valid story id: use lowercase letters, digits and single hyphens, e.g. us-japan-alliance',
    });
    expect((await createStoryPackScaffold(contentDir, 'double--hyphen')).kind).toBe('invalid-id');
    expect(await createStoryPackScaffold(contentDir, 'a'.repeat(61))).toEqual({
      kind: 'invalid-id',
      reason: `"${'a'.repeat(61)}" is 61 characters; a story id has at most 60`,
    });
    const result = await load();
    expect(result.kind === 'invalid' ? result.errors.map(formatContentIssue) : []).toEqual([
      'content/stories: folder not found; story packs go in content/stories/<story-id>/',
    ]);
  });
});
