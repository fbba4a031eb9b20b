import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LoopbackDiscord, LoopbackMessage } from '@roundtable/loopback-discord';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createDebateRepository,
  type DebateRepository,
} from '../../src/features/debate/storage/repository.js';
import { createQuizStorage } from '../../src/features/quiz/storage/index.js';
import { seedPolitics, startWorld, type World } from '../support/harness.js';
import { readStoredState } from './support/stored-state.js';

function seedTwoServers(discord: LoopbackDiscord) {
  const home = seedPolitics(discord);
  const otherGuild = discord.seedGuild({ name: 'Other' });
  const other = {
    guild: otherGuild,
    channel: discord.addChannel(otherGuild, { name: 'politics' }),
    quiz: discord.addChannel(otherGuild, { name: 'quiz' }),
    mod: discord.addMember(otherGuild, { username: 'other-mod', permissions: ['ManageThreads'] }),
    admin: discord.addMember(otherGuild, { username: 'other-admin', permissions: ['ManageGuild'] }),
    dave: discord.addMember(otherGuild, { username: 'dave' }),
  };
  const quiz = discord.addChannel(home.guild, { name: 'quiz' });
  return { ...home, quiz, other };
}

type SecurityWorld = World<ReturnType<typeof seedTwoServers>>;
let world: SecurityWorld;
/** The debate tables of the world's database. */
let debates: DebateRepository;

beforeAll(async () => {
  world = await startWorld({ seed: seedTwoServers, start: '2026-11-26T08:00:00Z' });
  debates = createDebateRepository(world.db);
  const { discord, admin, quiz, other } = world;
  await discord.slash(
    'quiz setup',
    { channel: quiz.id, time: '09:00', timezone: 'Europe/London' },
    { as: admin, channel: quiz },
  );
  await discord.slash(
    'quiz setup',
    { channel: other.quiz.id, time: '09:00', timezone: 'Europe/London' },
    { as: other.admin, channel: other.quiz },
  );
  await world.tick('2026-11-26T09:00:00Z');
}, 30_000);

afterAll(async () => {
  await world?.stop();
});

function questionIn(channel: { id: string }): LoopbackMessage {
  const question = world.discord
    .messagesIn(channel as never)
    .find((message) => message.buttons.some((button) => button.customId?.includes(':answer:')));
  if (!question) throw new Error('no question');
  return question;
}

function answerIds(message: LoopbackMessage): string[] {
  return message.buttons.flatMap((button) =>
    button.customId?.includes(':answer:') ? [button.customId] : [],
  );
}

describe('moderator and admin actions are checked at run time', () => {
  test('GIVEN an admin lets everyone use /settings (command permissions overridden) WHEN a member sets the mod log THEN the bot refuses and stores nothing', async () => {
    const { discord, alice, channel, guild } = world;
    const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
    const registered = discord.registeredCommands().find((command) => command.name === 'settings') as {
      id: string;
    };
    await rest.patch(Routes.applicationCommand(discord.applicationId, registered.id), {
      body: { default_member_permissions: null },
    });
    try {
      const before = readStoredState(world.db);
      const reply = await discord.slash('settings modlog', { channel: channel.id }, { as: alice, channel });
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toContain('Only server admins');
      expect(readStoredState(world.db)).toEqual(before);
      expect(world.bot.context.settings.get(guild.id).modLogChannelId).toBeUndefined();
    } finally {
      await rest.patch(Routes.applicationCommand(discord.applicationId, registered.id), {
        body: { default_member_permissions: '32' },
      });
    }
  });

  test('GIVEN a moderator denied Manage Threads in one channel by an overwrite WHEN they start or close a debate there THEN the bot refuses, though their role allows it elsewhere', async () => {
    const { discord, mod, channel, guild } = world;
    const elsewhere = discord.addChannel(guild, { name: 'elsewhere' });
    await discord.slash(
      'debate start',
      { motion: 'Overwrites are respected', duration: '1h' },
      { as: mod, channel: elsewhere },
    );
    const thread = discord.threadsIn(elsewhere)[0];
    expect(thread).toBeDefined();
    discord.setChannelPermissions(channel, mod, { deny: ['ManageThreads'] });
    discord.setChannelPermissions(elsewhere, mod, { deny: ['ManageThreads'] });
    try {
      const before = readStoredState(world.db);
      const start = await discord.slash('debate start', { motion: 'Not here' }, { as: mod, channel });
      expect(start.content).toContain('Only moderators');
      const close = await discord.slash('debate close', {}, { as: mod, channel: thread as never });
      expect(close.content).toContain('Only moderators');
      expect(discord.threadsIn(channel)).toEqual([]);
      expect(readStoredState(world.db)).toEqual(before);
      expect(debates.findByThread(thread?.id ?? '')?.status).toBe('open');
    } finally {
      discord.setChannelPermissions(channel, mod, {});
      discord.setChannelPermissions(elsewhere, mod, {});
    }
  });

  test('GIVEN members without Manage Server WHEN they run every admin quiz subcommand THEN each is refused and nothing changes', async () => {
    const { discord, bob, quiz, alice } = world;
    const before = readStoredState(world.db);
    for (const [path, values] of [
      ['quiz setup', { channel: quiz.id, time: '10:00', timezone: 'Asia/Tokyo' }],
      ['quiz pause', {}],
      ['quiz resume', {}],
      ['quiz export', {}],
      ['quiz remove-scores', { member: alice.id }],
    ] as const) {
      const reply = await discord.slash(path, values, { as: bob, channel: quiz });
      expect(reply.ephemeral, path).toBe(true);
      expect(reply.content, path).toContain('Manage Server');
    }
    expect(readStoredState(world.db)).toEqual(before);
  });
});

describe('crafted ids cannot act for others or across servers', () => {
  test('GIVEN a member who crafts an answer id naming another member THEN it is refused and only their own click ever counts for them', async () => {
    const { discord, alice, bob, quiz } = world;
    const question = questionIn(quiz);
    const [first] = answerIds(question) as [string];
    const crafted = await discord.forgeComponent(question, { customId: `${first}:${alice.id}` }, { as: bob });
    expect((crafted as LoopbackMessage).content).toContain('do not recognise');
    const storage = createQuizStorage(world.db);
    const round = storage.rounds.byDate(world.guild.id, '2026-11-26');
    expect(storage.answers.choiceOf(round?.id ?? 0, alice.id)).toBeUndefined();
    expect(storage.answers.choiceOf(round?.id ?? 0, bob.id)).toBeUndefined();
  });

  test("GIVEN a member who clicks another server's answer id THEN it is refused and neither server's answers change", async () => {
    const { discord, carol, quiz, other } = world;
    const foreign = answerIds(questionIn(other.quiz))[0] as string;
    const before = readStoredState(world.db);
    const reply = (await discord.forgeComponent(
      questionIn(quiz),
      { customId: foreign },
      { as: carol },
    )) as LoopbackMessage;
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('another server');
    expect(readStoredState(world.db)).toEqual(before);
  });

  test("GIVEN a member who rewrites the owner in a page button of another member's /summary THEN the summary is unchanged and they get a private copy", async () => {
    const { discord, alice, bob, channel } = world;
    world.clock.advance(60_000);
    const summary = await discord.slash(
      'summary',
      { story: 'us-japan-alliance', length: 'full' },
      { as: alice, channel },
    );
    const next = summary.buttons.find((button) => button.label === 'Next')?.customId as string;
    const parts = next.split(':');
    parts[5] = bob.id;
    const reply = (await discord.forgeComponent(
      summary,
      { customId: parts.join(':') },
      { as: bob },
    )) as LoopbackMessage;
    expect(reply.ephemeral).toBe(true);
    expect(reply.id).not.toBe(summary.id);
    expect(discord.message(summary.id)?.editedAt).toBe(summary.editedAt);
    const practice = await discord.forgeComponent(
      summary,
      { customId: 'rt1:quiz:practice-next:us-japan-alliance' },
      { as: bob },
    );
    expect((practice as LoopbackMessage).ephemeral).toBe(true);
    expect(discord.message(summary.id)?.embeds).toEqual(summary.embeds);
  });

  test("GIVEN a moderator who crafts a stance id for another server's debate and a report of another server's message THEN both are refused and nothing is stored", async () => {
    const { discord, mod, channel, other } = world;
    world.clock.advance(60_000);
    await discord.slash(
      'debate start',
      { motion: 'Theirs, not ours', duration: '2h' },
      { as: other.mod, channel: other.channel },
    );
    const theirThread = discord.threadsIn(other.channel)[0];
    const theirCard = discord.messagesIn(theirThread as never).find((message) => message.buttons.length > 0);
    const theirStance = theirCard?.buttons[0]?.customId as string;
    const theirMessage = discord.postMessage(theirThread as never, other.dave, 'A point worth reporting?');
    const theirDebate = debates.findByThread(theirThread?.id ?? '');
    for (let waited = 0; waited < 2_000; waited += 10) {
      if (debates.listMessageTallies(theirDebate?.id ?? 0).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const before = readStoredState(world.db);
    const chatter = discord.postMessage(channel, mod, 'Where are we?');
    const stance = (await discord.forgeComponent(
      chatter,
      { customId: theirStance },
      { as: mod },
    )) as LoopbackMessage;
    expect(stance.content).toContain('no longer exists');
    const report = await discord.forgeModalSubmit(
      channel,
      {
        customId: `rt1:report:reason:${theirMessage.id}`,
        fields: { reason: 'crafted report' },
      },
      { as: mod },
    );
    expect(report.ephemeral).toBe(true);
    expect(report.content).toContain('no longer exists, or I cannot read it');
    const stats = await discord.slash('debate stats', { member: other.dave.id }, { as: mod, channel });
    expect(JSON.stringify(stats)).not.toContain('Theirs, not ours');
    expect(readStoredState(world.db)).toEqual(before);
    expect(debates.findByThread(theirThread?.id ?? '')?.status).toBe('open');
  });

  test("GIVEN scored answers in another server WHEN a member asks for that server's member's stats or the leaderboard THEN nothing of the other server is shown", async () => {
    const { discord, carol, quiz, other } = world;
    await discord.click(questionIn(other.quiz), 1, { as: other.dave });
    await world.tick('2026-11-26T21:00:00Z');
    const theirs = await discord.slash('quiz stats', {}, { as: other.dave, channel: other.quiz });
    expect(JSON.stringify(theirs)).toMatch(/Answered[^0-9]*1/i);
    const stats = await discord.slash('quiz stats', { member: other.dave.id }, { as: carol, channel: quiz });
    expect(stats.content).toContain('has not answered a daily question in this server yet');
    const leaderboard = await discord.slash('quiz leaderboard', {}, { as: carol, channel: quiz });
    expect(leaderboard.embeds[0]?.description).toContain('Nobody has scored in this period yet');
    expect(JSON.stringify(leaderboard)).not.toContain(other.dave.id);
  });
});

describe('per-member rate limiting of commands that post publicly', () => {
  test('GIVEN a member who spams each public reading command five times in a row THEN each posts once and the rest get a polite private cool-down message', async () => {
    const { discord, carol, channel } = world;
    for (const [path, values] of [
      ['summary', { story: 'us-japan-alliance' }],
      ['timeline', { story: 'us-japan-alliance' }],
      ['factcheck', { story: 'japan-defence-buildup' }],
      ['debate prompt', {}],
    ] as const) {
      const before = discord.messagesIn(channel).filter((message) => message.author.bot).length;
      const replies = [];
      for (let attempt = 0; attempt < 5; attempt += 1)
        replies.push(await discord.slash(path, values, { as: carol, channel }));
      expect(replies[0]?.ephemeral, path).toBe(false);
      for (const reply of replies.slice(1)) {
        expect(reply.ephemeral, path).toBe(true);
        expect(reply.content, path).toMatch(/Slow down a little.*<t:\d+:R>/);
      }
      expect(discord.messagesIn(channel).filter((message) => message.author.bot).length - before, path).toBe(
        1,
      );
    }
  });
});

describe('the token never leaks', () => {
  test('GIVEN everything logged by this suite THEN the bot token appears nowhere', () => {
    expect(JSON.stringify(world.logs)).not.toContain(world.discord.token);
  });

  test("GIVEN an answer Discord refuses with 500s until the client gives up THEN the failure is logged without the interaction's token", async () => {
    const { discord, bob, channel } = world;
    const firstLog = world.logs.length;
    discord.inject({ route: 'POST /interactions/:interaction/:token/callback', status: 500, times: 8 });
    await discord.slash('help', {}, { as: bob, channel }).catch(() => undefined);
    discord.clearFaults();
    const callbacks = discord.requestsTo('POST /interactions/:interaction/:token/callback').slice(-4);
    const token = callbacks[0]?.path.split('/').at(-2) ?? '';
    expect(token.length).toBeGreaterThan(20);
    const logged = JSON.stringify(world.logs.slice(firstLog));
    expect(logged).toContain('interaction handler failed');
    expect(logged).toContain('/callback');
    expect(logged).not.toContain(token);
  });

  test('GIVEN the production entry point started with a token Discord refuses THEN it exits with an error that never shows the token', async () => {
    const discord = await startLoopbackDiscord();
    const token = `leak-check-${randomBytes(20).toString('hex')}`;
    try {
      const output: string[] = [];
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
          env: {
            PATH: process.env.PATH ?? '',
            DISCORD_TOKEN: token,
            DISCORD_API_URL: discord.apiUrl,
            DATABASE_PATH: ':memory:',
            LOG_LEVEL: 'debug',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      const text = output.join('');
      expect(code).not.toBe(0);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.slice(0, 24));
    } finally {
      await discord.close();
    }
  }, 30_000);
});

describe('the Docker image', () => {
  test('GIVEN the Dockerfile THEN its final stage runs as a non-root user and copies no .env, and .dockerignore keeps .env files and data out of the build', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const stages = dockerfile.split(/^FROM /m);
    const final = stages.at(-1) ?? '';
    const users = [...final.matchAll(/^USER\s+(\S+)/gm)].map((match) => match[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(final.indexOf('USER')).toBeLessThan(final.search(/^CMD/m));
    expect(dockerfile).not.toMatch(/^(COPY|ADD)\s.*\.env\b/m);
    expect(final).not.toMatch(/^COPY\s+\.\s/m);
    const ignored = readFileSync('.dockerignore', 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toContain('.env');
    expect(ignored).toContain('.env.*');
    expect(ignored).toContain('data');
    expect(ignored).toContain('*.db');
  });
});
