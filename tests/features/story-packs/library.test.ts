import { describe, expect, test } from 'vitest';
import {
  answerIndexOf,
  type ContentLibrary,
  toDayDate,
} from '../../../src/features/story-packs/core/index.js';
import { validate, validSnapshot } from './fixtures.js';

function loadValidLibrary(): ContentLibrary {
  const result = validate(validSnapshot);
  if (result.kind !== 'ok') throw new Error('the valid fixture should load');
  return result.library;
}

const library = loadValidLibrary();

describe('ContentLibrary', () => {
  test('GIVEN two packs THEN stories come newest as_of first and are found by id', () => {
    expect(library.stories.map((story) => story.id)).toEqual(['treaty-history', 'okinawa-bases']);
    expect(library.getStory('okinawa-bases')?.title).toBe('US bases in Okinawa');
    expect(library.getStory('no-such-story')).toBeUndefined();
  });

  test('GIVEN events of mixed precision in any order THEN the timeline runs oldest first', () => {
    expect(library.getTimeline('treaty-history').map((event) => event.date.iso)).toEqual([
      '1951-09',
      '1951-09-08',
      '1952',
      '1960-01-19',
    ]);
    expect(library.getTimeline('treaty-history').every((event) => event.storyId === 'treaty-history')).toBe(
      true,
    );
  });

  test('GIVEN updates in any order THEN they run oldest first; claims keep the pack order', () => {
    expect(library.getUpdates('treaty-history').map((update) => update.id)).toEqual([
      'th-up-talks-open',
      'th-up-new-cabinet',
    ]);
    expect(library.getFactChecks('treaty-history').map((claim) => claim.verdict)).toEqual([
      'accurate',
      'outdated',
    ]);
    expect(library.getUpdates('okinawa-bases')).toEqual([]);
  });

  test('GIVEN an unknown story id THEN every list is empty', () => {
    expect(library.getTimeline('nope')).toEqual([]);
    expect(library.getFactChecks('nope')).toEqual([]);
    expect(library.getDebatePrompts('nope')).toEqual([]);
    expect(library.getQuizQuestions('nope')).toEqual([]);
  });

  test('GIVEN debate prompts THEN they are listed newest story first and found by id with their story', () => {
    expect(library.debatePrompts.map((prompt) => prompt.id)).toEqual([
      'th-db-host-nation-support',
      'th-db-treaty-revision',
      'ob-db-henoko',
    ]);
    expect(library.getDebatePrompt('ob-db-henoko')?.storyId).toBe('okinawa-bases');
    expect(library.getDebatePrompt('ob-db-henoko')?.for).toHaveLength(3);
    expect(library.getDebatePrompts('treaty-history')).toHaveLength(2);
  });

  test('GIVEN quiz questions THEN each carries its story id and its answer position', () => {
    expect(library.quizQuestions.map((question) => `${question.storyId}/${question.id}`)).toEqual([
      'treaty-history/th-q-treaty-year',
      'treaty-history/th-q-first-treaty-city',
      'treaty-history/th-q-prime-minister',
      'okinawa-bases/ob-q-reversion-year',
    ]);
    const question = library.getQuizQuestion('th-q-treaty-year');
    expect(question === undefined ? undefined : question.choices[answerIndexOf(question)]).toBe('1960');
    expect(library.getQuizQuestions('okinawa-bases').map((item) => item.id)).toEqual(['ob-q-reversion-year']);
  });

  test('GIVEN a question with valid_until THEN the library keeps that day, and none for a question without', () => {
    expect(library.getQuizQuestion('th-q-prime-minister')?.valid_until).toEqual(toDayDate('2027-12-31'));
    expect(library.getQuizQuestion('th-q-treaty-year')?.valid_until).toBeUndefined();
  });

  test('GIVEN the library THEN its lists and items cannot be changed', () => {
    expect(Object.isFrozen(library)).toBe(true);
    expect(Object.isFrozen(library.stories)).toBe(true);
    expect(Object.isFrozen(library.stories[0])).toBe(true);
    expect(Object.isFrozen(library.stories[0]?.key_points)).toBe(true);
    expect(Object.isFrozen(library.getTimeline('treaty-history'))).toBe(true);
    expect(Object.isFrozen(library.getTimeline('treaty-history')[0]?.date)).toBe(true);
    expect(Object.isFrozen(library.quizQuestions[0]?.choices)).toBe(true);
  });

  test('GIVEN Markdown written as a block THEN the summary keeps its paragraphs without trailing space', () => {
    const full = library.getStory('treaty-history')?.summary.full ?? '';
    expect(full.startsWith('**Origins.**')).toBe(true);
    expect(full.endsWith('governs the alliance.')).toBe(true);
    expect(full).toContain('\n\n');
  });
});
