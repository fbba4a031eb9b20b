import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  displayPathOf,
  formatContentIssue,
  loadContent,
} from '../../../src/features/story-packs/core/index.js';
import { TODAY, VALID_FIXTURE } from './fixtures.js';

let workDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'roundtable-content-'));
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function copyValidFixture(): Promise<string> {
  const contentDir = path.join(workDir, 'content');
  await cp(VALID_FIXTURE, contentDir, { recursive: true });
  return contentDir;
}

async function errorsOf(contentDir: string): Promise<string[]> {
  const result = await loadContent(contentDir, { today: TODAY, displayDir: 'content' });
  return result.kind === 'invalid' ? result.errors.map(formatContentIssue) : [];
}

describe('loadContent', () => {
  test('GIVEN the valid fixture on disk THEN the library holds both stories', async () => {
    const result = await loadContent(VALID_FIXTURE, { today: '2026-11-25' });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.library.stories.map((story) => story.id)).toEqual(['treaty-history', 'okinawa-bases']);
  });

  test('GIVEN a folder inside the working folder THEN messages name it relative to it', () => {
    expect(displayPathOf('./content')).toBe('content');
    expect(displayPathOf(path.resolve('tests/fixtures/content/valid'))).toBe('tests/fixtures/content/valid');
  });

  test('GIVEN a folder without stories/ THEN the expected place of packs is given', async () => {
    expect(await errorsOf(workDir)).toEqual([
      'content/stories: folder not found; story packs go in content/stories/<story-id>/',
    ]);
  });

  test('GIVEN an empty stories/ folder THEN the author is told how to create a pack', async () => {
    await mkdir(path.join(workDir, 'stories'));
    expect(await errorsOf(workDir)).toEqual([
      'content/stories: holds no story pack yet; create one with npm run content:new -- <story-id>',
    ]);
  });

  test('GIVEN a file directly in stories/ THEN it is unexpected, while hidden files are ignored', async () => {
    const contentDir = await copyValidFixture();
    await writeFile(path.join(contentDir, 'stories', 'notes.md'), 'draft');
    await writeFile(path.join(contentDir, 'stories', '.DS_Store'), '');
    expect(await errorsOf(contentDir)).toEqual([
      'content/stories/notes.md: unexpected file; each story pack is a folder content/stories/<story-id>/ holding story.yaml, timeline.yaml, factchecks.yaml, debates.yaml and quiz.yaml',
    ]);
  });

  test('GIVEN a .yml file, a misspelt file and a subfolder in a pack THEN each gets its own hint', async () => {
    const contentDir = await copyValidFixture();
    const pack = path.join(contentDir, 'stories', 'okinawa-bases');
    await writeFile(path.join(pack, 'extra.yml'), 'schema_version: 1\n');
    await writeFile(path.join(pack, 'quizz.yaml'), 'schema_version: 1\n');
    await mkdir(path.join(pack, 'images'));
    expect(await errorsOf(contentDir)).toEqual([
      'content/stories/okinawa-bases/extra.yml: unexpected file; a story pack holds only story.yaml, timeline.yaml, factchecks.yaml, debates.yaml and quiz.yaml',
      'content/stories/okinawa-bases/images/: unexpected folder; a story pack holds only story.yaml, timeline.yaml, factchecks.yaml, debates.yaml and quiz.yaml',
      'content/stories/okinawa-bases/quizz.yaml: unexpected file (did you mean quiz.yaml?); a story pack holds only story.yaml, timeline.yaml, factchecks.yaml, debates.yaml and quiz.yaml',
    ]);
  });

  test('GIVEN quiz.yml instead of quiz.yaml THEN the author is told to rename it', async () => {
    const contentDir = await copyValidFixture();
    const pack = path.join(contentDir, 'stories', 'okinawa-bases');
    await cp(path.join(pack, 'quiz.yaml'), path.join(pack, 'quiz.yml'));
    await rm(path.join(pack, 'quiz.yaml'));
    expect(await errorsOf(contentDir)).toEqual([
      'content/stories/okinawa-bases/quiz.yml: unexpected file; rename it to quiz.yaml',
      'content/stories/okinawa-bases/quiz.yaml: the file is missing; every story pack has story.yaml, timeline.yaml, factchecks.yaml, debates.yaml and quiz.yaml',
    ]);
  });

  test('GIVEN a pack folder whose name is not an id THEN the folder and the story id are both reported', async () => {
    const contentDir = await copyValidFixture();
    await cp(
      path.join(contentDir, 'stories', 'okinawa-bases'),
      path.join(contentDir, 'stories', 'Okinawa Bases'),
      {
        recursive: true,
      },
    );
    await rm(path.join(contentDir, 'stories', 'okinawa-bases'), { recursive: true });
    expect(await errorsOf(contentDir)).toEqual([
      'content/stories/Okinawa Bases: the folder name "Okinawa Bases" is not a valid story id: use lowercase letters, digits and single hyphens',
      'content/stories/Okinawa Bases/story.yaml:2 id: "okinawa-bases" differs from the folder name "Okinawa Bases"; the two must be the same',
    ]);
  });
});
