import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/features/story-packs/core/index.js';
import { type QuizWorld, startQuizWorld } from './quiz-world.js';

/**
 * A copy of the treaty-history fixture with two quiz questions: `th-q-treaty-year`, corrected on
 * 30 November 2026 (after both rounds below), and `th-q-first-treaty-city`, corrected on
 * 20 November 2026 (before them).
 */
const fixture = 'tests/fixtures/content/quiz-corrections';

let world: QuizWorld;

beforeAll(async () => {
  const loaded = await loadContent(fixture, { today: '2026-12-07' });
  if (loaded.kind !== 'ok') throw new Error(`the fixture ${fixture} is invalid`);
  world = await startQuizWorld({ content: loaded.library });
});

afterAll(async () => {
  const problems = world?.problems() ?? [];
  await world?.stop();
  expect(problems).toEqual([]);
});

function correctionField(message: LoopbackMessage | undefined): string | undefined {
  return message?.embeds[0]?.fields?.find((entry) => entry.name === 'Correction')?.value;
}

describe('quiz results of a corrected question', () => {
  test('GIVEN two rounds, one asking a question corrected after that day and one a question corrected before THEN only the first results note the correction', async () => {
    const { server } = world;
    await world.setUp(server);
    for (const day of ['2026-11-25', '2026-11-26']) {
      await world.tick(`${day}T09:00:00Z`);
      const round = world.storage.rounds.byDate(server.guild.id, day);
      expect(round?.state).toBe('open');
      await world.discord.click(world.posts(server).at(-1) as LoopbackMessage, 1, { as: server.alice });
      await world.tick(`${day}T21:00:00Z`);
    }
    const posts = world.posts(server);
    expect(posts).toHaveLength(4);
    const resultsOf = (day: string) => {
      const round = world.storage.rounds.byDate(server.guild.id, day);
      const message = posts.find((post) => post.id === round?.resultsMessageId);
      expect(message?.embeds[0]?.title).toContain('Quiz results');
      return { questionId: round?.question.id, message };
    };
    const rounds = [resultsOf('2026-11-25'), resultsOf('2026-11-26')];
    const corrected = rounds.find((entry) => entry.questionId === 'th-q-treaty-year');
    const before = rounds.find((entry) => entry.questionId === 'th-q-first-treaty-city');
    expect(correctionField(corrected?.message)).toBe(
      "✏️ This question was corrected on 30 November 2026: The treaty in force today was signed on 19 January 1960. (see /summary's Corrections)",
    );
    expect(corrected?.message?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(before?.message).toBeDefined();
    expect(correctionField(before?.message)).toBeUndefined();
    expect(JSON.stringify(before?.message?.embeds)).not.toContain('corrected');
  });
});
