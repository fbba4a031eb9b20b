import type { ChannelRef, LoopbackMessage, MemberRef, PermissionName } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type DebateServer,
  type DebateWorld,
  eventually,
  seedDebateServer,
  startDebateWorld,
} from './debate-world.js';

const minute = 60_000;
let world: DebateWorld;
let thread: ChannelRef;

beforeAll(async () => {
  world = await startDebateWorld();
});

afterAll(async () => {
  await world?.stop();
});

function modLogText(server: DebateServer = world.server): string {
  return world
    .botPosts(server.modLog)
    .map((message) => message.content)
    .join('\n');
}

async function startDebate(
  server: DebateServer,
  channel: ChannelRef,
  values: Record<string, string | number> = {},
) {
  world.waitOutCooldown();
  const reply = await world.discord.slash(
    'debate start',
    { motion: 'This house would lower the voting age to 16', ...values },
    { as: server.mod, channel },
  );
  return { reply, thread: world.newestThread(channel) };
}

async function warn(
  server: DebateServer,
  target: MemberRef,
  where: ChannelRef,
  reason: string,
): Promise<LoopbackMessage> {
  world.waitOutCooldown();
  return world.discord.slash('debate warn', { member: target, reason }, { as: server.mod, channel: where });
}

describe('moderating debates', () => {
  test('GIVEN no mod log THEN a moderator is told once where to set it, and after /settings modlog actions are posted there', async () => {
    const { admin, channel, modLog, mod } = world.server;
    const first = await startDebate(world.server, channel);
    thread = first.thread;
    expect(first.reply.content).toContain('`/settings modlog`');
    world.waitOutCooldown();
    const second = await world.discord.slash('debate slowmode', { seconds: 5 }, { as: mod, channel: thread });
    expect(second.content).not.toContain('/settings modlog');
    const set = await world.discord.slash('settings modlog', { channel: modLog }, { as: admin, channel });
    expect(set.content).toContain(`<#${modLog.id}>`);
    world.waitOutCooldown();
    await world.discord.slash('debate slowmode', { seconds: 10 }, { as: mod, channel: thread });
    expect(modLogText()).toContain('Slowmode');
    const stored = world.moderation.listLog(world.server.guild.id, 10).map((entry) => entry.action);
    expect(stored).toEqual(['slowmode', 'slowmode', 'debate-started']);
  });

  test('GIVEN a member using moderator subcommands THEN each is refused privately and the thread is unchanged', async () => {
    const { alice, channel } = world.server;
    const before = world.discord.channel(thread);
    const attempts: Array<[string, Record<string, string | number | MemberRef>, ChannelRef]> = [
      ['debate start', { motion: 'A members-only motion' }, channel],
      ['debate close', {}, thread],
      ['debate extend', { duration: '1h' }, thread],
      ['debate slowmode', { seconds: 0 }, thread],
      ['debate lock', {}, thread],
      ['debate unlock', {}, thread],
      ['debate reopen', {}, thread],
      ['debate warn', { member: world.server.bob, reason: 'no reason' }, thread],
    ];
    for (const [path, values, where] of attempts) {
      const reply = await world.discord.slash(path, values, { as: alice, channel: where });
      expect(reply.ephemeral, path).toBe(true);
      expect(reply.content, path).toMatch(/^Only moderators \(Manage Threads in this channel\) can /);
    }
    expect(world.discord.channel(thread)).toEqual(before);
    expect(world.debateIn(thread).status).toBe('open');
    expect(world.discord.threadsIn(channel)).toHaveLength(1);
  });

  test('GIVEN a moderator warning themselves or the bot THEN the warning is refused', async () => {
    const { mod } = world.server;
    const self = await warn(world.server, mod, thread, 'testing');
    expect(self.content).toBe('You cannot warn yourself.');
    const bot = world.bot.client.user?.id ?? '';
    const botWarning = await warn(world.server, { id: bot } as MemberRef, thread, 'testing');
    expect(botWarning.content).toBe('You cannot warn Roundtable.');
    expect(world.moderation.countWarnings(world.debateIn(thread).id)).toBe(0);
  });

  test('GIVEN three warnings THEN the member is told privately each time, then removed from the thread and timed out, and it is logged', async () => {
    const { bob } = world.server;
    await world.discord.postMessage(thread, bob, 'You are all wrong.');
    await eventually(
      () => world.discord.channel(thread).thread?.memberIds.includes(bob.id) === true,
      'bob in thread',
    );
    const first = await warn(world.server, bob, thread, 'Insults');
    expect(first.content).toContain('warning 1 of 3');
    expect(first.content).toContain('direct message');
    await warn(world.server, bob, thread, 'More insults');
    const third = await warn(world.server, bob, thread, 'Still insulting');
    expect(third.content).toContain('removed from the thread');
    expect(third.content).toContain('They are timed out for 1 hour, until');
    const messages = world.discord.directMessagesTo(bob).map((message) => message.content);
    expect(messages).toHaveLength(3);
    expect(messages[2]).toContain('warning 3 of 3');
    expect(messages[2]).toContain('Still insulting');
    expect(world.discord.channel(thread).thread?.memberIds).not.toContain(bob.id);
    const member = world.discord.member(bob);
    expect(member.timedOut).toBe(true);
    expect(member.timeoutUntil).toBeGreaterThan(world.clock.now() + 55 * minute);
    expect(member.timeoutUntil).toBeLessThanOrEqual(world.discord.clock.now() + 60 * minute);
    expect(await world.discord.attemptPostMessage(thread, bob, 'Let me back')).toMatchObject({ ok: false });
    const log = modLogText();
    expect(log).toMatch(/Warning\*\* for <@\d+> .*warning 3 of 3: “Still insulting\.”/);
    expect(log).toMatch(
      /Escalation\*\* for <@\d+> .*3 of 3 warnings; removed from the thread; timed out for 1 hour, until/,
    );
  });

  test('GIVEN a server whose bot lacks Moderate Members and a limit of two THEN the second warning removes the member without a timeout and says why', async () => {
    const withoutTimeouts: PermissionName[] = [
      'ViewChannel',
      'SendMessages',
      'SendMessagesInThreads',
      'EmbedLinks',
      'ReadMessageHistory',
      'CreatePublicThreads',
      'ManageThreads',
      'PinMessages',
      'UseApplicationCommands',
    ];
    const second = seedDebateServer(world.discord, 'Class_room *B*', withoutTimeouts);
    await eventually(() => world.bot.client.guilds.cache.has(second.guild.id), 'the second server');
    const setting = await world.discord.slash(
      'settings debate-warnings',
      { limit: 2, 'timeout-minutes': 30 },
      { as: second.admin, channel: second.channel },
    );
    expect(setting.content).toContain('At 2 warnings');
    const { thread: classroom } = await startDebate(second, second.channel);
    await world.discord.postMessage(classroom, second.carol, 'Nonsense.');
    await warn(second, second.carol, classroom, 'Off topic');
    const last = await warn(second, second.carol, classroom, 'Off topic again');
    expect(last.content).toContain('removed from the thread');
    expect(last.content).toContain('They were not timed out because I do not have Timeout Members');
    expect(world.discord.member(second.carol).timedOut).toBe(false);
    expect(world.discord.directMessagesTo(second.carol)[0]?.content).toContain(
      'A moderator of **Class\\_room \\*B\\*** warned you',
    );
    expect(world.discord.channel(classroom).thread?.memberIds).not.toContain(second.carol.id);
    expect(world.discord.requestsTo('PATCH /guilds/:guild/members/:user')).toHaveLength(1);
  });

  test('GIVEN the bot lacking permissions THEN /debate start and /debate slowmode name what is missing', async () => {
    const { guild, mod } = world.server;
    const locked = world.discord.addChannel(guild, {
      name: 'announcements-chat',
      deny: { bot: ['CreatePublicThreads', 'ManageThreads'] },
    });
    world.waitOutCooldown();
    const refused = await world.discord.slash(
      'debate start',
      { motion: 'Anything' },
      { as: mod, channel: locked },
    );
    expect(refused.content).toBe(
      `I need Create Public Threads and Manage Threads in <#${locked.id}>. Ask a server admin to grant them to my role there, then try again.`,
    );
    expect(world.discord.threadsIn(locked)).toHaveLength(0);
    world.discord.setChannelPermissions(world.server.channel, 'bot', { deny: ['ManageThreads'] });
    world.waitOutCooldown();
    const slowmode = await world.discord.slash(
      'debate slowmode',
      { seconds: 60 },
      { as: mod, channel: thread },
    );
    expect(slowmode.content).toBe(
      `I need Manage Threads in <#${thread.id}>. Ask a server admin to grant it to my role there, then try again.`,
    );
    expect(world.discord.channel(thread).thread?.rateLimitPerUser).toBe(10);
    world.discord.setChannelPermissions(world.server.channel, 'bot', { allow: ['ManageThreads'] });
  });

  test('GIVEN a report from the message menu THEN the reporter is thanked privately, the mod log links the message, and repeats count once', async () => {
    const { alice, carol, guild } = world.server;
    const message = await world.discord.postMessage(thread, carol, 'Everyone who disagrees is an idiot.');
    const form = await world.discord.contextMenu('Report to moderators', message, {
      as: alice,
      channel: thread,
      expect: 'modal',
    });
    const thanks = await world.discord.submitModal(form, { reason: 'Name-calling' }, { as: alice });
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toContain('Your report is with the moderators');
    expect(modLogText()).toContain(
      `[a message](https://discord.com/channels/${guild.id}/${thread.id}/${message.id}) by <@${carol.id}> in <#${thread.id}>: “Name-calling.”`,
    );
    const again = await world.discord.contextMenu('Report to moderators', message, {
      as: alice,
      channel: thread,
    });
    expect(again.content).toContain('already reported');
    const own = await world.discord.contextMenu('Report to moderators', message, {
      as: carol,
      channel: thread,
    });
    expect(own.content).toContain('cannot report your own message');
    expect(world.moderation.countReports(world.debateIn(thread).id)).toBe(1);
    expect(modLogText().match(/Report\*\*/g)).toHaveLength(1);
  });

  test('GIVEN crafted report submits naming a message in a channel the reporter cannot see THEN nothing is reported, logged or revealed', async () => {
    const { guild, alice, mod, channel } = world.server;
    const hidden = world.discord.addChannel(guild, {
      name: 'mods-only',
      deny: { everyone: ['ViewChannel'] },
      allow: { bot: ['ViewChannel', 'ReadMessageHistory', 'SendMessages'] },
    });
    world.discord.setChannelPermissions(hidden, mod, { allow: ['ViewChannel', 'SendMessages'] });
    const secret = await world.discord.postMessage(hidden, mod, 'Plans for the next ban wave.');
    const logBefore = modLogText();

    const naming = await world.discord.forgeModalSubmit(
      channel,
      { customId: `rt1:report:reason:${hidden.id}:${secret.id}`, fields: { reason: 'Probing the mod room' } },
      { as: alice },
    );
    const from = await world.discord.forgeModalSubmit(
      hidden,
      { customId: `rt1:report:reason:${secret.id}`, fields: { reason: 'Probing the mod room' } },
      { as: alice },
    );
    const elsewhere = await world.discord.forgeModalSubmit(
      channel,
      { customId: `rt1:report:reason:${secret.id}`, fields: { reason: 'Probing the mod room' } },
      { as: alice },
    );

    for (const answer of [naming, from, elsewhere]) {
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).not.toContain('Your report is with the moderators');
    }
    expect(from.content).toContain('You cannot read this channel');
    expect(elsewhere.content).toContain('That message no longer exists, or I cannot read it');
    expect(world.moderation.hasReported(secret.id, alice.id)).toBe(false);
    expect(modLogText()).toBe(logBefore);
  });

  test('GIVEN Discord refusing a debate thread (403, then 404) THEN that debate is marked with the reason for moderators and the others still close', async () => {
    const { guild, mod, alice, channel } = world.server;
    const hidden = world.discord.addChannel(guild, { name: 'side-room' });
    const { thread: hiddenThread } = await startDebate(world.server, hidden, { duration: '10m' });
    const { thread: goneThread } = await startDebate(world.server, channel, { duration: '20m' });
    world.discord.setChannelPermissions(hidden, 'bot', { deny: ['ViewChannel'] });
    world.waitOutCooldown();
    await world.discord.slash('debate close', {}, { as: mod, channel: thread });

    await world.moveAndRun(11 * minute);
    expect(world.debateIn(hiddenThread).status).toBe('closed');
    expect(world.debateIn(hiddenThread).fault).toContain('Discord refused');
    expect(world.debateIn(thread)).toMatchObject({ status: 'closed', fault: null });

    world.discord.inject({ route: 'GET /channels/:id', status: 404, times: 1 });
    await world.moveAndRun(10 * minute);
    expect(world.debateIn(goneThread).status).toBe('closed');
    expect(world.debateIn(goneThread).fault).toContain('no longer exists');
    expect(modLogText()).toMatch(
      /Debate problem\*\* in <#\d+>: Restoring slowmode and lock at the close: Discord refused/,
    );
    expect(world.debates.listUnfinished()).toEqual([]);

    world.waitOutCooldown();
    const forModerators = await world.discord.slash('debate stats', {}, { as: mod, channel });
    const text = JSON.stringify(forModerators.embeds[0]);
    expect(text).toContain('Debates with problems');
    expect(text).toContain(`<#${hiddenThread.id}>`);
    expect(text).toContain(`<#${goneThread.id}>`);
    const forMembers = await world.discord.slash('debate stats', {}, { as: alice, channel });
    expect(JSON.stringify(forMembers.embeds[0])).not.toContain('Debates with problems');
  });

  test('GIVEN everything above THEN the bot logged no error', () => {
    expect(world.problems().filter((line) => line.level >= 50)).toEqual([]);
  });
});
