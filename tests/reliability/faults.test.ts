import type {
  ChannelRef,
  GuildRef,
  LoopbackDiscord,
  LoopbackMessage,
  MemberRef,
} from '@roundtable/loopback-discord';
import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { createDebateRepository } from '../../src/features/debate/storage/repository.js';
import { createQuizStorage } from '../../src/features/quiz/storage/index.js';
import { seedPolitics, startWorld } from '../support/harness.js';
import { readStoredState } from './support/stored-state.js';

type Stoppable = { stop(): Promise<void> };
let running: Stoppable | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

interface BroadcastServer {
  guild: GuildRef;
  channel: ChannelRef;
  admin: MemberRef;
  members: MemberRef[];
}

const serverCount = 201;
const membersPerServer = 5;
const postAt = Date.parse('2026-11-26T09:00:00Z');
const closeAt = Date.parse('2026-11-26T21:00:00Z');

function seedBroadcast(discord: LoopbackDiscord): { servers: BroadcastServer[] } {
  return {
    servers: Array.from({ length: serverCount }, (_, index) => {
      const guild = discord.seedGuild({ name: `Server ${index + 1}` });
      return {
        guild,
        channel: discord.addChannel(guild, { name: 'quiz' }),
        admin: discord.addMember(guild, { username: `admin-${index + 1}`, permissions: ['ManageGuild'] }),
        members: Array.from({ length: membersPerServer }, (_, member) =>
          discord.addMember(guild, { username: `member-${index + 1}-${member + 1}` }),
        ),
      };
    }),
  };
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(work));
}

function isQuestion(message: LoopbackMessage): boolean {
  return message.author.bot && message.buttons.some((button) => button.customId?.includes(':answer:'));
}

function isResults(message: LoopbackMessage): boolean {
  return message.author.bot && (message.embeds[0]?.title ?? '').includes('Quiz results');
}

describe('faults from Discord during the daily broadcast', () => {
  test(`GIVEN seeded 429s, 500s, 503s and slow answers on a fifth of requests WHEN ${serverCount} servers get their question (one never accepts it), ${(serverCount - 1) * membersPerServer} members answer and the rounds close THEN every answer is stored once, every question and result is posted once or reported, and every retry is logged`, async () => {
    const world = await startWorld({
      seed: seedBroadcast,
      start: '2026-11-26T08:00:00Z',
      loopback: { recordLimit: 1_000_000 },
      botOptions: { quizCountEditIntervalMs: 3_000 },
    });
    running = world;
    const { discord, servers } = world;
    await inBatches(servers, 20, async (server) => {
      await discord.slash(
        'quiz setup',
        { channel: server.channel.id, time: '09:00', timezone: 'Europe/London' },
        { as: server.admin, channel: server.channel },
      );
    });
    const doomed = servers.at(-1) as BroadcastServer;
    const healthy = servers.slice(0, -1);
    const firstFaulted = discord.requests.length;
    const postRoute = (server: BroadcastServer) => `POST /channels/${server.channel.id}/messages`;
    for (const server of servers.slice(0, 10))
      discord.inject({ route: postRoute(server), status: 500, times: 4 });
    discord.inject({ route: postRoute(doomed), status: 503, times: Infinity });
    discord.inject({ route: 'POST /channels/:channel/messages', delayMs: 400, times: 15 });
    discord.inject({ route: 'POST /interactions/:interaction/:token/callback', delayMs: 600, times: 25 });
    discord.injectRandom({ seed: 8_128, share: 0.2, statuses: [429, 500, 503], retryAfter: 0.05 });

    await world.tick(postAt);
    const storage = createQuizStorage(world.db);
    const roundOf = (server: BroadcastServer) => storage.rounds.byDate(server.guild.id, '2026-11-26');
    for (
      let minute = 1;
      minute <= 30 && healthy.some((server) => roundOf(server)?.state !== 'open');
      minute += 1
    )
      await world.tick(postAt + minute * 60_000);
    expect(healthy.map((server) => roundOf(server)?.state)).toEqual(healthy.map(() => 'open'));
    expect(roundOf(doomed)).toMatchObject({
      state: 'posting',
      lastError: expect.stringContaining('Service Unavailable'),
    });
    const waiting = await discord.slash('quiz status', {}, { as: doomed.admin, channel: doomed.channel });
    expect(waiting.content).toContain('not posted yet; retrying');

    const chosen = new Map<string, number>();
    let failedClicks = 0;
    const pairs = healthy.flatMap((server) => server.members.map((member) => ({ server, member })));
    const answerButtons = (server: BroadcastServer) => {
      const question = discord.messagesIn(server.channel).find(isQuestion) as LoopbackMessage;
      return {
        question,
        answers: question.buttons.filter((button) => button.customId?.includes(':answer:')),
      };
    };
    await inBatches(pairs, 25, async ({ server, member }) => {
      const { question, answers } = answerButtons(server);
      const choice = Number(member.id.slice(-3)) % answers.length;
      chosen.set(member.id, choice);
      for (let attempt = 1; ; attempt += 1) {
        const reply = await discord
          .click(question, answers[choice]?.customId ?? '', { as: member })
          .catch(() => undefined);
        if (reply && /Locked in|already answered/.test(reply.content)) return;
        failedClicks += 1;
        if (attempt === 4) throw new Error(`${member.username} never got an answer`);
      }
    });
    // A second click from every tenth member, on another choice: it never counts.
    let doubleClicks = 0;
    await inBatches(
      pairs.filter((_, index) => index % 10 === 0),
      25,
      async ({ server, member }) => {
        const { question, answers } = answerButtons(server);
        const other = ((chosen.get(member.id) ?? 0) + 1) % answers.length;
        const reply = await discord
          .click(question, answers[other]?.customId ?? '', { as: member })
          .catch(() => undefined);
        doubleClicks += 1;
        if (reply) expect(reply.content).toContain('already answered');
      },
    );

    for (const server of servers.slice(10, 20))
      discord.inject({ route: postRoute(server), status: 503, times: 4 });
    await world.tick(closeAt);
    const settled = (server: BroadcastServer) => {
      const round = roundOf(server);
      return round?.state === 'closed' && round.resultsState === 'published';
    };
    for (let minute = 1; minute <= 40 && !healthy.every(settled); minute += 1)
      await world.tick(closeAt + minute * 60_000);
    discord.injectRandom(null);
    discord.clearFaults();

    for (const [index, server] of healthy.entries()) {
      const posted = discord.messagesIn(server.channel);
      expect(posted.filter(isQuestion), `questions in server ${index + 1}`).toHaveLength(1);
      expect(posted.filter(isResults), `results in server ${index + 1}`).toHaveLength(1);
      const round = roundOf(server);
      expect(round).toMatchObject({ state: 'closed', resultsState: 'published', players: membersPerServer });
      for (const member of server.members)
        expect(storage.answers.choiceOf(round?.id ?? 0, member.id)).toBe(chosen.get(member.id));
    }
    const answerRows = world.db.prepare('SELECT COUNT(*) AS total FROM quiz_answers').get() as {
      total: number;
    };
    expect(answerRows.total).toBe(pairs.length);

    expect(discord.messagesIn(doomed.channel).filter(isQuestion)).toEqual([]);
    expect(roundOf(doomed)).toMatchObject({
      state: 'failed',
      failure: expect.stringContaining('not posted before answers were due to close'),
    });
    const reported = await discord.slash('quiz status', {}, { as: doomed.admin, channel: doomed.channel });
    expect(reported.content).toContain('⚠️ failed: not posted before answers were due to close');
    expect(
      world.logs.some((line) => line.msg === 'quiz round failed' && line.guildId === doomed.guild.id),
    ).toBe(true);

    const faulted = discord.requests.slice(firstFaulted).filter((request) => request.injected);
    const byStatus = (status: number) => faulted.filter((request) => request.status === status).length;
    const retried = world.logs.filter((line) => line.msg === 'quiz question not posted yet; will retry');
    const resultRetries = world.logs.filter((line) => line.msg === 'quiz results not published');
    const guildsIn = (lines: typeof retried) => new Set(lines.map((line) => line.guildId));
    for (const server of servers.slice(0, 10)) expect(guildsIn(retried).has(server.guild.id)).toBe(true);
    for (const server of servers.slice(10, 20))
      expect(guildsIn(resultRetries).has(server.guild.id)).toBe(true);
    expect(byStatus(429) + byStatus(500) + byStatus(503)).toBeGreaterThan(100);
    const failedHandlers = world.logs.filter((line) => line.level >= 50);
    for (const line of failedHandlers) {
      expect(['interaction handler failed', 'could not answer the interaction']).toContain(line.msg);
      expect((line.err as { message?: string }).message).toMatch(/Internal Server Error|Service Unavailable/);
    }
    expect(discord.requests.filter((request) => request.status === 400)).toEqual([]);
    console.log(
      `[reliability] faults: broadcast to ${serverCount} servers and ${pairs.length} answers (+${doubleClicks} second clicks) with ${faulted.length} injected faults (${byStatus(429)} × 429, ${byStatus(500)} × 500, ${byStatus(503)} × 503) and 40 slowed requests among ${discord.requests.length - firstFaulted}; ${failedClicks} clicks failed after Discord's retries and were clicked again (${failedHandlers.length} logged); ${retried.length} question posts and ${resultRetries.length} result posts retried by the bot and logged; ${healthy.length} questions and results posted exactly once, ${answerRows.total} answers stored once each; 1 server that never accepted a post reported failed in logs and /quiz status`,
    );
  }, 120_000);
});

describe('a server whose quiz channel or debate thread refuses (403) or is gone (404)', () => {
  test('GIVEN one server answering 403 on its quiz channel and one whose channel was deleted THEN both rounds are marked failed with the reason, admins see it in /quiz status, and the third server gets its question', async () => {
    const world = await startWorld({
      seed: (discord) => ({
        servers: ['Forbidden', 'Deleted', 'Healthy'].map((name) => {
          const guild = discord.seedGuild({
            name,
            botPermissions: [
              'ViewChannel',
              'SendMessages',
              'EmbedLinks',
              'ReadMessageHistory',
              'ManageChannels',
              'UseApplicationCommands',
            ],
          });
          return {
            guild,
            channel: discord.addChannel(guild, { name: 'quiz' }),
            admin: discord.addMember(guild, {
              username: `${name.toLowerCase()}-admin`,
              permissions: ['ManageGuild'],
            }),
          };
        }),
      }),
      start: '2026-11-26T08:00:00Z',
    });
    running = world;
    const { discord } = world;
    const [forbidden, deleted, healthy] = world.servers as [
      (typeof world.servers)[number],
      (typeof world.servers)[number],
      (typeof world.servers)[number],
    ];
    for (const server of world.servers)
      await discord.slash(
        'quiz setup',
        { channel: server.channel.id, time: '09:00', timezone: 'Europe/London' },
        { as: server.admin, channel: server.channel },
      );
    discord.inject({
      route: `POST /channels/${forbidden.channel.id}/messages`,
      status: 403,
      times: Infinity,
    });
    await new REST({ api: discord.apiUrl })
      .setToken(discord.token)
      .delete(Routes.channel(deleted.channel.id));
    await world.tick(postAt);
    await world.tick(postAt + 60_000);

    const storage = createQuizStorage(world.db);
    expect(storage.rounds.byDate(forbidden.guild.id, '2026-11-26')).toMatchObject({
      state: 'failed',
      failure: expect.stringContaining('lacks a permission'),
    });
    expect(storage.rounds.byDate(deleted.guild.id, '2026-11-26')).toMatchObject({
      state: 'failed',
      failure: expect.stringContaining('no longer exists'),
    });
    expect(storage.rounds.byDate(healthy.guild.id, '2026-11-26')?.state).toBe('open');
    expect(discord.messagesIn(healthy.channel).filter(isQuestion)).toHaveLength(1);
    const failures = world.logs.filter((line) => line.msg === 'quiz round failed');
    expect(failures.map((line) => line.guildId).sort()).toEqual(
      [forbidden.guild.id, deleted.guild.id].sort(),
    );

    const status = await discord.slash(
      'quiz status',
      {},
      { as: forbidden.admin, channel: forbidden.channel },
    );
    expect(status.content).toContain('⚠️ failed');
    expect(status.content).toContain('lacks a permission');
  });

  test('GIVEN two debates WHEN one thread answers 403 and another was deleted at closing time THEN each is marked with the reason and reported in the mod log, and a third closes with its summary', async () => {
    const world = await startWorld({
      seed: (discord) => ({
        servers: ['Forbidden', 'Deleted', 'Healthy'].map((name) => {
          const guild = discord.seedGuild({ name });
          return {
            guild,
            channel: discord.addChannel(guild, { name: 'politics' }),
            modLog: discord.addChannel(guild, { name: 'mod-log' }),
            mod: discord.addMember(guild, {
              username: `${name.toLowerCase()}-mod`,
              permissions: ['ManageThreads'],
            }),
            admin: discord.addMember(guild, {
              username: `${name.toLowerCase()}-admin`,
              permissions: ['ManageGuild'],
            }),
          };
        }),
      }),
      start: Date.now(),
    });
    running = world;
    const { discord } = world;
    const threads: ChannelRef[] = [];
    for (const server of world.servers) {
      await discord.slash(
        'settings modlog',
        { channel: server.modLog.id },
        { as: server.admin, channel: server.channel },
      );
      await discord.slash(
        'debate start',
        { motion: 'Defence spending should rise', duration: '10m' },
        { as: server.mod, channel: server.channel },
      );
      threads.push(discord.threadsIn(server.channel)[0] as ChannelRef);
    }
    const [forbiddenThread, deletedThread, healthyThread] = threads as [ChannelRef, ChannelRef, ChannelRef];
    for (const route of ['* /channels/:id', '* /channels/:id/messages', '* /channels/:id/messages/:message'])
      discord.inject({ route: route.replace(':id', forbiddenThread.id), status: 403, times: Infinity });
    await new REST({ api: discord.apiUrl }).setToken(discord.token).delete(Routes.channel(deletedThread.id));
    world.clock.advance(11 * 60_000);
    await world.bot.scheduler.runDue();

    const debates = createDebateRepository(world.db);
    const forbiddenDebate = debates.findByThread(forbiddenThread.id);
    const deletedDebate = debates.findByThread(deletedThread.id);
    expect(forbiddenDebate).toMatchObject({ status: 'closed', fault: expect.stringContaining('refused') });
    expect(deletedDebate).toMatchObject({
      status: 'closed',
      fault: expect.stringContaining('no longer exists'),
    });
    expect(debates.findByThread(healthyThread.id)).toMatchObject({ status: 'closed', fault: null });
    const [forbidden, deleted, healthy] = world.servers as [
      (typeof world.servers)[number],
      (typeof world.servers)[number],
      (typeof world.servers)[number],
    ];
    for (const server of [forbidden, deleted])
      expect(
        discord.messagesIn(server.modLog).some((message) => message.content.includes('Debate problem')),
      ).toBe(true);
    expect(
      discord.messagesIn(healthyThread).some((message) => message.embeds.length > 0 && message.author.bot),
    ).toBe(true);
    expect(
      discord.messagesIn(healthy.channel).some((message) => message.content.includes('has closed')),
    ).toBe(true);
    const stats = await discord.slash('debate stats', {}, { as: forbidden.mod, channel: forbidden.channel });
    expect(JSON.stringify(stats.embeds) + stats.content).toContain('refused');
  });
});

describe('the gateway connection drops', () => {
  test('GIVEN the connection dropped WHEN a member runs a command before and after the resume THEN the session resumes, missed events are replayed and both are answered', async () => {
    const world = await startWorld({ seed: seedPolitics });
    running = world;
    const { discord, alice, channel } = world;
    const identifies = discord.gatewayEvents.filter((event) => event.kind === 'identify').length;
    expect(discord.dropConnection()).toBe(1);
    const during = discord.slash('help', {}, { as: alice, channel });
    const answeredDuring = await during;
    expect(answeredDuring.embeds.length).toBeGreaterThan(0);
    const after = await discord.slash('quiz status', {}, { as: alice, channel });
    expect(after.content).toContain('not set up');
    const resumes = discord.gatewayEvents.filter((event) => event.kind === 'resume');
    expect(resumes.some((event) => event.kind === 'resume' && event.replayed >= 1)).toBe(true);
    expect(discord.gatewayEvents.filter((event) => event.kind === 'identify')).toHaveLength(identifies);

    discord.requestReconnect();
    const afterReconnect = await discord.slash('help', {}, { as: alice, channel });
    expect(afterReconnect.embeds.length).toBeGreaterThan(0);
    expect(world.problems().filter((line) => line.level >= 50)).toEqual([]);
  });
});

describe('an interaction that cannot be answered in time (10062)', () => {
  test('GIVEN the bot stalled for more than 3 seconds after a member clicked an answer THEN the click is logged once and nothing is stored', async () => {
    const world = await startWorld({ seed: seedPolitics, start: '2026-11-26T08:00:00Z' });
    running = world;
    const { discord, admin, alice, channel } = world;
    await discord.slash(
      'quiz setup',
      { channel: channel.id, time: '09:00', timezone: 'Europe/London' },
      { as: admin, channel },
    );
    await world.tick(postAt);
    const question = discord.messagesIn(channel).find(isQuestion) as LoopbackMessage;
    const before = readStoredState(world.db);
    const firstLog = world.logs.length;
    const click = discord.click(question, 1, { as: alice }).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    const stalledUntil = Date.now() + 3_200;
    while (Date.now() < stalledUntil) {
      // The event loop is blocked, as by a long garbage collection or a starved CPU.
    }
    expect(await click).toMatch(/expired|did not acknowledge/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readStoredState(world.db)).toEqual(before);
    const lines = world.logs.slice(firstLog);
    expect(lines.filter((line) => /expired|too late/.test(line.msg))).toHaveLength(1);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    const retry = await discord.click(question, 1, { as: alice });
    expect(retry.content).toContain('Locked in');
  });
});
