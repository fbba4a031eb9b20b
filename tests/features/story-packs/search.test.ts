import { describe, expect, test } from 'vitest';
import { createContentLibrary } from '../../../src/features/story-packs/core/index.js';
import { makePack } from './packs.js';

const library = createContentLibrary([
  makePack({
    id: 'japan-defence-buildup',
    title: "Japan's defence build-up",
    tags: ['japan', 'defence', 'budget'],
    asOf: '2026-11-25',
    motion: 'This house would double the defence budget',
  }),
  makePack({
    id: 'us-japan-alliance',
    title: 'The US-Japan alliance and the cost of US forces in Japan',
    tags: ['japan', 'united-states', 'alliance'],
    asOf: '2026-11-20',
    motion: 'This house believes Japan should pay more host-nation support',
  }),
  makePack({
    id: 'cote-divoire-elections',
    title: "Élections en Côte d'Ivoire",
    tags: ['africa', 'elections'],
    asOf: '2026-10-30',
  }),
  makePack({
    id: 'brexit-trade',
    title: 'The Brexit trade deal, five years on',
    tags: ['united-kingdom', 'trade'],
    asOf: '2026-09-01',
  }),
]);

function idsOf(stories: readonly { id: string }[]): string[] {
  return stories.map((story) => story.id);
}

describe('searchStories', () => {
  test('GIVEN an empty query THEN the newest stories come first', () => {
    expect(idsOf(library.searchStories(''))).toEqual([
      'japan-defence-buildup',
      'us-japan-alliance',
      'cote-divoire-elections',
      'brexit-trade',
    ]);
    expect(idsOf(library.searchStories('   ', 2))).toEqual(['japan-defence-buildup', 'us-japan-alliance']);
  });

  test('GIVEN the start of a word THEN the story whose word begins so is found', () => {
    expect(idsOf(library.searchStories('defen'))).toEqual(['japan-defence-buildup']);
    expect(idsOf(library.searchStories('bre'))).toEqual(['brexit-trade']);
  });

  test('GIVEN a word without its accents, or with accents the title lacks THEN it still matches', () => {
    expect(idsOf(library.searchStories('cote'))).toEqual(['cote-divoire-elections']);
    expect(idsOf(library.searchStories('ELECTIONS'))).toEqual(['cote-divoire-elections']);
    expect(idsOf(library.searchStories('brèxit'))).toEqual(['brexit-trade']);
  });

  test('GIVEN small typos THEN the intended story is found', () => {
    expect(idsOf(library.searchStories('defnece'))).toEqual(['japan-defence-buildup']);
    expect(idsOf(library.searchStories('aliance'))).toEqual(['us-japan-alliance']);
    expect(idsOf(library.searchStories('brexti'))).toEqual(['brexit-trade']);
  });

  test('GIVEN a word many stories share THEN the story matching every word of the query wins', () => {
    expect(idsOf(library.searchStories('japan'))).toEqual(['japan-defence-buildup', 'us-japan-alliance']);
    expect(idsOf(library.searchStories('japan alliance'))).toEqual(['us-japan-alliance']);
    expect(idsOf(library.searchStories('us-japan'))[0]).toBe('us-japan-alliance');
  });

  test('GIVEN a tag THEN the stories carrying it are found', () => {
    expect(idsOf(library.searchStories('budget'))).toEqual(['japan-defence-buildup']);
    expect(idsOf(library.searchStories('united-kingdom'))).toEqual(['brexit-trade']);
  });

  test('GIVEN an unrelated word THEN nothing is returned', () => {
    expect(library.searchStories('zzzz')).toEqual([]);
  });

  test('GIVEN thirty matching stories THEN at most 25 are returned, even when more are asked for', () => {
    const many = createContentLibrary(
      Array.from({ length: 30 }, (_, index) =>
        makePack({
          id: `story-${index}`,
          title: `Story number ${index}`,
          asOf: `2026-01-${String(index + 1).padStart(2, '0')}`,
        }),
      ),
    );
    expect(many.searchStories('story')).toHaveLength(25);
    expect(many.searchStories('')).toHaveLength(25);
    expect(many.searchStories('story', 100)).toHaveLength(25);
    expect(many.searchStories('story', 5)).toHaveLength(5);
    expect(many.searchStories('')[0]?.id).toBe('story-29');
  });

  test('GIVEN a library of 100 packs THEN 300 searches take well under a second', () => {
    const large = createContentLibrary(
      Array.from({ length: 100 }, (_, index) =>
        makePack({
          id: `topic-${index}-report`,
          title: `Report ${index} on elections, budgets and alliances in region ${index % 7}`,
          tags: [`region-${index % 7}`, 'politics', 'economy'],
        }),
      ),
    );
    const queries = [
      'elections',
      'budgts',
      'allianc region',
      'polit',
      '',
      'report 42',
      'econmy',
      'r',
      'zzz',
      'region 3',
    ];
    const started = performance.now();
    for (let round = 0; round < 30; round++) for (const query of queries) large.searchStories(query);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(large.searchStories('report 42')[0]?.id).toBe('topic-42-report');
  });
});

describe('suggestStories', () => {
  test('GIVEN a misspelt id THEN the closest story is suggested first', () => {
    expect(idsOf(library.suggestStories('us-japan-aliance'))[0]).toBe('us-japan-alliance');
    expect(idsOf(library.suggestStories('japan-defense-buildup'))[0]).toBe('japan-defence-buildup');
  });

  test('GIVEN part of an id THEN the stories it names are suggested', () => {
    expect(idsOf(library.suggestStories('brexit'))).toEqual(['brexit-trade']);
    expect(idsOf(library.suggestStories('japan'))).toEqual(['japan-defence-buildup', 'us-japan-alliance']);
  });

  test('GIVEN nothing close THEN there is no suggestion', () => {
    expect(library.suggestStories('zzzz-qqqq')).toEqual([]);
    expect(library.suggestStories('')).toEqual([]);
  });
});

describe('searchDebatePrompts', () => {
  test('GIVEN words of a motion THEN its prompt is found, with its story id', () => {
    const found = library.searchDebatePrompts('host nation');
    expect(found.map((prompt) => prompt.storyId)).toEqual(['us-japan-alliance']);
  });

  test('GIVEN a story tag THEN the prompts of that story come first', () => {
    expect(library.searchDebatePrompts('budget')[0]?.storyId).toBe('japan-defence-buildup');
  });

  test('GIVEN an empty query THEN the prompts of the newest stories come first', () => {
    expect(library.searchDebatePrompts('').map((prompt) => prompt.storyId)).toEqual([
      'japan-defence-buildup',
      'us-japan-alliance',
      'cote-divoire-elections',
      'brexit-trade',
    ]);
  });
});
