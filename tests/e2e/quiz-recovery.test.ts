import type { LoopbackMessage, RecordedRequest } from '@roundtable/loopback-discord';
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { createBot } from '../../src/app/bot.js';
import { type QuizRound, questionNonce, snapshotQuestion } from '../../src/features/quiz/core/round.js';
import { createLogger } from '../../src/platform/logger.js';
import { type QuizServer, type QuizWorld, startQuizWorld } from './quiz-world.js';

let world: QuizWorld | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const postAt = Date.parse('2026-11-25T09:00:00Z');
const closeAt = Date.parse('2026-11-25T21:00:00Z');

function postRequests(current: QuizWorld, target: QuizServer) {
  return current.discord
    .requestsTo('POST /channels/:channel/messages')
    .filter((request) => request.path.endsWith(`/channels/${target.channel.id}/messages`));
}

function botCanSend(current: QuizWorld, target: QuizServer): boolean {
  const channel = current.bot.client.channels.cache.get(target.channel.id);
  if (!channel || channel.isDMBased()) return false;
  const me = channel.guild.members.me;
  return me ? channel.permissionsFor(me).has(PermissionFlagsBits.SendMessages) : false;
}

async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Moves the bot's clock on by `stepMs` whenever Discord answers a post to the server's quiz channel, as
 * if each request took that long; the returned function stops it.
 */
function slowPosts(current: QuizWorld, target: QuizServer, stepMs: number): () => void {
  const seen = new Set<RecordedRequest>();
  const isNew = (request: RecordedRequest) =>
    request.path.endsWith(`/channels/${target.channel.id}/messages`) && !seen.has(request);
  let watching = true;
  void (async () => {
    while (watching) {
      const request = await current.discord
        .waitForRequest('POST /channels/:channel/messages', isNew, 250)
        .catch(() => undefined);
      if (!request || !watching) continue;
      seen.add(request);
      current.clock.advance(stepMs);
    }
  })();
  return () => {
    watching = false;
  };
}

/** What the minute task stores before it sends: the round, in state 'posting'. */
function recordRoundWithoutSending(current: QuizWorld, target: QuizServer, localDate: string, now: number) {
  return current.storage.rounds.create({
    guildId: target.guild.id,
    localDate,
    channelId: target.channel.id,
    question: snapshotQuestion(current.expectedQuestion(target, localDate)),
    scheduledAt: postAt,
    closesAt: closeAt,
    late: false,
    pingRoleId: null,
    now,
  }).round;
}

/** Puts a posted round back to 'posting' without its message id, as a crash right after Discord accepted it would. */
function forgetMessageId(current: QuizWorld, roundId: number): void {
  current.db
    .prepare("UPDATE quiz_rounds SET state = 'posting', message_id = NULL, posted_at = NULL WHERE id = ?")
    .run(roundId);
}

describe('quiz posting survives crashes and downtime', () => {
  test('GIVEN the bot killed after recording a round and before sending WHEN restarted THEN exactly one post', async () => {
    world = await startQuizWorld();
    const { server } = world;
    await world.setUp(server);
    await world.stopBot();
    world.clock.set(postAt);
    const round = recordRoundWithoutSending(world, server, '2026-11-25', postAt);
    world.clock.set(postAt + 20_000);
    await world.startBot();
    await world.tick(postAt + 60_000);
    await world.tick(postAt + 120_000);
    const posts = world.posts(server);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.embeds[0]?.description).toContain(round.question.question);
    const sent = postRequests(world, server);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ nonce: questionNonce(round), enforce_nonce: true });
    expect(world.storage.rounds.byId(round.id)).toMatchObject({ state: 'open', messageId: posts[0]?.id });
  });

  test('GIVEN Discord accepted the question but its id was not stored WHEN restarted within minutes THEN the nonce returns the same message', async () => {
    world = await startQuizWorld();
    const { server } = world;
    await world.setUp(server);
    await world.tick(postAt);
    const round = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    const original = world.posts(server)[0] as LoopbackMessage;
    await world.stopBot();
    forgetMessageId(world, round?.id ?? 0);
    await world.startBot();
    expect(world.posts(server).map((message) => message.id)).toEqual([original.id]);
    expect(postRequests(world, server)).toHaveLength(2);
    expect(world.storage.rounds.byId(round?.id ?? 0)).toMatchObject({
      state: 'open',
      messageId: original.id,
    });
  });

  test('GIVEN the id was lost and the nonce has expired WHEN restarted THEN the message is found in the channel and not sent again', async () => {
    world = await startQuizWorld();
    const { server, discord } = world;
    await world.setUp(server);
    await world.tick(postAt);
    const round = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    const original = world.posts(server)[0] as LoopbackMessage;
    await world.stopBot();
    forgetMessageId(world, round?.id ?? 0);
    discord.clock.advance(10 * 60_000);
    world.clock.set(postAt + 10 * 60_000);
    await world.startBot();
    expect(world.posts(server).map((message) => message.id)).toEqual([original.id]);
    expect(postRequests(world, server)).toHaveLength(1);
    expect(discord.requestsTo('GET /channels/:channel/messages').length).toBeGreaterThan(0);
    expect(world.storage.rounds.byId(round?.id ?? 0)).toMatchObject({
      state: 'open',
      messageId: original.id,
    });
  });

  test('GIVEN the bot down across the post time WHEN restarted THEN the question is posted late with a note and closes on time', async () => {
    world = await startQuizWorld();
    const { server, discord } = world;
    await world.setUp(server);
    await world.stopBot();
    world.clock.set(Date.parse('2026-11-25T11:30:00Z'));
    await world.startBot();
    const posts = world.posts(server);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toContain('Posted late');
    expect(posts[0]?.content).toContain(`<t:${postAt / 1000}:t>`);
    expect(posts[0]?.content).toContain(`<t:${closeAt / 1000}:R>`);
    await discord.click(posts[0] as LoopbackMessage, 1, { as: server.alice });
    await world.tick(closeAt);
    expect(world.posts(server)).toHaveLength(2);
    expect(world.storage.rounds.byDate(server.guild.id, '2026-11-25')).toMatchObject({
      state: 'closed',
      late: true,
      players: 1,
      resultsState: 'published',
    });
  });

  test('GIVEN the bot down across the close time WHEN restarted THEN the round is closed and scored, and nothing is posted twice', async () => {
    world = await startQuizWorld();
    const { server, discord } = world;
    await world.setUp(server);
    await world.tick(postAt);
    const question = world.posts(server)[0] as LoopbackMessage;
    await discord.click(question, 1, { as: server.alice });
    await world.stopBot();
    world.clock.set(Date.parse('2026-11-26T08:00:00Z'));
    await world.startBot();
    const posts = world.posts(server);
    expect(posts).toHaveLength(2);
    expect(
      posts[0]?.buttons.filter((button) => button.customId?.includes(':answer:')).every((b) => b.disabled),
    ).toBe(true);
    expect(posts[1]?.embeds[0]?.title).toContain('Quiz results');
    expect(
      world.storage.scores.standing(server.guild.id, server.alice.id, 'all', '2026-11-26')?.answered,
    ).toBe(1);
    await world.tick('2026-11-26T08:01:00Z');
    expect(world.posts(server)).toHaveLength(2);
  });
});

describe('quiz schedule through Discord', () => {
  test('GIVEN two bot processes on one database ticking at the same minute THEN the question is posted once', async () => {
    world = await startQuizWorld();
    const { server } = world;
    await world.setUp(server);
    const second = createBot({
      token: world.discord.token,
      apiUrl: world.discord.apiUrl,
      db: world.db,
      content: world.content,
      logger: createLogger({ level: 'silent' }),
      clock: world.clock,
      schedule: 'manual',
    });
    await second.start();
    try {
      world.clock.set(postAt);
      await Promise.all([world.bot.scheduler.runDue(), second.scheduler.runDue()]);
      await Promise.all([world.bot.scheduler.runDue(), second.scheduler.runDue()]);
      expect(world.posts(server)).toHaveLength(1);
      world.clock.set(closeAt);
      await Promise.all([world.bot.scheduler.runDue(), second.scheduler.runDue()]);
      expect(world.posts(server)).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });

  test('GIVEN servers in New York at 02:30 and London at 01:30 on spring-forward days THEN each posts at the first minute after the gap', async () => {
    world = await startQuizWorld({ servers: 2 });
    const [newYork, london] = world.servers as [QuizServer, QuizServer];
    world.clock.set(Date.parse('2026-03-07T12:00:00Z'));
    await world.setUp(newYork, { time: '02:30', timezone: 'America/New_York', duration: 1 });
    await world.setUp(london, { time: '01:30', timezone: 'Europe/London', duration: 1 });
    await world.tick('2026-03-08T06:59:00Z');
    expect(world.posts(newYork)).toHaveLength(0);
    await world.tick('2026-03-08T07:00:00Z');
    expect(world.posts(newYork)).toHaveLength(1);
    expect(world.storage.rounds.byDate(newYork.guild.id, '2026-03-08')?.scheduledAt).toBe(
      Date.parse('2026-03-08T07:00:00Z'),
    );
    await world.tick('2026-03-29T00:59:00Z');
    expect(world.posts(london)).toHaveLength(0);
    await world.tick('2026-03-29T01:00:00Z');
    expect(world.posts(london)).toHaveLength(1);
    expect(world.storage.rounds.byDate(london.guild.id, '2026-03-29')?.scheduledAt).toBe(
      Date.parse('2026-03-29T01:00:00Z'),
    );
  });

  test('GIVEN New York at 01:30 on the fall-back day THEN the time that occurs twice posts once, at its first occurrence', async () => {
    world = await startQuizWorld();
    const { server } = world;
    world.clock.set(Date.parse('2026-10-31T12:00:00Z'));
    await world.setUp(server, { time: '01:30', timezone: 'America/New_York', duration: 2 });
    for (let minute = 0; minute <= 120; minute += 30)
      await world.tick(Date.parse('2026-11-01T05:00:00Z') + minute * 60_000);
    const posts = world.posts(server);
    expect(posts).toHaveLength(1);
    expect(world.storage.rounds.byDate(server.guild.id, '2026-11-01')?.scheduledAt).toBe(
      Date.parse('2026-11-01T05:30:00Z'),
    );
  });
});

describe('quiz failures are reported and isolated', () => {
  test('GIVEN one server removed the bot’s Send Messages permission THEN its round is failed and reported, the other server posts', async () => {
    world = await startQuizWorld({ servers: 2 });
    const [first, second] = world.servers as [QuizServer, QuizServer];
    const { discord } = world;
    await world.setUp(first);
    await world.setUp(second);
    discord.setChannelPermissions(first.channel, 'bot', { deny: ['SendMessages'] });
    await waitUntil(() => !botCanSend(world as QuizWorld, first));
    await world.tick(postAt);
    expect(world.posts(first)).toHaveLength(0);
    expect(world.posts(second)).toHaveLength(1);
    const failed = world.storage.rounds.byDate(first.guild.id, '2026-11-25');
    expect(failed?.state).toBe('failed');
    expect(failed?.failure).toContain('Send Messages');
    expect(
      world.logs.some(
        (line) => line.msg === 'quiz round failed' && line.guildId === first.guild.id && line.level === 40,
      ),
    ).toBe(true);
    const status = await discord.slash('quiz status', {}, { as: first.admin, channel: first.channel });
    expect(status.content).toContain('failed');
    expect(status.content).toContain('Send Messages');

    await world.tick(postAt + 60_000);
    expect(world.posts(first)).toHaveLength(0);
    discord.setChannelPermissions(first.channel, 'bot', { allow: ['SendMessages'] });
    await waitUntil(() => botCanSend(world as QuizWorld, first));
    await world.setUp(first);
    await world.tick(postAt + 2 * 3_600_000);
    expect(world.posts(first)).toHaveLength(1);
    expect(world.posts(first)[0]?.content).toContain('Posted late');
    expect(world.posts(second)).toHaveLength(1);
  });

  test('GIVEN a failed round whose question Discord had already shown WHEN /quiz setup retries it THEN it keeps its id and question, its old buttons still answer it and it is not posted twice', async () => {
    world = await startQuizWorld({ servers: 2 });
    const [first, second] = world.servers as [QuizServer, QuizServer];
    const { discord } = world;
    await world.setUp(first);
    await world.setUp(second);
    await world.tick(postAt);
    const round = world.storage.rounds.byDate(first.guild.id, '2026-11-25') as QuizRound;
    const later = world.storage.rounds.byDate(second.guild.id, '2026-11-25') as QuizRound;
    expect(later.id).toBeGreaterThan(round.id);
    const question = world.posts(first)[0] as LoopbackMessage;
    await discord.click(question, 2, { as: first.alice });

    await world.stopBot();
    forgetMessageId(world, round.id);
    discord.setChannelPermissions(first.channel, 'bot', { deny: ['SendMessages'] });
    discord.clock.advance(10 * 60_000);
    world.clock.set(postAt + 10 * 60_000);
    await world.startBot();
    expect(world.storage.rounds.byId(round.id)).toMatchObject({ state: 'failed' });

    discord.setChannelPermissions(first.channel, 'bot', { allow: ['SendMessages'] });
    await waitUntil(() => botCanSend(world as QuizWorld, first));
    await world.setUp(first);
    await world.tick(postAt + 11 * 60_000);
    await world.tick(postAt + 12 * 60_000);

    expect(world.posts(first).map((message) => message.id)).toEqual([question.id]);
    expect(world.storage.rounds.byDate(first.guild.id, '2026-11-25')).toMatchObject({
      id: round.id,
      state: 'open',
      messageId: question.id,
      question: round.question,
      failure: null,
    });
    const bob = await discord.click(question, 3, { as: first.bob });
    expect(bob.content).toMatch(/^Locked in \*\*C\*\*/);
    const alice = await discord.click(question, 1, { as: first.alice });
    expect(alice.content).toContain('You already answered **B**');
    expect(world.storage.answers.count(round.id)).toBe(2);
    const strayAnswers = world.db
      .prepare(
        'SELECT COUNT(*) AS total FROM quiz_answers WHERE round_id NOT IN (SELECT id FROM quiz_rounds)',
      )
      .get() as { total: number };
    expect(strayAnswers.total).toBe(0);
  });

  test('GIVEN the permission is removed just before the post, before the bot hears of it THEN Discord’s 403 fails the round with the reason', async () => {
    world = await startQuizWorld();
    const { server, discord } = world;
    await world.setUp(server);
    discord.setChannelPermissions(server.channel, 'bot', { deny: ['SendMessages'] });
    discord.inject({
      route: `POST /channels/${server.channel.id}/messages`,
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    await world.tick(postAt);
    const failed = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    expect(failed?.state).toBe('failed');
    expect(failed?.failure).toMatch(/Send Messages|Missing Permissions/);
    expect(world.posts(server)).toHaveLength(0);
  });

  test('GIVEN Discord answers Unknown Channel for one server THEN that round fails with the reason and the other server posts', async () => {
    world = await startQuizWorld({ servers: 2 });
    const [first, second] = world.servers as [QuizServer, QuizServer];
    await world.setUp(first);
    await world.setUp(second);
    world.discord.inject({
      route: `POST /channels/${first.channel.id}/messages`,
      status: 404,
      times: Number.POSITIVE_INFINITY,
      body: { message: 'Unknown Channel', code: 10003 },
    });
    await world.tick(postAt);
    expect(world.posts(second)).toHaveLength(1);
    const failed = world.storage.rounds.byDate(first.guild.id, '2026-11-25');
    expect(failed?.state).toBe('failed');
    expect(failed?.failure).toContain('no longer exists');
  });

  test('GIVEN Discord fails with 500s past discord.js’s retries THEN the post is retried a minute later and lands once', async () => {
    world = await startQuizWorld();
    const { server, discord } = world;
    await world.setUp(server);
    discord.inject({ route: `POST /channels/${server.channel.id}/messages`, status: 500, times: 4 });
    await world.tick(postAt);
    expect(world.posts(server)).toHaveLength(0);
    const waiting = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    expect(waiting).toMatchObject({ state: 'posting', attempts: 1, retryAt: postAt + 60_000 });
    const status = await discord.slash('quiz status', {}, { as: server.admin, channel: server.channel });
    expect(status.content).toContain('not posted yet; retrying');
    await world.tick(postAt + 30_000);
    expect(world.posts(server)).toHaveLength(0);
    await world.tick(postAt + 60_000);
    expect(world.posts(server)).toHaveLength(1);
    await world.tick(postAt + 120_000);
    expect(world.posts(server)).toHaveLength(1);
  });

  test('GIVEN posts that keep failing and take 40 s each to fail THEN the minute ticks retry 1, 2, 4, 8, then 15 minutes after each failing tick', async () => {
    world = await startQuizWorld();
    const { server, discord } = world;
    await world.setUp(server);
    discord.inject({
      route: `POST /channels/${server.channel.id}/messages`,
      status: 500,
      times: Number.POSITIVE_INFINITY,
    });
    const stop = slowPosts(world, server, 10_000);
    const attemptMinutes: number[] = [];
    for (let minute = 0; minute <= 46; minute += 1) {
      const before = postRequests(world, server).length;
      await world.tick(postAt + minute * 60_000);
      if (postRequests(world, server).length > before) attemptMinutes.push(minute);
    }
    stop();
    expect(attemptMinutes).toEqual([0, 1, 3, 7, 15, 30, 45]);
    const retries = world.logs.filter((line) => line.msg === 'quiz question not posted yet; will retry');
    expect(retries.map((line) => ((line.retryAt as number) - postAt) / 60_000)).toEqual([
      1, 3, 7, 15, 30, 45, 60,
    ]);
    expect(world.posts(server)).toHaveLength(0);
    expect(world.storage.rounds.byDate(server.guild.id, '2026-11-25')).toMatchObject({
      state: 'posting',
      attempts: 7,
      retryAt: postAt + 60 * 60_000,
    });
  });

  test('GIVEN Discord errors while posting WHEN members run /quiz status THEN only members with Manage Server see the error text', async () => {
    world = await startQuizWorld();
    const { server, discord } = world;
    await world.setUp(server);
    const status = (member: typeof server.admin) =>
      discord.slash('quiz status', {}, { as: member, channel: server.channel });

    discord.inject({ route: `POST /channels/${server.channel.id}/messages`, status: 500, times: 4 });
    await world.tick(postAt);
    const waiting = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    const lastError = waiting?.lastError ?? '';
    expect(lastError).not.toBe('');
    expect((await status(server.admin)).content).toContain(lastError);
    const waitingForMember = (await status(server.alice)).content;
    expect(waitingForMember).toContain('not posted yet; retrying');
    expect(waitingForMember).not.toContain(lastError);

    discord.inject({
      route: `POST /channels/${server.channel.id}/messages`,
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    await world.tick(postAt + 60_000);
    expect(world.storage.rounds.byDate(server.guild.id, '2026-11-25')?.state).toBe('failed');
    expect((await status(server.admin)).content).toContain('Missing Permissions (403, code 50013)');
    const failedForMember = (await status(server.alice)).content;
    expect(failedForMember).toContain('failed');
    expect(failedForMember).not.toContain('Missing Permissions');
    expect(failedForMember).not.toContain('50013');
  });

  test('GIVEN a stored configuration that fails its schema THEN it is reported and ignored while other servers post', async () => {
    world = await startQuizWorld({ servers: 2 });
    const [first, second] = world.servers as [QuizServer, QuizServer];
    await world.setUp(first);
    await world.setUp(second);
    world.db.prepare("UPDATE quiz_configs SET time_zone = 'Tokyo' WHERE guild_id = ?").run(first.guild.id);
    await world.tick(postAt);
    expect(world.posts(first)).toHaveLength(0);
    expect(world.posts(second)).toHaveLength(1);
    expect(
      world.logs.some(
        (line) =>
          line.msg === 'stored quiz configuration is invalid; ignored' && line.guildId === first.guild.id,
      ),
    ).toBe(true);
    const status = await world.discord.slash('quiz status', {}, { as: first.alice, channel: first.channel });
    expect(status.content).toContain('damaged');
  });
});
