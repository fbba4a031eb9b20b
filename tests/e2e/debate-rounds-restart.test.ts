import type { ChannelRef } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DebateWorld, eventually, seedDebateServer, startDebateWorld } from './debate-world.js';

const minute = 60_000;
let world: DebateWorld;

beforeAll(async () => {
  world = await startDebateWorld();
});

afterAll(async () => {
  await world?.stop();
});

function roundAnnouncements(thread: ChannelRef): string[] {
  return world
    .botPosts(thread)
    .map((message) => message.content)
    .filter((content) => content.startsWith('**Round'));
}

function results(channel: ChannelRef) {
  return world.botPosts(channel).filter((message) => message.embeds[0]?.title === 'Debate result');
}

async function start(values: Record<string, string | number>): Promise<ChannelRef> {
  world.waitOutCooldown();
  const { mod, channel } = world.server;
  await world.discord.slash('debate start', values, { as: mod, channel });
  return world.newestThread(channel);
}

describe('rounds and closing on schedule', () => {
  test('GIVEN a rounds debate THEN each round is announced once, on time, as the clock moves, and the debate closes at its time', async () => {
    const prompt = world.content.getDebatePrompt('usj-db-host-nation-support');
    const thread = await start({ motion: 'usj-db-host-nation-support', duration: '90m', format: 'rounds' });
    const card = world.botPosts(thread)[0];
    expect(card?.embeds[0]?.description).toContain(prompt?.context.slice(0, 40));
    expect(JSON.stringify(card?.embeds[0])).toContain('Three timed rounds');
    expect(roundAnnouncements(thread)).toEqual([expect.stringContaining('Round 1 of 3: Opening statements')]);

    await world.moveAndRun(29 * minute);
    expect(roundAnnouncements(thread)).toHaveLength(1);
    await world.moveAndRun(1 * minute);
    expect(roundAnnouncements(thread)[1]).toContain('Round 2 of 3: Rebuttals');
    await world.moveAndRun(1 * minute);
    expect(roundAnnouncements(thread)).toHaveLength(2);
    await world.moveAndRun(29 * minute);
    expect(roundAnnouncements(thread)[2]).toContain('Round 3 of 3: Closing statements');
    expect(results(thread)).toHaveLength(0);
    await world.moveAndRun(30 * minute);
    expect(roundAnnouncements(thread)).toHaveLength(3);
    expect(world.debateIn(thread).status).toBe('closed');
    expect(results(thread)).toHaveLength(1);
    expect(JSON.stringify(results(thread)[0]?.embeds[0])).toContain(', at its closing time.');
    await world.moveAndRun(1 * minute);
    expect(results(thread)).toHaveLength(1);
  });

  test('GIVEN the bot offline through two rounds THEN at start-up only the current round is announced', async () => {
    const thread = await start({
      motion: 'This house would hold a referendum on the alliance',
      duration: '90m',
      format: 'rounds',
    });
    await world.stopBot();
    world.move(65 * minute);
    await world.startBot();
    const announced = roundAnnouncements(thread);
    expect(announced).toHaveLength(2);
    expect(announced[1]).toContain('Round 3 of 3');
    const rounds = world.debates.listRounds(world.debateIn(thread).id);
    expect(rounds.every((round) => round.announcedAt !== null)).toBe(true);
  });

  test('GIVEN a debate whose closing time passed while the bot was down THEN it closes at start-up, restores slowmode and posts the summary once', async () => {
    const thread = await start({
      motion: 'This house would scrap the defence budget rise',
      duration: '30m',
      slowmode: 15,
    });
    expect(world.discord.channel(thread).thread?.rateLimitPerUser).toBe(15);
    const debate = world.debateIn(thread);
    await world.stopBot();
    world.move(3 * 60 * minute);
    expect(world.debateIn(thread).status).toBe('open');
    await world.startBot();
    expect(world.debateIn(thread)).toMatchObject({
      status: 'closed',
      closedAt: debate.closesAt,
      closedBy: null,
    });
    expect(world.discord.channel(thread).thread?.rateLimitPerUser).toBe(0);
    expect(results(thread)).toHaveLength(1);
    expect(JSON.stringify(results(thread)[0]?.embeds[0])).toContain('It ran for 30 minutes.');
    expect(results(world.server.channel).length).toBeGreaterThanOrEqual(1);
    await world.stopBot();
    await world.startBot();
    expect(results(thread)).toHaveLength(1);
  });

  test('GIVEN a debate closed, reopened and closed again within a minute THEN each close posts its own result in the thread and the channel', async () => {
    const { mod, channel } = world.server;
    const thread = await start({ motion: 'This house would move the capital', duration: '1h' });
    const inChannel = results(channel).length;
    world.waitOutCooldown();
    await world.discord.slash('debate close', { reason: 'first close' }, { as: mod, channel: thread });
    world.waitOutCooldown();
    await world.discord.slash('debate reopen', {}, { as: mod, channel: thread });
    world.waitOutCooldown();
    await world.discord.slash('debate close', { reason: 'second close' }, { as: mod, channel: thread });

    const posted = results(thread).map((message) => JSON.stringify(message.embeds[0]));
    expect(posted).toHaveLength(2);
    expect(posted[0]).toContain('first close');
    expect(posted[1]).toContain('second close');
    const announced = results(channel).slice(inChannel);
    expect(announced.map((message) => JSON.stringify(message.embeds[0]))).toEqual([
      expect.stringContaining('first close'),
      expect.stringContaining('second close'),
    ]);
  });
});

describe('servers side by side', () => {
  test('GIVEN one server whose debate thread answers slowly THEN another server has its rounds announced and its debate closed without waiting', async () => {
    const other = seedDebateServer(world.discord, 'Other');
    await eventually(() => world.bot.client.guilds.cache.has(other.guild.id), 'the other server');
    const slow = await start({ motion: 'This house would slow down', duration: '90m', format: 'rounds' });
    await world.discord.slash(
      'debate start',
      { motion: 'This house would hurry up', duration: '90m', format: 'rounds' },
      { as: other.mod, channel: other.channel },
    );
    const fast = world.newestThread(other.channel);
    const isResult = (message: { embeds: Array<{ title?: string }> }) =>
      message.embeds[0]?.title === 'Debate result';

    world.move(30 * minute);
    world.discord.inject({ route: `POST /channels/${slow.id}/messages`, delayMs: 1_500 });
    const announcing = world.bot.scheduler.runDue();
    await world.discord.waitForMessage(fast, (message) => message.content.startsWith('**Round 2'));
    expect(roundAnnouncements(slow)).toHaveLength(1);
    await announcing;
    expect(roundAnnouncements(slow)[1]).toContain('Round 2 of 3');

    await world.moveAndRun(30 * minute);
    expect(roundAnnouncements(fast)).toHaveLength(3);
    world.move(30 * minute);
    world.discord.inject({ route: `GET /channels/${slow.id}`, delayMs: 1_500 });
    const closing = world.bot.scheduler.runDue();
    await world.discord.waitForMessage(fast, isResult);
    expect(results(slow)).toHaveLength(0);
    await closing;
    expect(results(slow)).toHaveLength(1);
    expect(world.problems().filter((line) => line.level >= 50)).toEqual([]);
  });
});
