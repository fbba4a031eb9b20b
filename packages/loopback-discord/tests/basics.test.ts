import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  EmbedBuilder,
  MessageFlags,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, GuildRef, LoopbackDiscord, MemberRef } from '../src/index.js';
import { loginAndWaitReady } from '../src/testing.js';
import { sampleCommands, startBareWorld, stopBareWorld } from './support.js';

describe('loopback Discord with a bare discord.js client', () => {
  let discord: LoopbackDiscord, client: Client, guild: GuildRef, channel: ChannelRef, alice: MemberRef;

  beforeEach(async () => {
    ({ discord, client, guild, channel, alice } = await startBareWorld({
      guildName: 'Politics',
      channelName: 'politics',
      token: 'test-token',
      login: false,
    }));
  });

  afterEach(() => stopBareWorld({ client, discord }));

  it('GIVEN a seeded guild WHEN the client logs in THEN it is ready well under a second with the guild cached', async () => {
    const elapsed = await loginAndWaitReady(client, discord.token);
    expect(elapsed).toBeLessThan(1000);
    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe('Politics');
    expect(cached?.channels.cache.get(channel.id)?.name).toBe('politics');
    expect(cached?.members.me?.id).toBe(discord.botUser.id);
    expect(client.application?.id).toBe(discord.applicationId);
  });

  it('GIVEN a wrong token WHEN the client logs in THEN login fails', async () => {
    await expect(client.login('wrong-token')).rejects.toThrow();
  });

  it('GIVEN registered commands WHEN a member runs a slash command THEN the bot receives it with typed options and its reply resolves', async () => {
    await loginAndWaitReady(client, discord.token);
    await client.application?.commands.set(sampleCommands);
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const story = interaction.options.getString('story', true);
      const depth = interaction.options.getInteger('depth');
      await interaction.reply({
        embeds: [
          new EmbedBuilder().setTitle(`Summary of ${story}`).setDescription(`depth ${depth ?? 'none'}`),
        ],
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId('next').setLabel('Next').setStyle(ButtonStyle.Primary),
          ),
        ],
      });
    });
    const reply = await discord.slash(
      'summary',
      { story: 'us-japan-alliance', depth: '2' },
      { as: alice, channel },
    );
    expect(reply.embeds[0]?.title).toBe('Summary of us-japan-alliance');
    expect(reply.embeds[0]?.description).toBe('depth 2');
    expect(reply.ephemeral).toBe(false);
    expect(reply.buttons.map((button) => button.label)).toEqual(['Next']);
    expect(reply.interaction?.userId).toBe(alice.id);
    expect(discord.messagesIn(channel).map((message) => message.id)).toContain(reply.id);
  });

  it('GIVEN a command with subcommands WHEN run with channel, role and boolean options THEN discord.js resolves them', async () => {
    await loginAndWaitReady(client, discord.token);
    await client.application?.commands.set(sampleCommands);
    const role = discord.addRole(guild, { name: 'quizzers' });
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const target = interaction.options.getChannel('channel', true);
      const pinged = interaction.options.getRole('role');
      await interaction.reply({
        content: `${interaction.options.getSubcommand()} in ${target.name} for ${pinged?.name} enabled=${String(interaction.options.getBoolean('enabled'))}`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const reply = await discord.slash(
      'quiz setup',
      { channel: '#politics', role, enabled: 'true' },
      { as: alice, channel },
    );
    expect(reply.content).toBe('setup in politics for quizzers enabled=true');
    expect(reply.ephemeral).toBe(true);
    expect(discord.messagesIn(channel).some((message) => message.id === reply.id)).toBe(false);
    expect(discord.messagesIn(channel, { visibleTo: alice }).some((message) => message.id === reply.id)).toBe(
      true,
    );
  });

  it('GIVEN an autocomplete option WHEN a member types THEN the suggestions the bot returns come back', async () => {
    await loginAndWaitReady(client, discord.token);
    await client.application?.commands.set(sampleCommands);
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      const stories = ['us-japan-alliance', 'eu-budget', 'japan-elections'];
      await interaction.respond(
        stories.filter((story) => story.includes(typed)).map((story) => ({ name: story, value: story })),
      );
    });
    const choices = await discord.autocomplete('summary', 'story', 'jap', { as: alice, channel });
    expect(choices.map((choice) => choice.value)).toEqual(['us-japan-alliance', 'japan-elections']);
  });

  it('GIVEN a reply with a button WHEN a member clicks it and the bot updates THEN the updated message resolves', async () => {
    await loginAndWaitReady(client, discord.token);
    await client.application?.commands.set(sampleCommands);
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: 'page 1',
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
            ),
          ],
        });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `page ${interaction.customId.split(':')[1]}`, components: [] });
      }
    });
    const reply = await discord.slash('summary', { story: 'eu-budget' }, { as: alice, channel });
    const next = await discord.click(reply, 'Next', { as: alice });
    expect(next.id).toBe(reply.id);
    expect(next.content).toBe('page 2');
    expect(next.buttons).toEqual([]);
    expect(discord.message(reply.id)?.editedAt).not.toBeNull();
  });

  it('GIVEN a slow command WHEN the bot defers then edits THEN slash resolves with the edited reply', async () => {
    await loginAndWaitReady(client, discord.token);
    await client.application?.commands.set(sampleCommands);
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await interaction.editReply({ content: 'done thinking' });
    });
    const reply = await discord.slash('summary', { story: 'eu-budget' }, { as: alice, channel });
    expect(reply.content).toBe('done thinking');
    expect(reply.loading).toBe(false);
    const callback = discord.requestsTo('POST /interactions/:id/:token/callback')[0];
    expect(callback?.body).toMatchObject({ type: 5 });
    expect(discord.requestsTo('PATCH /webhooks/:app/:token/messages/:message')[0]?.path).toContain(
      '@original',
    );
  });
});
