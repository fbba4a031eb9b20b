import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type QuizWorld, startQuizWorld } from './quiz-world.js';

let world: QuizWorld;

beforeAll(async () => {
  world = await startQuizWorld();
});

afterAll(async () => {
  await world?.stop();
});

test('GIVEN Discord refuses the acknowledgement of an answer click (10062) THEN the answer is taken back and a later click counts', async () => {
  const { discord, server } = world;
  await world.setUp(server);
  await world.tick('2026-11-25T09:00:00Z');
  const question = world.posts(server)[0] as LoopbackMessage;
  const round = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
  if (!round) throw new Error('no round was posted');

  discord.inject({
    route: 'POST /interactions/:interaction/:token/callback',
    status: 404,
    body: { message: 'Unknown interaction', code: 10062 },
  });
  await expect(discord.click(question, 1, { as: server.alice })).rejects.toThrow();
  expect(world.storage.answers.choiceOf(round.id, server.alice.id)).toBeUndefined();
  expect(world.storage.answers.count(round.id)).toBe(0);
  const expiredLogs = world.logs.filter(
    (line) => line.msg === 'interaction expired before it could be answered',
  );
  expect(expiredLogs).toHaveLength(1);

  const retry = await discord.click(question, 2, { as: server.alice });
  expect(retry.content).toMatch(/^Locked in \*\*B\*\*/);
  expect(world.storage.answers.choiceOf(round.id, server.alice.id)).toBe(1);
});
