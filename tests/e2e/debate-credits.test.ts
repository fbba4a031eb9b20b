import type { ChannelRef, LoopbackMessage, MemberRef } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DebateWorld, startDebateWorld } from './debate-world.js';

let world: DebateWorld;
let thread: ChannelRef;
let aliceMessage: LoopbackMessage;

beforeAll(async () => {
  world = await startDebateWorld();
  const { mod, channel } = world.server;
  await world.discord.slash(
    'debate start',
    { motion: 'This house would ban cars from city centres' },
    { as: mod, channel },
  );
  thread = world.newestThread(channel);
  aliceMessage = await world.discord.postMessage(
    thread,
    world.server.alice,
    'Cities with fewer cars have fewer deaths.',
  );
});

afterAll(async () => {
  await world?.stop();
});

function credits(): number {
  return world.moderation
    .listCreditTallies(world.debateIn(thread).id)
    .reduce((sum, tally) => sum + tally.credits, 0);
}

async function tryCredit(
  message: LoopbackMessage,
  as: MemberRef,
  channel: ChannelRef,
): Promise<LoopbackMessage> {
  const answer = await world.discord.contextMenu('Changed my view', message, { as, channel });
  if (answer.kind !== 'message') throw new Error('expected a refusal, got a form');
  return answer;
}

describe('"Changed my view"', () => {
  test("GIVEN a member crediting another member's message THEN it is stored, acknowledged privately and in the thread, and shown in /debate stats", async () => {
    const { bob, alice } = world.server;
    const form = await world.discord.contextMenu('Changed my view', aliceMessage, {
      as: bob,
      channel: thread,
      expect: 'modal',
    });
    expect(form.fields[0]).toMatchObject({ customId: 'explanation', minLength: 20, required: true });
    const thanks = await world.discord.submitModal(
      form,
      { explanation: 'The road safety figures changed my mind @everyone' },
      { as: bob },
    );
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toContain('your credit is recorded');
    const acknowledgement = world.botPosts(thread).at(-1);
    expect(acknowledgement?.content).toContain(
      `<@${bob.id}> changed their view thanks to [this message by <@${alice.id}>]`,
    );
    expect(acknowledgement?.content).toContain(aliceMessage.id);
    expect(acknowledgement?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(credits()).toBe(1);
    world.waitOutCooldown();
    const stats = await world.discord.slash('debate stats', { member: alice }, { as: bob, channel: thread });
    expect(stats.embeds[0]?.fields).toEqual(
      expect.arrayContaining([{ name: '"Changed my view" received', value: '1', inline: true }]),
    );
  });

  test("GIVEN your own message, the bot's message, a message outside a debate or a repeat THEN each credit is refused with the reason", async () => {
    const { alice, bob, carol, channel } = world.server;
    expect((await tryCredit(aliceMessage, alice, thread)).content).toContain(
      'cannot credit your own message',
    );
    const card = world.botPosts(thread)[0] as LoopbackMessage;
    expect((await tryCredit(card, carol, thread)).content).toContain("Roundtable's own messages");
    const outside = await world.discord.postMessage(channel, alice, 'Outside any debate.');
    expect((await tryCredit(outside, carol, channel)).content).toContain(
      'only on messages in a debate thread',
    );
    expect((await tryCredit(aliceMessage, bob, thread)).content).toContain('already credited this message');
    expect(credits()).toBe(1);
  });

  test('GIVEN an explanation that is only blank space THEN the credit is refused and nothing is stored', async () => {
    const { carol } = world.server;
    const form = await world.discord.contextMenu('Changed my view', aliceMessage, {
      as: carol,
      channel: thread,
      expect: 'modal',
    });
    const refused = await world.discord.submitModal(
      form,
      { explanation: `${' '.repeat(24)}ok` },
      { as: carol },
    );
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('at least 20 characters');
    expect(credits()).toBe(1);
  });

  test('GIVEN a crafted credit submit from a member who cannot see the debate channel THEN it is refused and nothing is stored or posted', async () => {
    const { carol, channel } = world.server;
    world.discord.setChannelPermissions(channel, carol, { deny: ['ViewChannel'] });
    const postsBefore = world.botPosts(thread).length;
    const refused = await world.discord.forgeModalSubmit(
      thread,
      {
        customId: `rt1:credit:explain:${aliceMessage.id}`,
        fields: { explanation: 'A credit from someone who cannot read the thread.' },
      },
      { as: carol },
    );
    world.discord.setChannelPermissions(channel, carol, {});
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('You cannot read this channel');
    expect(credits()).toBe(1);
    expect(world.botPosts(thread)).toHaveLength(postsBefore);
  });

  test('GIVEN a closed debate THEN credits are refused and the summary lists the most credited message', async () => {
    const { mod, carol, alice } = world.server;
    world.waitOutCooldown();
    await world.discord.slash('debate close', {}, { as: mod, channel: thread });
    expect((await tryCredit(aliceMessage, carol, thread)).content).toContain('This debate has closed');
    const summary = world.botPosts(thread).find((message) => message.embeds[0]?.title === 'Debate result');
    const field = summary?.embeds[0]?.fields?.find((entry) => entry.name.startsWith('Changed my view'));
    expect(field?.name).toBe('Changed my view (1)');
    expect(field?.value).toContain(`[Message by <@${alice.id}>]`);
    expect(field?.value).toContain(aliceMessage.id);
  });
});

describe('"Start a debate thread" on /debate prompt', () => {
  test("GIVEN a moderator's prompt card THEN the button opens a form and starts a debate on that motion; a member gets no button and is refused", async () => {
    const { mod, alice, channel } = world.server;
    world.waitOutCooldown();
    const forMember = await world.discord.slash(
      'debate prompt',
      { story: 'us-japan-alliance' },
      { as: alice, channel },
    );
    expect(forMember.buttons.map((button) => button.label)).not.toContain('Start a debate thread');
    const card = await world.discord.slash(
      'debate prompt',
      { story: 'us-japan-alliance' },
      { as: mod, channel },
    );
    expect(card.buttons.map((button) => button.label)).toContain('Start a debate thread');
    const refused = await world.discord.click(card, 'Start a debate thread', { as: alice });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('Only moderators');

    const threadsBefore = world.discord.threadsIn(channel).length;
    const form = await world.discord.click(card, 'Start a debate thread', { as: mod, expect: 'modal' });
    expect(form.fields.map((field) => field.customId)).toEqual(
      expect.arrayContaining(['duration', 'slowmode']),
    );
    const started = await world.discord.submitModal(form, { duration: '45m', slowmode: '5' }, { as: mod });
    expect(started.content).toContain('Debate started in');
    expect(world.discord.threadsIn(channel)).toHaveLength(threadsBefore + 1);
    const debate = world.debateIn(world.newestThread(channel));
    const prompt = world.content.getDebatePrompt(debate.promptId ?? '');
    expect(prompt?.storyId).toBe('us-japan-alliance');
    expect(debate).toMatchObject({ motion: prompt?.motion, debateSlowmode: 5, format: 'open' });
    expect(debate.closesAt - debate.startedAt).toBe(45 * 60_000);
    expect(world.discord.channel(world.newestThread(channel)).thread?.rateLimitPerUser).toBe(5);
  });
});
