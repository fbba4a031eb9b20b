import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type QuizServer, type QuizWorld, startQuizWorld } from './quiz-world.js';

let world: QuizWorld;

beforeAll(async () => {
  world = await startQuizWorld({ servers: 2 });
});

afterAll(async () => {
  await world?.stop();
});

const seconds = (iso: string) => Date.parse(iso) / 1000;

const adminSubcommands = [
  '/quiz setup',
  '/quiz settings',
  '/quiz pause',
  '/quiz resume',
  '/quiz export',
  '/quiz remove-scores',
];

/** The `/help` entries in each section of the first page, by section name. */
function helpSections(reply: LoopbackMessage): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  for (const field of reply.embeds[0]?.fields ?? []) {
    const usages = [...field.value.matchAll(/\*\*(\/[^*]+)\*\*/g)].map((match) => match[1] ?? '');
    sections.set(field.name, [...(sections.get(field.name) ?? []), ...usages]);
  }
  return sections;
}

function config() {
  const read = world.storage.configs.get(world.server.guild.id);
  if (read.kind !== 'ok') throw new Error(`no quiz config: ${read.kind}`);
  return read.config;
}

describe('the quiz for a newcomer', () => {
  test('GIVEN a member without permissions THEN /help lists the quiz commands they may use and no admin one; an admin sees those under “For admins”', async () => {
    const { discord, server } = world;
    const member = helpSections(
      await discord.slash('help', {}, { as: server.alice, channel: server.channel }),
    );
    const listed = [...member.values()].flat();
    expect(listed).toEqual(expect.arrayContaining(['/quiz status', '/quiz join', '/quiz leaderboard']));
    for (const usage of adminSubcommands) expect(listed).not.toContain(usage);
    expect(member.has('For admins')).toBe(false);

    const admin = helpSections(
      await discord.slash('help', {}, { as: server.admin, channel: server.channel }),
    );
    expect(admin.get('For admins')).toEqual(expect.arrayContaining(adminSubcommands));
    expect(admin.get('Commands')).not.toContain('/quiz setup');
  });

  test('GIVEN no quiz yet WHEN an admin runs /quiz settings THEN it refuses plainly and points to /quiz setup', async () => {
    const { discord, server } = world;
    const reply = await discord.slash(
      'quiz settings',
      { time: '10:00' },
      { as: server.admin, channel: server.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('not set up');
    expect(reply.content).toContain('`/quiz setup`');
    expect(world.storage.configs.get(server.guild.id)).toEqual({ kind: 'none' });
  });

  test('GIVEN a quiz without a ping role WHEN a member joins THEN the hint names /quiz settings ping-role:', async () => {
    const { discord, server } = world;
    await world.setUp(server);
    const join = await discord.slash('quiz join', {}, { as: server.alice, channel: server.channel });
    expect(join.content).toContain('`/quiz settings ping-role:`');
    expect(join.content).not.toContain('/quiz setup');
  });

  test('GIVEN /quiz settings THEN members are refused and each option is checked as setup checks it', async () => {
    const { discord, server } = world;
    const before = config();
    const asAdmin = (values: Record<string, string | number | boolean>) =>
      discord.slash('quiz settings', values, { as: server.admin, channel: server.channel });

    const byMember = await discord.slash(
      'quiz settings',
      { time: '10:00' },
      { as: server.alice, channel: server.channel },
    );
    expect(byMember.content).toContain('Manage Server');
    expect((await asAdmin({ time: '25:00' })).content).toContain('HH:MM');
    expect((await asAdmin({ timezone: 'Tokyo' })).content).toContain('Asia/Tokyo');
    expect((await asAdmin({ timezone: '+09:00' })).content).toContain('offset');
    const noEmbeds = discord.addChannel(server.guild, { name: 'no-embeds', deny: { bot: ['EmbedLinks'] } });
    expect((await asAdmin({ channel: noEmbeds.id })).content).toContain('Embed Links');
    expect((await asAdmin({ 'ping-role': server.guild.everyoneRoleId })).content).toContain('@everyone');
    expect((await asAdmin({ 'ping-role': server.role.id, 'remove-ping-role': true })).content).toContain(
      'not both',
    );
    expect((await asAdmin({})).content).toContain('at least one setting');
    expect(config()).toEqual(before);

    const choices = await discord.autocomplete('quiz settings', 'timezone', 'new_y', {
      as: server.admin,
      channel: server.channel,
    });
    expect(choices.map((choice) => choice.value)).toContain('America/New_York');
  });

  test('GIVEN /quiz settings ping-role: alone THEN only the ping role changes and members can join', async () => {
    const { discord, server } = world;
    const before = config();
    const reply = await discord.slash(
      'quiz settings',
      { 'ping-role': server.role.id },
      { as: server.admin, channel: server.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`<@&${server.role.id}>`);
    expect(reply.content).toContain(`<t:${seconds('2026-11-25T09:00:00Z')}:F>`);
    expect(config()).toEqual({ ...before, pingRoleId: server.role.id, updatedAt: expect.any(Number) });
    const join = await discord.slash('quiz join', {}, { as: server.alice, channel: server.channel });
    expect(join.content).toContain('You will be pinged');
  });

  test('GIVEN /quiz settings time: alone THEN the next question moves and the channel, zone and role stay', async () => {
    const { discord, server } = world;
    const before = config();
    const reply = await discord.slash(
      'quiz settings',
      { time: '10:30' },
      { as: server.admin, channel: server.channel },
    );
    expect(reply.content).toContain('**10:30** Europe/London');
    expect(reply.content).toContain(`<t:${seconds('2026-11-25T10:30:00Z')}:F>`);
    expect(config()).toMatchObject({
      channelId: before.channelId,
      timeZone: 'Europe/London',
      durationMinutes: before.durationMinutes,
      pingRoleId: server.role.id,
      postTime: '10:30',
    });
    await world.tick('2026-11-25T09:00:00Z');
    expect(world.posts(server)).toHaveLength(0);
    await world.tick('2026-11-25T10:30:00Z');
    expect(world.posts(server)).toHaveLength(1);
    expect(world.posts(server)[0]?.pings.roles).toEqual([server.role.id]);
  });

  test('GIVEN a member who already gets pings WHEN they press 🔔 again THEN they keep the pings and get a separate stop button', async () => {
    const { discord } = world;
    const server = world.servers[1] as QuizServer;
    await world.setUp(server, { time: '11:00', 'ping-role': server.role.id });
    await world.tick('2026-11-25T11:00:00Z');
    const question = world.posts(server)[0] as LoopbackMessage;
    const joined = await discord.click(question, 'Ping me for the daily quiz', { as: server.bob });
    expect(joined.ephemeral).toBe(true);
    expect(joined.content).toContain('You will be pinged');
    expect(discord.member(server.bob).roleIds).toContain(server.role.id);

    const again = await discord.click(question, 'Ping me for the daily quiz', { as: server.bob });
    expect(again.ephemeral).toBe(true);
    expect(again.content).toContain('You already get pings');
    expect(again.content).not.toContain('no longer');
    expect(discord.member(server.bob).roleIds).toContain(server.role.id);
    expect(again.buttons.map((button) => button.label)).toEqual(['Stop pinging me']);

    const stopped = await discord.click(again, 'Stop pinging me', { as: server.bob });
    expect(stopped.content).toContain('no longer be pinged');
    expect(stopped.buttons).toEqual([]);
    expect(discord.member(server.bob).roleIds).not.toContain(server.role.id);

    await discord.slash('quiz join', {}, { as: server.alice, channel: server.channel });
    const viaJoin = await discord.slash('quiz join', {}, { as: server.alice, channel: server.channel });
    expect(viaJoin.content).toContain('You already get pings');
    expect(viaJoin.buttons.map((button) => button.label)).toEqual(['Stop pinging me']);
    expect(discord.member(server.alice).roleIds).toContain(server.role.id);
  });

  test('GIVEN an open round THEN /quiz status says when its answers close, and dates it like every other quiz message', async () => {
    const { discord } = world;
    const server = world.servers[1] as QuizServer;
    const status = await discord.slash('quiz status', {}, { as: server.alice, channel: server.channel });
    expect(status.content).toContain(
      `Latest round (25 November 2026): open, answers close <t:${seconds('2026-11-25T23:00:00Z')}:R>`,
    );
    expect(status.content).not.toContain('until <t:');
    expect(status.content).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(world.posts(server)[0]?.embeds[0]?.title).toBe('Daily quiz · 25 November 2026');
  });

  test('GIVEN a paused quiz THEN only admins are told to resume it', async () => {
    const { discord, server } = world;
    await discord.slash('quiz pause', {}, { as: server.admin, channel: server.channel });
    const member = await discord.slash('quiz status', {}, { as: server.alice, channel: server.channel });
    expect(member.content).toContain('none while the quiz is paused');
    expect(member.content).not.toContain('/quiz');
    const admin = await discord.slash('quiz status', {}, { as: server.admin, channel: server.channel });
    expect(admin.content).toContain('`/quiz resume`');

    const changed = await discord.slash(
      'quiz settings',
      { duration: 2 },
      { as: server.admin, channel: server.channel },
    );
    expect(changed.content).toContain('answers open for 2 hours');
    expect(changed.content).toContain('paused');
    expect(config()).toMatchObject({ paused: true, durationMinutes: 120, postTime: '10:30' });
    await discord.slash('quiz resume', {}, { as: server.admin, channel: server.channel });
  });

  test('GIVEN /quiz settings remove-ping-role: THEN the quiz stops pinging and join says there is no ping role', async () => {
    const { discord, server } = world;
    const reply = await discord.slash(
      'quiz settings',
      { 'remove-ping-role': true },
      { as: server.admin, channel: server.channel },
    );
    expect(reply.content).toContain('No ping role');
    expect(config().pingRoleId).toBeNull();
    const join = await discord.slash('quiz join', {}, { as: server.carol, channel: server.channel });
    expect(join.content).toContain('no ping role');
  });
});

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

describe('a question that could not be posted', () => {
  test('GIVEN a round failed for a missing permission WHEN the admin fixes it and runs the /quiz settings channel: that status names THEN the question goes out', async () => {
    const local = await startQuizWorld();
    try {
      const { discord, server } = local;
      await local.setUp(server);
      discord.setChannelPermissions(server.channel, 'bot', { deny: ['SendMessages'] });
      await waitUntil(() => !botCanSend(local, server));
      await local.tick('2026-11-25T09:00:00Z');
      expect(local.storage.rounds.byDate(server.guild.id, '2026-11-25')?.state).toBe('failed');
      const status = await discord.slash('quiz status', {}, { as: server.admin, channel: server.channel });
      expect(status.content).toContain('`/quiz settings channel:`');
      const stillDenied = await discord.slash(
        'quiz settings',
        { channel: server.channel.id },
        { as: server.admin, channel: server.channel },
      );
      expect(stillDenied.content).toContain('Send Messages');

      discord.setChannelPermissions(server.channel, 'bot', { allow: ['SendMessages'] });
      await waitUntil(() => botCanSend(local, server));
      const reply = await discord.slash(
        'quiz settings',
        { channel: server.channel.id },
        { as: server.admin, channel: server.channel },
      );
      expect(reply.content).toContain('could not be posted, goes out within a minute');
      await local.tick('2026-11-25T09:05:00Z');
      expect(local.posts(server)).toHaveLength(1);
      expect(local.storage.rounds.byDate(server.guild.id, '2026-11-25')?.state).toBe('open');
    } finally {
      await local.stop();
    }
  });
});
