import {
  type Client,
  type DiscordAPIError,
  GatewayIntentBits,
  type GuildMember,
  type Message,
  MessageFlags,
  type TextChannel,
  type ThreadChannel,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ChannelRef,
  type GuildRef,
  type LoopbackDiscord,
  LoopbackRefusalError,
  type MemberRef,
  startLoopbackDiscord,
} from '../src/index.js';
import { createBareClient, loginAndWaitReady } from '../src/testing.js';
import { rawRequest, startBareWorld, stopBareWorld } from './support.js';

describe('loopback Discord threads, moderation and mentions', () => {
  let discord: LoopbackDiscord, client: Client, guild: GuildRef, channel: ChannelRef, alice: MemberRef;

  beforeEach(async () => {
    ({ discord, client, guild, channel, alice } = await startBareWorld({
      guildName: 'Moderation',
      channelName: 'politics',
    }));
  });

  afterEach(() => stopBareWorld({ client, discord }));

  const textChannel = async (ref: ChannelRef) => (await client.channels.fetch(ref.id)) as TextChannel;

  it('GIVEN a bot message WHEN the bot starts a thread, locks it and sets slowmode THEN members see it and Discord enforces it', async () => {
    const created = new Promise<ThreadChannel>((resolve) =>
      client.once('threadCreate', (thread) => resolve(thread)),
    );
    const starter = await (await textChannel(channel)).send('Debate: should the alliance deepen?');
    const thread = await starter.startThread({ name: 'Alliance debate', autoArchiveDuration: 1440 });
    expect((await created).id).toBe(thread.id);
    const [threadRef] = discord.threadsIn(channel);
    expect(threadRef?.name).toBe('Alliance debate');
    if (!threadRef) throw new Error('no thread');
    expect(discord.message(starter.id)?.threadId).toBe(thread.id);
    const said = discord.postMessage(threadRef, alice, 'I think so');
    expect(discord.channel(threadRef).thread?.memberIds).toContain(alice.id);
    expect(said.channelId).toBe(thread.id);
    const botPost = await thread.send('Opening statement');
    await thread.setRateLimitPerUser(30);
    await thread.setLocked(true);
    expect(discord.channel(threadRef).thread).toMatchObject({ locked: true, rateLimitPerUser: 30 });
    expect(discord.attemptPostMessage(threadRef, alice, 'still here?')).toEqual({
      ok: false,
      refusal: 'thread-locked',
    });
    await thread.setArchived(true);
    const refused = await rawRequest(discord, 'POST', `/channels/${thread.id}/messages`, {
      content: 'closed',
    });
    expect(refused.body).toEqual({ code: 50083, message: 'Thread is archived' });
    const edit = await rawRequest(discord, 'PATCH', `/channels/${thread.id}/messages/${botPost.id}`, {
      content: 'x',
    });
    expect(edit.body).toEqual({ code: 50083, message: 'Thread is archived' });
    const again = await rawRequest(
      discord,
      'POST',
      `/channels/${channel.id}/messages/${starter.id}/threads`,
      { name: 'second' },
    );
    expect(again.body).toMatchObject({ code: 160004 });
  });

  it('GIVEN a thread WHEN the bot deletes it THEN the client hears THREAD_DELETE and it is gone', async () => {
    const thread = await (await textChannel(channel)).threads.create({ name: 'short-lived', type: 11 });
    const deleted = new Promise<string>((resolve) => client.once('threadDelete', (gone) => resolve(gone.id)));
    await thread.delete();
    expect(await deleted).toBe(thread.id);
    expect(discord.threadsIn(channel)).toEqual([]);
  });

  it('GIVEN a thread without Manage Threads WHEN the bot locks it THEN 50013 answers', async () => {
    const limited = discord.addChannel(guild, { name: 'limited', deny: { bot: ['ManageThreads'] } });
    const thread = await (await textChannel(limited)).threads.create({ name: 'chat', type: 11 });
    const failure = await thread.setLocked(true).catch((error: unknown) => error);
    expect((failure as DiscordAPIError).code).toBe(50013);
  });

  it('GIVEN slowmode WHEN a member posts twice quickly THEN the second is refused until the clock moves on', async () => {
    const slow = discord.addChannel(guild, { name: 'slow', rateLimitPerUser: 60 });
    discord.postMessage(slow, alice, 'one');
    expect(() => discord.postMessage(slow, alice, 'two')).toThrow(LoopbackRefusalError);
    discord.clock.advance(61_000);
    expect(discord.postMessage(slow, alice, 'two').content).toBe('two');
  });

  it('GIVEN an idle thread WHEN the clock passes its auto-archive duration THEN it is archived and the client hears of it', async () => {
    const thread = await (await textChannel(channel)).threads.create({
      name: 'quiz',
      autoArchiveDuration: 60,
      type: 11,
    });
    const updated = new Promise<boolean | null>((resolve) =>
      client.on('threadUpdate', (_old, now) => resolve(now.archived)),
    );
    discord.clock.advance(61 * 60_000);
    expect(await updated).toBe(true);
    expect(discord.channel(thread.id).thread?.archived).toBe(true);
  });

  it('GIVEN Moderate Members WHEN the bot times a member out THEN the member update arrives and the member cannot post', async () => {
    const updated = new Promise<GuildMember>((resolve) =>
      client.on('guildMemberUpdate', (_old, member) => resolve(member)),
    );
    const member = await client.guilds.cache.get(guild.id)?.members.fetch(alice.id);
    await member?.timeout(10 * 60_000, 'cooling off');
    expect((await updated).communicationDisabledUntilTimestamp).toBeGreaterThan(Date.now());
    expect(discord.member(alice).timedOut).toBe(true);
    expect(discord.attemptPostMessage(channel, alice, 'let me speak')).toEqual({
      ok: false,
      refusal: 'timed-out',
    });
    const tooLong = await rawRequest(discord, 'PATCH', `/guilds/${guild.id}/members/${alice.id}`, {
      communication_disabled_until: new Date(Date.now() + 29 * 24 * 3600_000).toISOString(),
    });
    expect(tooLong.body).toMatchObject({
      code: 50035,
      errors: {
        communication_disabled_until: { _errors: [{ code: 'INVALID_COMMUNICATION_DISABLED_TIMESTAMP' }] },
      },
    });
  });

  it('GIVEN a moderator action in the harness WHEN a member is timed out and given a role THEN the bot sees both', async () => {
    const updates: GuildMember[] = [];
    client.on('guildMemberUpdate', (_old, member) => updates.push(member));
    const helpers = discord.addRole(guild, { name: 'helpers' });
    discord.timeoutMember(alice, discord.clock.now() + 60_000);
    discord.assignRole(alice, helpers);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(updates.at(-1)?.roles.cache.has(helpers.id)).toBe(true);
    expect(updates.at(-1)?.isCommunicationDisabled()).toBe(true);
    discord.timeoutMember(alice, null);
    discord.removeRole(alice, helpers);
    expect(discord.member(alice)).toMatchObject({ timedOut: false, roleIds: [] });
  });

  it('GIVEN an admin or the owner WHEN the bot tries to time them out THEN 50013 answers', async () => {
    const admin = discord.addMember(guild, { username: 'root', admin: true });
    for (const target of [admin, guild.owner]) {
      const answer = await rawRequest(discord, 'PATCH', `/guilds/${guild.id}/members/${target.id}`, {
        communication_disabled_until: new Date(Date.now() + 60_000).toISOString(),
      });
      expect(answer.body).toEqual({ code: 50013, message: 'Missing Permissions' });
    }
  });

  it('GIVEN roles below and above the bot WHEN the bot assigns them THEN the hierarchy decides', async () => {
    const debaters = discord.addRole(guild, { name: 'debaters' });
    const staff = discord.addRole(guild, { name: 'staff', placement: 'above-bot' });
    const member = await client.guilds.cache.get(guild.id)?.members.fetch(alice.id);
    await member?.roles.add(debaters.id);
    expect(discord.member(alice).roleNames).toContain('debaters');
    const failure = await member?.roles.add(staff.id).catch((error: unknown) => error);
    expect((failure as DiscordAPIError).code).toBe(50013);
    await member?.roles.remove(debaters.id);
    expect(discord.member(alice).roleNames).not.toContain('debaters');
    const roles = await rawRequest(discord, 'GET', `/guilds/${guild.id}/roles`);
    expect((roles.body as { name: string }[]).map((role) => role.name)).toEqual([
      '@everyone',
      'Roundtable',
      'debaters',
      'staff',
    ]);
  });

  it('GIVEN mentions in bot messages THEN pings follow allowed_mentions, role mentionability and Mention Everyone', async () => {
    const team = discord.addRole(guild, { name: 'team', mentionable: true });
    const hidden = discord.addRole(guild, { name: 'hidden', mentionable: false });
    const quiet = await textChannel(
      discord.addChannel(guild, { name: 'quiet', deny: { bot: ['MentionEveryone'] } }),
    );
    const content = `<@${alice.id}> <@&${team.id}> <@&${hidden.id}> @everyone`;
    const suppressed = await quiet.send({ content, allowedMentions: { parse: [] } });
    expect(discord.message(suppressed.id)?.pings).toEqual({ users: [], roles: [], everyone: false });
    const defaults = await quiet.send({ content });
    expect(discord.message(defaults.id)?.pings).toEqual({
      users: [alice.id],
      roles: [team.id],
      everyone: false,
    });
    const onlyAlice = await quiet.send({ content, allowedMentions: { users: [alice.id] } });
    expect(discord.message(onlyAlice.id)?.pings).toEqual({ users: [alice.id], roles: [], everyone: false });
    const everyone = await (await textChannel(channel)).send({ content: '@everyone quiz time' });
    expect(discord.message(everyone.id)?.pings.everyone).toBe(true);
    const silent = await quiet.send({ content: `<@${alice.id}>`, flags: MessageFlags.SuppressNotifications });
    expect(discord.message(silent.id)?.pings.users).toEqual([]);
    const plain = await quiet.send('no mention yet');
    await plain.edit(`now mentioning <@${alice.id}>`);
    expect(discord.message(plain.id)?.pings.users).toEqual([]);
  });

  it('GIVEN a deferred reply WHEN edited to mention a member THEN nobody is pinged, as on Discord', async () => {
    await client.application?.commands.set([{ name: 'later', description: 'Later' }]);
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({
        content: `<@${alice.id}> here you go`,
        allowedMentions: { users: [alice.id] },
      });
    });
    const reply = await discord.slash('later', {}, { as: alice, channel });
    expect(reply.content).toBe(`<@${alice.id}> here you go`);
    expect(reply.pings).toEqual({ users: [], roles: [], everyone: false });
  });

  it('GIVEN a bot without the Message Content intent WHEN a member posts THEN content is empty unless the bot is mentioned', async () => {
    const other = createBareClient(discord, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    try {
      await loginAndWaitReady(other, discord.token);
      const seen: Message[] = [];
      other.on('messageCreate', (message) => seen.push(message));
      discord.postMessage(channel, alice, 'secret');
      discord.postMessage(channel, alice, `<@${discord.botUser.id}> hello bot`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen.map((message) => message.content)).toEqual(['', `<@${discord.botUser.id}> hello bot`]);
    } finally {
      await other.destroy();
    }
  });

  it('GIVEN a disabled privileged intent WHEN a bot asks for it THEN the gateway closes with 4014', async () => {
    const strict = await startLoopbackDiscord({ privilegedIntents: { messageContent: false } });
    const strictClient = createBareClient(strict);
    try {
      strict.seedGuild({ name: 'Strict' });
      await expect(strictClient.login(strict.token)).rejects.toThrow();
      expect(strict.gatewayEvents).toContainEqual({
        kind: 'rejected',
        code: 4014,
        reason: 'Disallowed intent(s).',
      });
    } finally {
      await strictClient.destroy();
      await strict.close();
    }
  });

  it('GIVEN messages WHEN the bot pins, edits, deletes and lists them THEN Discord semantics hold', async () => {
    const target = await textChannel(channel);
    const first = await target.send('one');
    const second = await target.send('two');
    const third = await target.send('three');
    await second.pin();
    expect(discord.message(second.id)?.pinned).toBe(true);
    expect(discord.messagesIn(channel).at(-1)?.type).toBe(6);
    const before = await target.messages.fetch({ before: third.id, limit: 2 });
    expect([...before.keys()]).toEqual([second.id, first.id]);
    const after = await target.messages.fetch({ after: first.id, limit: 2 });
    expect([...after.keys()]).toEqual([third.id, second.id]);
    await first.edit('one, edited');
    expect(discord.message(first.id)?.content).toBe('one, edited');
    const byAlice = discord.postMessage(channel, alice, 'mine');
    const failure = await rawRequest(discord, 'PATCH', `/channels/${channel.id}/messages/${byAlice.id}`, {
      content: 'hijacked',
    });
    expect(failure.body).toEqual({ code: 50005, message: 'Cannot edit a message authored by another user' });
    await third.delete();
    expect(discord.message(third.id)?.deleted).toBe(true);
    const missing = await rawRequest(discord, 'GET', `/channels/${channel.id}/messages/${third.id}`);
    expect(missing.body).toEqual({ code: 10008, message: 'Unknown Message' });
  });

  it('GIVEN members who do and do not accept direct messages WHEN the bot messages them THEN one gets it and the other answers 50007', async () => {
    const closed = discord.addMember(guild, { username: 'private', acceptsDirectMessages: false });
    await client.users.send(alice.id, 'you have been warned');
    expect(discord.directMessagesTo(alice).map((message) => message.content)).toEqual([
      'you have been warned',
    ]);
    const failure = await client.users.send(closed.id, 'hello').catch((error: unknown) => error);
    expect((failure as DiscordAPIError).code).toBe(50007);
  });

  it('GIVEN an interaction reply without allowed_mentions THEN only user mentions ping, as Discord defaults for interactions', async () => {
    const team = discord.addRole(guild, { name: 'team', mentionable: true });
    await client.application?.commands.set([{ name: 'ping', description: 'Ping' }]);
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand())
        await interaction.reply(`<@${alice.id}> <@&${team.id}> @everyone`);
    });
    const reply = await discord.slash('ping', {}, { as: alice, channel });
    expect(reply.pings).toEqual({ users: [alice.id], roles: [], everyone: false });
  });
});
