import type { ChannelRef, LoopbackMessage, LoopbackModal, MemberRef } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type DebateServer,
  type DebateWorld,
  eventually,
  seedDebateServer,
  startDebateWorld,
} from './debate-world.js';

/** What a moderator trying the bot for the first time tripped over, each through the loopback Discord. */

const minute = 60_000;
const hour = 60 * minute;
let world: DebateWorld;

beforeAll(async () => {
  world = await startDebateWorld();
  const { admin, channel, modLog } = world.server;
  await world.discord.slash('settings modlog', { channel: modLog }, { as: admin, channel });
});

afterAll(async () => {
  await world?.stop();
});

/** `<t:…:style>` for an instant in milliseconds, as the bot writes it. */
function at(milliseconds: number, style: string): string {
  return `<t:${Math.floor(milliseconds / 1000)}:${style}>`;
}

function card(thread: ChannelRef): LoopbackMessage {
  const first = world.botPosts(thread)[0];
  if (!first) throw new Error('no opening card');
  return first;
}

async function startDebate(
  values: Record<string, string | number>,
  server: DebateServer = world.server,
): Promise<ChannelRef> {
  world.waitOutCooldown();
  await world.discord.slash('debate start', values, { as: server.mod, channel: server.channel });
  return world.newestThread(server.channel);
}

async function warn(server: DebateServer, target: MemberRef, thread: ChannelRef, reason: string) {
  world.waitOutCooldown();
  return world.discord.slash('debate warn', { member: target, reason }, { as: server.mod, channel: thread });
}

async function joinThread(thread: ChannelRef, member: MemberRef, text: string): Promise<void> {
  await world.discord.postMessage(thread, member, text);
  await eventually(
    () => world.discord.channel(thread).thread?.memberIds.includes(member.id) === true,
    `${member.username} in the thread`,
  );
}

describe('first use: dates and punctuation', () => {
  test('GIVEN a rounds debate whose closing statements run past midnight THEN every round end carries its date, on the card and in the announcement', async () => {
    const now = world.clock.now();
    const next = new Date(now);
    next.setUTCHours(6, 6, 0, 0);
    if (next.getTime() <= now) next.setUTCDate(next.getUTCDate() + 1);
    world.move(next.getTime() - now);

    const thread = await startDebate({
      motion: 'This house would keep the night bus',
      duration: '24h',
      format: 'rounds',
    });
    const debate = world.debateIn(thread);
    const [opening, rebuttals, closing] = world.debates.listRounds(debate.id);
    if (!opening || !rebuttals || !closing) throw new Error('three rounds expected');
    expect(new Date(closing.startsAt).getUTCHours()).toBe(22);
    expect(new Date(debate.closesAt).getUTCDate()).not.toBe(new Date(closing.startsAt).getUTCDate());

    const format = card(thread).embeds[0]?.fields?.find((field) => field.name === 'Format');
    expect(format?.value).toBe(
      [
        'Three timed rounds, announced here:',
        `1. **Opening statements**: ${at(opening.startsAt, 'f')} to ${at(rebuttals.startsAt, 'f')}`,
        `2. **Rebuttals**: ${at(rebuttals.startsAt, 'f')} to ${at(closing.startsAt, 'f')}`,
        `3. **Closing statements**: ${at(closing.startsAt, 'f')} to ${at(debate.closesAt, 'f')}`,
      ].join('\n'),
    );
    const announcement = world.botPosts(thread).find((message) => message.content.startsWith('**Round 1'));
    expect(announcement?.content).toBe(
      `**Round 1 of 3: Opening statements**, until ${at(rebuttals.startsAt, 'f')} (${at(rebuttals.startsAt, 'R')})\nState your case: one message each, setting out your main argument.`,
    );
  });

  test('GIVEN a moderator closing a debate with a reason THEN the result, the card and the mod log each read as a sentence, with the date where it reads', async () => {
    const { mod, guild } = world.server;
    const thread = await startDebate({ motion: 'This house would close early', duration: '2h' });
    world.move(30 * minute);
    world.waitOutCooldown();
    await world.discord.slash(
      'debate close',
      { reason: 'Good discussion, closing early for the test' },
      { as: mod, channel: thread },
    );
    const debate = world.debateIn(thread);
    const closedAt = debate.closedAt ?? 0;
    const result = world.botPosts(thread).find((message) => message.embeds[0]?.title === 'Debate result');
    expect(result?.embeds[0]?.description).toBe(
      [
        '**Motion:** This house would close early',
        `Closed on ${at(closedAt, 'f')} by <@${mod.id}>: “Good discussion, closing early for the test.”`,
        'It ran for 30 minutes.',
        `Thread: https://discord.com/channels/${guild.id}/${thread.id}`,
      ].join('\n'),
    );
    expect(card(thread).embeds[0]?.fields?.find((field) => field.name === 'Closed')?.value).toBe(
      `Closed on ${at(closedAt, 'F')}. The result is posted below.`,
    );
    const logged = world.botPosts(world.server.modLog).map((message) => message.content);
    expect(logged).toContain(
      `🏁 **Debate closed** in <#${thread.id}> by <@${mod.id}>: “Good discussion, closing early for the test.”`,
    );
  });
});

describe('first use: what a warning at the limit says', () => {
  test('GIVEN the third warning THEN the member is told what happened to them: removed from the thread and timed out for an hour', async () => {
    const { bob, guild } = world.server;
    const thread = await startDebate({ motion: 'This house would ban name-calling' });
    await joinThread(thread, bob, 'You are all fools.');
    await warn(world.server, bob, thread, 'Insults');
    await warn(world.server, bob, thread, 'More insults');
    const third = await warn(world.server, bob, thread, 'Still insulting');
    const until = world.discord.member(bob).timeoutUntil ?? 0;
    expect(until).toBeGreaterThan(world.clock.now());
    const messages = world.discord.directMessagesTo(bob).map((message) => message.content);
    expect(messages.at(-3)).toBe(
      `⚠️ A moderator of **${guild.name}** warned you in the debate <#${thread.id}> (warning 1 of 3): “Insults.”\nAt 3 warnings you are removed from the debate thread and timed out for 1 hour.`,
    );
    expect(messages.at(-1)).toBe(
      `⚠️ A moderator of **${guild.name}** warned you in the debate <#${thread.id}> (warning 3 of 3): “Still insulting.”\nYou have reached the limit of 3 warnings. You have been removed from the debate thread and timed out for 1 hour, until ${at(until, 'f')}.`,
    );
    expect(third.content).toBe(
      [
        `Warned <@${bob.id}>: warning 3 of 3.`,
        'They were told by direct message.',
        'They reached the limit and were removed from the thread.',
        `They are timed out for 1 hour, until ${at(until, 'f')}.`,
      ].join('\n'),
    );
  });

  test('GIVEN timeout-minutes 0 THEN the setting says plainly that no timeout is given, and the member at the limit is told they were removed and not timed out', async () => {
    const { admin, channel, carol, guild } = world.server;
    const saved = await world.discord.slash(
      'settings debate-warnings',
      { 'timeout-minutes': 0 },
      { as: admin, channel },
    );
    expect(saved.content).toBe(
      'Saved. At 3 warnings in a debate, a member is removed from the debate thread. No timeout is given; set `timeout-minutes` to give one.',
    );
    const thread = await startDebate({ motion: 'This house would go easy on offenders' });
    await joinThread(thread, carol, 'Rubbish, all of it.');
    await warn(world.server, carol, thread, 'Rude');
    await warn(world.server, carol, thread, 'Rude again');
    const third = await warn(world.server, carol, thread, 'Rude a third time');
    expect(world.discord.member(carol).timedOut).toBe(false);
    expect(world.discord.directMessagesTo(carol).at(-1)?.content).toBe(
      `⚠️ A moderator of **${guild.name}** warned you in the debate <#${thread.id}> (warning 3 of 3): “Rude a third time.”\nYou have reached the limit of 3 warnings. You have been removed from the debate thread. You are not timed out, because this server sets no timeout.`,
    );
    expect(third.content).toContain(
      'They were not timed out because this server sets no timeout. An admin can set one with `/settings debate-warnings`.',
    );
  });

  test('GIVEN a bot without Timeout Members THEN the setting says a timeout cannot be given yet, and the member at the limit is told why they were not timed out', async () => {
    const second = seedDebateServer(world.discord, 'Second', [
      'ViewChannel',
      'SendMessages',
      'SendMessagesInThreads',
      'EmbedLinks',
      'ReadMessageHistory',
      'CreatePublicThreads',
      'ManageThreads',
      'PinMessages',
      'UseApplicationCommands',
    ]);
    await eventually(() => world.bot.client.guilds.cache.has(second.guild.id), 'the second server');
    const saved = await world.discord.slash(
      'settings debate-warnings',
      { limit: 1, 'timeout-minutes': 30 },
      { as: second.admin, channel: second.channel },
    );
    expect(saved.content).toBe(
      'Saved. At 1 warning in a debate, a member is removed from the debate thread and timed out for 30 minutes. I do not have Timeout Members (Moderate Members) yet, so until my role is given it, members are only removed.',
    );
    const thread = await startDebate({ motion: 'This house would trust the bot' }, second);
    await joinThread(thread, second.alice, 'Nonsense.');
    const reply = await warn(second, second.alice, thread, 'Off topic');
    expect(world.discord.directMessagesTo(second.alice).at(-1)?.content).toBe(
      `⚠️ A moderator of **Second** warned you in the debate <#${thread.id}> (warning 1 of 1): “Off topic.”\nYou have reached the limit of 1 warning. You have been removed from the debate thread. You are not timed out, because I do not have the Timeout Members permission.`,
    );
    expect(reply.content).toContain(
      'They were not timed out because I do not have Timeout Members (Moderate Members).',
    );
  });
});

describe('first use: a refused form can be edited and sent again', () => {
  async function promptForm(): Promise<{ form: LoopbackModal; promptCard: LoopbackMessage }> {
    const { mod, channel } = world.server;
    world.waitOutCooldown();
    const promptCard = await world.discord.slash(
      'debate prompt',
      { story: 'us-japan-alliance' },
      { as: mod, channel },
    );
    const form = await world.discord.click(promptCard, 'Start a debate thread', { as: mod, expect: 'modal' });
    if (form.kind !== 'modal') throw new Error('expected the form');
    return { form, promptCard };
  }

  test('GIVEN a length that does not parse in the "Start a debate thread" form THEN the refusal is worded for a form and "Edit and try again" reopens it with what was typed', async () => {
    const { mod, channel } = world.server;
    const threadsBefore = world.discord.threadsIn(channel).length;
    const { form } = await promptForm();
    const refused = await world.discord.submitModal(
      form,
      { duration: 'a fortnight or so', slowmode: '5' },
      { as: mod },
    );
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe('I could not read how long it runs. Write it like `90m`, `2h` or `1d 12h`.');
    expect(refused.buttons.map((button) => button.label)).toEqual(['Edit and try again']);
    const customId = refused.buttons[0]?.customId ?? '';
    expect(customId).toMatch(/^rt1:debate:edit-form:\d{17,20}$/);
    expect(customId).not.toContain('fortnight');
    expect(world.discord.threadsIn(channel)).toHaveLength(threadsBefore);

    const again = await world.discord.click(refused, 'Edit and try again', { as: mod, expect: 'modal' });
    if (again.kind !== 'modal') throw new Error('expected the form again');
    expect(again.title).toBe('Start a debate thread');
    expect(again.customId).toBe(form.customId);
    expect(again.fields.map((field) => [field.customId, field.value])).toEqual([
      ['duration', 'a fortnight or so'],
      ['slowmode', '5'],
    ]);
    const started = await world.discord.submitModal(again, { duration: '2h' }, { as: mod });
    expect(started.content).toContain('Debate started in');
    const debate = world.debateIn(world.newestThread(channel));
    expect(debate.closesAt - debate.startedAt).toBe(2 * hour);
    expect(debate.debateSlowmode).toBe(5);
  });

  test('GIVEN a refused form kept longer than 15 minutes THEN the button says the form is gone and how to get it back', async () => {
    const { mod } = world.server;
    const { form } = await promptForm();
    const refused = await world.discord.submitModal(form, { duration: '5m' }, { as: mod });
    expect(refused.content).toBe('A debate runs at least 10 minutes.');
    world.move(16 * minute);
    const late = await world.discord.click(refused, 'Edit and try again', { as: mod });
    expect(late.kind).toBe('message');
    expect((late as LoopbackMessage).content).toBe(
      'I no longer have that form: what you typed is kept for 15 minutes. Open the form again the way you did before.',
    );
  });

  test('GIVEN a "Changed my view" explanation that is too short once blank space is taken out THEN "Edit and try again" brings the text back', async () => {
    const { alice, admin } = world.server;
    const thread = await startDebate({ motion: 'This house would plant more trees' });
    const message = await world.discord.postMessage(thread, alice, 'Trees cool streets by several degrees.');
    const form = await world.discord.contextMenu('Changed my view', message, {
      as: admin,
      channel: thread,
      expect: 'modal',
    });
    if (form.kind !== 'modal') throw new Error('expected the form');
    const typed = `${' '.repeat(20)}Shade!`;
    const refused = await world.discord.submitModal(form, { explanation: typed }, { as: admin });
    expect(refused.content).toBe('Say in at least 20 characters what changed your view (you wrote 6).');
    const again = await world.discord.click(refused, 'Edit and try again', { as: admin, expect: 'modal' });
    if (again.kind !== 'modal') throw new Error('expected the form again');
    expect(again.fields[0]?.value).toBe(typed);
    const thanks = await world.discord.submitModal(
      again,
      { explanation: 'The figures on street temperature won me over.' },
      { as: admin },
    );
    expect(thanks.content).toContain('your credit is recorded');
  });

  test('GIVEN a report whose reason is too short once blank space is taken out THEN "Edit and try again" brings the text back and nothing is reported yet', async () => {
    const { alice, carol } = world.server;
    const thread = world.newestThread(world.server.channel);
    const message = await world.discord.postMessage(thread, alice, 'Anyone who disagrees is a fool.');
    const form = await world.discord.contextMenu('Report to moderators', message, {
      as: carol,
      channel: thread,
      expect: 'modal',
    });
    if (form.kind !== 'modal') throw new Error('expected the form');
    const refused = await world.discord.submitModal(form, { reason: '   !' }, { as: carol });
    expect(refused.content).toBe('Say in a few words what is wrong with the message.');
    expect(world.moderation.hasReported(message.id, carol.id)).toBe(false);
    const again = await world.discord.click(refused, 'Edit and try again', { as: carol, expect: 'modal' });
    if (again.kind !== 'modal') throw new Error('expected the form again');
    expect(again.title).toBe('Report to moderators');
    expect(again.fields[0]?.value).toBe('   !');
    const thanks = await world.discord.submitModal(again, { reason: 'Name-calling' }, { as: carol });
    expect(thanks.content).toContain('Your report is with the moderators');
  });

  test('GIVEN everything above THEN the bot logged no error', () => {
    expect(world.problems().filter((line) => line.level >= 50)).toEqual([]);
  });
});
