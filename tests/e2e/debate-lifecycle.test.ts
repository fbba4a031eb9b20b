import type { ChannelRef, LoopbackMessage } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DebateWorld, eventually, startDebateWorld } from './debate-world.js';

let world: DebateWorld;
let thread: ChannelRef;

beforeAll(async () => {
  world = await startDebateWorld();
  const { admin, channel, modLog } = world.server;
  await world.discord.slash('settings modlog', { channel: modLog }, { as: admin, channel });
});

afterAll(async () => {
  await world?.stop();
});

function card(): LoopbackMessage {
  const first = world.botPosts(thread).find((message) => message.embeds[0]?.title?.startsWith('Debate'));
  if (!first) throw new Error('no opening card');
  return first;
}

function modLogText(): string {
  return world
    .botPosts(world.server.modLog)
    .map((message) => message.content)
    .join('\n');
}

function tallies() {
  return world.debates.listMessageTallies(world.debateIn(thread).id);
}

describe('a debate from start to summary', () => {
  test('GIVEN a moderator starting a debate with slowmode THEN a thread named after the motion opens with a pinned card, slowmode and a private confirmation', async () => {
    const { mod, channel, alice } = world.server;
    const reply = await world.discord.slash(
      'debate start',
      { motion: 'This house would abolish @everyone **tax**', duration: '2h', slowmode: 30 },
      { as: mod, channel },
    );
    thread = world.newestThread(channel);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`Debate started in <#${thread.id}>`);
    const view = world.discord.channel(thread);
    expect(view.thread?.rateLimitPerUser).toBe(30);
    expect(view.name).toContain('This house would abolish');
    expect(view.name).not.toMatch(/@everyone/);
    const opening = card();
    expect(opening.pinned).toBe(true);
    expect(opening.buttons.map((button) => button.label)).toEqual(['For', 'Against', 'Undecided']);
    expect(opening.embeds[0]?.description).toContain('\\*\\*tax\\*\\*');
    expect(opening.pings).toEqual({ users: [], roles: [], everyone: false });
    const closesAt = world.debateIn(thread).closesAt;
    expect(JSON.stringify(opening.embeds[0])).toContain(`<t:${Math.floor(closesAt / 1000)}:F>`);
    expect(modLogText()).toContain('Debate started');

    await world.discord.postMessage(thread, alice, 'Taxes pay for everything we share.');
    const second = await world.discord.attemptPostMessage(thread, alice, 'And another thing.');
    expect(second).toMatchObject({ ok: false, refusal: 'slowmode' });
  });

  test('GIVEN several members clicking stances THEN the first click is each opening stance and later clicks change it, answered privately', async () => {
    const { alice, bob, carol } = world.server;
    const opening = card();
    const aliceFor = await world.discord.click(opening, 'For', { as: alice });
    expect(aliceFor.ephemeral).toBe(true);
    expect(aliceFor.content).toContain('Your opening stance: **For**');
    await world.discord.click(opening, 'Against', { as: bob });
    await world.discord.click(opening, 'Undecided', { as: carol });
    const carolChanges = await world.discord.click(opening, 'For', { as: carol });
    expect(carolChanges.content).toContain('from **Undecided** to **For**');
    const bobAgain = await world.discord.click(opening, 'Against', { as: bob });
    expect(bobAgain.content).toContain('already **Against**');
    const aliceChanges = await world.discord.click(opening, 'Against', { as: alice });
    expect(aliceChanges.content).toContain('you opened **For**');
    expect(world.debates.listStances(world.debateIn(thread).id)).toEqual([
      { userId: alice.id, opening: 'for', current: 'against' },
      { userId: bob.id, opening: 'against', current: 'against' },
      { userId: carol.id, opening: 'undecided', current: 'for' },
    ]);
  });

  test('GIVEN members posting in the thread THEN messages are counted by author under the stance they held', async () => {
    const { alice, bob, carol } = world.server;
    world.move(31_000);
    await world.discord.postMessage(thread, alice, 'I have changed sides.');
    await world.discord.postMessage(thread, bob, 'Welcome.');
    await world.discord.postMessage(thread, carol, 'Convinced.');
    world.move(31_000);
    await world.discord.postMessage(thread, bob, 'Still against.');
    await eventually(
      () => tallies().reduce((sum, tally) => sum + tally.count, 0) === 5,
      'five counted messages',
    );
    expect(tallies()).toEqual(
      expect.arrayContaining([
        { userId: alice.id, stance: 'none', count: 1 },
        { userId: alice.id, stance: 'against', count: 1 },
        { userId: bob.id, stance: 'against', count: 2 },
        { userId: carol.id, stance: 'for', count: 1 },
      ]),
    );
  });

  test('GIVEN /debate slowmode, lock and unlock THEN the thread follows, the card shows the slowmode and each action is logged', async () => {
    const { mod, alice } = world.server;
    const slowed = await world.discord.slash(
      'debate slowmode',
      { seconds: 60 },
      { as: mod, channel: thread },
    );
    expect(slowed.content).toContain('Slowmode is now 1 minute');
    expect(world.discord.channel(thread).thread?.rateLimitPerUser).toBe(60);
    expect(JSON.stringify(card().embeds[0])).toContain('1 minute');
    await world.discord.slash('debate lock', {}, { as: mod, channel: thread });
    expect(world.discord.channel(thread).thread?.locked).toBe(true);
    world.move(61_000);
    expect(await world.discord.attemptPostMessage(thread, alice, 'Let me in')).toMatchObject({
      ok: false,
      refusal: 'thread-locked',
    });
    await world.discord.slash('debate unlock', {}, { as: mod, channel: thread });
    expect(world.discord.channel(thread).thread?.locked).toBe(false);
    expect(modLogText()).toMatch(/Slowmode[\s\S]*Thread locked[\s\S]*Thread unlocked/);
  });

  test('GIVEN a credit, a report and a warning THEN closing restores the thread, disables the stances and posts the summary in the thread and the channel', async () => {
    const { mod, alice, bob, carol, channel } = world.server;
    const aliceMessage = world.discord
      .messagesIn(thread)
      .find((message) => message.content === 'I have changed sides.') as LoopbackMessage;
    const creditForm = await world.discord.contextMenu('Changed my view', aliceMessage, {
      as: carol,
      channel: thread,
      expect: 'modal',
    });
    await world.discord.submitModal(
      creditForm,
      { explanation: 'Her point about shared services won me over.' },
      { as: carol },
    );
    const reportForm = await world.discord.contextMenu('Report to moderators', aliceMessage, {
      as: bob,
      channel: thread,
      expect: 'modal',
    });
    await world.discord.submitModal(reportForm, { reason: 'Gloating' }, { as: bob });
    world.waitOutCooldown();
    await world.discord.slash(
      'debate warn',
      { member: bob, reason: 'Reporting in bad faith' },
      { as: mod, channel: thread },
    );

    world.move(20 * 60_000);
    world.waitOutCooldown();
    const closed = await world.discord.slash(
      'debate close',
      { reason: 'Time for dinner' },
      { as: mod, channel: thread },
    );
    expect(closed.content).toContain('The debate is closed');
    const view = world.discord.channel(thread);
    expect(view.thread?.rateLimitPerUser).toBe(0);
    expect(view.thread?.locked).toBe(false);
    expect(card().buttons.every((button) => button.disabled)).toBe(true);
    expect(card().embeds[0]?.title).toBe('Debate (closed)');

    const summaryInThread = world.botPosts(thread).at(-1);
    const summaryInChannel = world.botPosts(channel).at(-1);
    for (const summary of [summaryInThread, summaryInChannel]) {
      const text = JSON.stringify(summary?.embeds[0]);
      expect(summary?.embeds[0]?.title).toBe('Debate result');
      expect(text).toContain('It ran for 22 minutes.');
      expect(text).toContain(`by <@${mod.id}>: “Time for dinner.”`);
      expect(text).toContain('3 members (3 posted)');
      expect(text).toContain('For 1 · Against 3 · Undecided 0 · No stance 1 (total 5)');
      expect(text).toContain('For: 1 → 1');
      expect(text).toContain('Against: 1 → 2');
      expect(text).toContain('Undecided: 1 → 0');
      expect(text).toContain('Against gained the most ground');
      expect(text).toContain(`[Message by <@${alice.id}>]`);
      expect(text).toContain('1 warning · 1 report');
      expect(summary?.pings).toEqual({ users: [], roles: [], everyone: false });
    }
    expect(summaryInChannel?.content).toContain(`<#${thread.id}>`);
    expect(modLogText()).toContain('Debate closed');
  });

  test('GIVEN a closed debate THEN members see the result in /debate stats, and reopen and extend bring it back with its slowmode', async () => {
    const { mod, alice } = world.server;
    const stats = await world.discord.slash('debate stats', {}, { as: alice, channel: thread });
    expect(stats.ephemeral).toBe(true);
    expect(JSON.stringify(stats.embeds[0])).toContain('Against gained the most ground');
    expect(JSON.stringify(stats.embeds[0])).not.toContain('Moderation');
    world.waitOutCooldown();
    const reopened = await world.discord.slash('debate reopen', {}, { as: mod, channel: thread });
    expect(reopened.content).toContain('open again');
    const debate = world.debateIn(thread);
    expect(debate.status).toBe('open');
    expect(world.discord.channel(thread).thread?.rateLimitPerUser).toBe(60);
    expect(card().buttons.every((button) => !button.disabled)).toBe(true);
    const extended = await world.discord.slash(
      'debate extend',
      { duration: '3h' },
      { as: mod, channel: thread },
    );
    expect(world.debateIn(thread).closesAt).toBe(debate.closesAt + 3 * 3_600_000);
    expect(extended.content).toContain(`<t:${Math.floor((debate.closesAt + 3 * 3_600_000) / 1000)}:F>`);
  });

  test('GIVEN a moderator changed slowmode and lock by hand THEN the close leaves them as set', async () => {
    const { mod } = world.server;
    const debate = world.debateIn(thread);
    await world.bot.client.rest.patch(`/channels/${thread.id}`, {
      body: { rate_limit_per_user: 120, locked: true },
    });
    world.waitOutCooldown();
    await world.discord.slash('debate close', {}, { as: mod, channel: thread });
    const view = world.discord.channel(thread).thread;
    expect(view?.rateLimitPerUser).toBe(120);
    expect(view?.locked).toBe(true);
    expect(world.debateIn(thread)).toMatchObject({ id: debate.id, status: 'closed', fault: null });
  });

  test('GIVEN everything above THEN the bot logged no error', () => {
    expect(world.problems().filter((line) => line.level >= 50)).toEqual([]);
  });
});
