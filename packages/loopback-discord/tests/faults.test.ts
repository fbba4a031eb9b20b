import {
  type Client,
  DiscordAPIError,
  EmbedBuilder,
  type Message,
  Routes,
  type TextChannel,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, GuildRef, LoopbackDiscord, MemberRef } from '../src/index.js';
import { rawRequest, sampleCommands, startBareWorld, stopBareWorld } from './support.js';

describe('loopback Discord faults, rate limits and protocol errors', () => {
  let discord: LoopbackDiscord, client: Client, guild: GuildRef, channel: ChannelRef, alice: MemberRef;

  beforeEach(async () => {
    ({ discord, client, guild, channel, alice } = await startBareWorld({
      guildName: 'Faults',
      channelName: 'general',
    }));
  });

  afterEach(() => stopBareWorld({ client, discord }));

  const textChannel = async (ref: ChannelRef) => (await client.channels.fetch(ref.id)) as TextChannel;

  it('GIVEN an injected 429 WHEN the bot sends a message THEN discord.js waits, retries and succeeds', async () => {
    discord.inject({ route: 'POST /channels/:id/messages', status: 429, retryAfter: 0.05, times: 1 });
    const sent = await (await textChannel(channel)).send('hello');
    expect(sent.content).toBe('hello');
    const attempts = discord.requestsTo('POST /channels/:id/messages');
    expect(attempts.map((attempt) => attempt.status)).toEqual([429, 200]);
    expect(attempts[0]?.response).toMatchObject({ retry_after: 0.05, global: false });
    expect(discord.rateLimitCounts()).toEqual({ 'POST /channels/:channel/messages': 1 });
    expect(attempts[1]?.at ?? 0).toBeGreaterThanOrEqual((attempts[0]?.at ?? 0) + 50);
  });

  it('GIVEN an injected 500 WHEN the bot sends a message THEN discord.js retries and succeeds', async () => {
    discord.inject({ route: 'POST /channels/:id/messages', status: 500, times: 1 });
    await (await textChannel(channel)).send('hello');
    expect(discord.requestsTo('POST /channels/:id/messages').map((attempt) => attempt.status)).toEqual([
      500, 200,
    ]);
  });

  it('GIVEN an injected 429 on the interaction callback WHEN a member runs a command THEN the reply still arrives', async () => {
    await client.application?.commands.set(sampleCommands);
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('pong');
    });
    discord.inject({ route: 'POST /interactions/:id/:token/callback', status: 429, retryAfter: 0.05 });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    expect(reply.content).toBe('pong');
    expect(
      discord.requestsTo('POST /interactions/:id/:token/callback').map((attempt) => attempt.status),
    ).toEqual([429, 204]);
  });

  it('GIVEN a slow route WHEN requested THEN the answer is delayed', async () => {
    discord.inject({ route: 'GET /users/@me', delayMs: 120 });
    const startedAt = performance.now();
    const answer = await rawRequest(discord, 'GET', '/users/@me');
    expect(answer.status).toBe(200);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(110);
  });

  it('GIVEN random faults with a seed WHEN replayed with the same seed THEN the same requests fail', async () => {
    const run = async (): Promise<number[]> => {
      discord.injectRandom({ seed: 42, share: 0.5, statuses: [500, 503] });
      const statuses: number[] = [];
      for (let index = 0; index < 16; index += 1)
        statuses.push((await rawRequest(discord, 'GET', '/users/@me')).status);
      discord.injectRandom(null);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(first.some((status) => status === 200)).toBe(true);
    expect(first.some((status) => status >= 500)).toBe(true);
  });

  it('GIVEN enforced buckets WHEN the bot sends more than the bucket allows THEN discord.js paces itself and every message lands', async () => {
    discord.enforceRateLimits({ routes: { 'POST /channels/:id/messages': { limit: 2, windowMs: 200 } } });
    const target = await textChannel(channel);
    const startedAt = performance.now();
    await Promise.all([target.send('1'), target.send('2'), target.send('3')]);
    expect(
      discord
        .messagesIn(channel)
        .map((message) => message.content)
        .sort(),
    ).toEqual(['1', '2', '3']);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(150);
    const first = discord.requestsTo('POST /channels/:id/messages')[0];
    expect(first?.status).toBe(200);
  });

  it('GIVEN the global limit WHEN exceeded THEN a global 429 answers, except for interaction callbacks', async () => {
    discord.enforceRateLimits({ globalPerSecond: 1 });
    expect((await rawRequest(discord, 'GET', '/users/@me')).status).toBe(200);
    const limited = await rawRequest(discord, 'GET', '/users/@me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('global');
    expect(limited.body).toMatchObject({ global: true, message: 'You are being rate limited.' });
    const callback = await rawRequest(
      discord,
      'POST',
      '/interactions/1/unknown/callback',
      { type: 4, data: { content: 'x' } },
      { authenticated: false },
    );
    expect(callback.status).toBe(404);
    expect(callback.body).toEqual({ code: 10062, message: 'Unknown interaction' });
  });

  it('GIVEN a dropped gateway connection WHEN a member posts during the drop THEN the client resumes and receives the missed message', async () => {
    const resumed = new Promise<number>((resolve) =>
      client.once('shardResume', (_id, replayed) => resolve(replayed)),
    );
    const received = new Promise<Message>((resolve) =>
      client.on('messageCreate', (message) => resolve(message)),
    );
    expect(discord.dropConnection()).toBe(1);
    const posted = discord.postMessage(channel, alice, 'said while you were away');
    const replayed = await resumed;
    const message = await received;
    expect(message.id).toBe(posted.id);
    expect(message.content).toBe('said while you were away');
    expect(replayed).toBeGreaterThanOrEqual(1);
    expect(discord.gatewayEvents.some((event) => event.kind === 'resume' && event.replayed >= 1)).toBe(true);
    expect(discord.gatewayEvents.filter((event) => event.kind === 'identify')).toHaveLength(1);
  });

  it('GIVEN a channel denying the bot Send Messages THEN sending answers 403 50013', async () => {
    const muted = discord.addChannel(guild, { name: 'announcements', deny: { bot: ['SendMessages'] } });
    const failure = await (await textChannel(muted)).send('hi').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect((failure as DiscordAPIError).status).toBe(403);
    expect((failure as DiscordAPIError).code).toBe(50013);
  });

  it('GIVEN a channel the bot cannot view THEN requests answer 403 50001 Missing Access', async () => {
    const hidden = discord.addChannel(guild, { name: 'staff', deny: { everyone: ['ViewChannel'] } });
    const answer = await rawRequest(discord, 'POST', `/channels/${hidden.id}/messages`, { content: 'hi' });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ code: 50001, message: 'Missing Access' });
    discord.setChannelPermissions(hidden, 'bot', { allow: ['ViewChannel'] });
    expect(
      (await rawRequest(discord, 'POST', `/channels/${hidden.id}/messages`, { content: 'hi' })).status,
    ).toBe(200);
  });

  it('GIVEN a channel denying Embed Links WHEN the bot sends an embed THEN it gets 50013 but plain text goes through', async () => {
    const plain = discord.addChannel(guild, { name: 'plain', deny: { bot: ['EmbedLinks'] } });
    const target = await textChannel(plain);
    const failure = await target
      .send({ embeds: [new EmbedBuilder().setTitle('t')] })
      .catch((error: unknown) => error);
    expect((failure as DiscordAPIError).code).toBe(50013);
    await expect(target.send('text')).resolves.toBeDefined();
  });

  it('GIVEN an acknowledged interaction WHEN acknowledged again THEN 40060 answers', async () => {
    await client.application?.commands.set(sampleCommands);
    const second = new Promise<unknown>((resolve) => {
      client.on('interactionCreate', async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('first');
        const again = await client.rest
          .post(Routes.interactionCallback(interaction.id, interaction.token), {
            body: { type: 4, data: { content: 'second' } },
            auth: false,
          })
          .catch((error: unknown) => error);
        resolve(again);
      });
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    expect(reply.content).toBe('first');
    const failure = await second;
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect((failure as DiscordAPIError).code).toBe(40060);
    expect((failure as DiscordAPIError).status).toBe(400);
  });

  it('GIVEN an interaction acknowledged after 3 s of server time THEN 10062 answers and the slash action reports it', async () => {
    await client.application?.commands.set(sampleCommands);
    const failure = new Promise<unknown>((resolve) => {
      client.on('interactionCreate', async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        discord.clock.advance(3_100);
        resolve(await interaction.reply('too late').catch((error: unknown) => error));
      });
    });
    await expect(discord.slash('summary', { story: 'x' }, { as: alice, channel })).rejects.toThrow(/expired/);
    expect(((await failure) as DiscordAPIError).code).toBe(10062);
  });

  it('GIVEN a deferred interaction WHEN edited after 15 minutes of server time THEN the token no longer works', async () => {
    await client.application?.commands.set(sampleCommands);
    const failure = new Promise<unknown>((resolve) => {
      client.on('interactionCreate', async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.deferReply();
        discord.clock.advance(15 * 60_000 + 1);
        resolve(await interaction.editReply('much later').catch((error: unknown) => error));
      });
    });
    await expect(discord.slash('summary', { story: 'x' }, { as: alice, channel })).rejects.toThrow();
    expect(((await failure) as DiscordAPIError).code).toBe(50027);
  });

  it('GIVEN nonce with enforce_nonce WHEN the same message is sent twice THEN the first message is returned and only one exists', async () => {
    const target = await textChannel(channel);
    const first = await target.send({
      content: 'quiz of the day',
      nonce: 'quiz-2024-05-01',
      enforceNonce: true,
    });
    const second = await target.send({
      content: 'quiz of the day',
      nonce: 'quiz-2024-05-01',
      enforceNonce: true,
    });
    expect(second.id).toBe(first.id);
    expect(
      discord.messagesIn(channel).filter((message) => message.content === 'quiz of the day'),
    ).toHaveLength(1);
    const third = await target.send({ content: 'quiz of the day', nonce: 'quiz-2024-05-01' });
    expect(third.id).not.toBe(first.id);
  });

  it('GIVEN an unknown route WHEN requested THEN Discord’s 404 answers and the request is recorded', async () => {
    const answer = await rawRequest(discord, 'GET', '/channels/1/no-such-thing');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: '404: Not Found', code: 0 });
    expect(discord.requests.at(-1)).toMatchObject({
      route: null,
      status: 404,
      path: '/api/v10/channels/1/no-such-thing',
    });
  });
});
