import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ChannelRef,
  type GuildRef,
  type LoopbackDiscord,
  LoopbackUsageError,
  type MemberRef,
  startLoopbackDiscord,
} from '../src/index.js';
import { createBareClient, loginAndWaitReady } from '../src/testing.js';
import { sampleCommands, startBareWorld, stopBareWorld } from './support.js';

describe('loopback Discord interaction flows', () => {
  let discord: LoopbackDiscord,
    client: Client,
    guild: GuildRef,
    channel: ChannelRef,
    alice: MemberRef,
    bob: MemberRef;

  beforeEach(async () => {
    ({ discord, client, guild, channel, alice, bob } = await startBareWorld({
      guildName: 'Flows',
      channelName: 'politics',
      members: ['alice', 'bob'],
    }));
    await client.application?.commands.set(sampleCommands);
  });

  afterEach(() => stopBareWorld({ client, discord }));

  it('GIVEN a message context menu that opens a modal WHEN the member submits it THEN the bot reads the fields and its reply resolves', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isMessageContextMenuCommand()) {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId(`report:${interaction.targetMessage.id}`)
            .setTitle('Report to moderators')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder()
                  .setCustomId('reason')
                  .setLabel('Why?')
                  .setStyle(TextInputStyle.Paragraph)
                  .setRequired(true),
              ),
            ),
        );
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({
          content: `reported ${interaction.customId.split(':')[1]} because ${interaction.fields.getTextInputValue('reason')}`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });
    const offending = discord.postMessage(channel, bob, 'something rude');
    const modal = await discord.contextMenu('Report to moderators', offending, {
      as: alice,
      expect: 'modal',
    });
    expect(modal.title).toBe('Report to moderators');
    expect(modal.fields.map((field) => [field.customId, field.label, field.required])).toEqual([
      ['reason', 'Why?', true],
    ]);
    await expect(discord.submitModal(modal, {}, { as: alice })).rejects.toThrow(LoopbackUsageError);
    const confirmation = await discord.submitModal(modal, { reason: 'insults' }, { as: alice });
    expect(confirmation.content).toBe(`reported ${offending.id} because insults`);
    expect(confirmation.ephemeral).toBe(true);
  });

  it('GIVEN a select menu WHEN a member picks a value THEN the bot receives the values and updates the message', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: 'pick a story',
          components: [
            new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
              new StringSelectMenuBuilder()
                .setCustomId('story-picker')
                .setPlaceholder('Choose a story')
                .addOptions(
                  { label: 'EU budget', value: 'eu-budget' },
                  { label: 'US-Japan', value: 'us-japan-alliance' },
                ),
            ),
          ],
        });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.update({ content: `picked ${interaction.values.join(',')}`, components: [] });
      }
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    expect(reply.selects[0]?.options.map((option) => option.value)).toEqual([
      'eu-budget',
      'us-japan-alliance',
    ]);
    await expect(discord.select(reply, 'Choose a story', ['nope'], { as: alice })).rejects.toThrow(
      LoopbackUsageError,
    );
    const updated = await discord.select(reply, 'Choose a story', ['us-japan-alliance'], { as: alice });
    expect(updated.content).toBe('picked us-japan-alliance');
  });

  it('GIVEN a button answered with a deferred update and an edit THEN click resolves with the edited message', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: 'vote',
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('yes').setLabel('Yes').setStyle(ButtonStyle.Success),
              new ButtonBuilder().setCustomId('no').setLabel('No').setStyle(ButtonStyle.Danger),
              new ButtonBuilder().setURL('https://example.org').setLabel('Source').setStyle(ButtonStyle.Link),
            ),
          ],
        });
      } else if (interaction.isButton()) {
        await interaction.deferUpdate();
        await interaction.editReply({ content: `voted ${interaction.customId}` });
      }
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    await expect(discord.click(reply, 'Source', { as: alice })).rejects.toThrow(/link/);
    const voted = await discord.click(reply, 2, { as: bob });
    expect(voted.id).toBe(reply.id);
    expect(voted.content).toBe('voted no');
  });

  it('GIVEN an ephemeral deferred reply WHEN the bot follows up THEN the follow-up replaces the loading message and later follow-ups are new messages', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp({ content: 'first' });
      await interaction.followUp({ content: 'second' });
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    expect(reply.content).toBe('first');
    expect(reply.ephemeral).toBe(true);
    await discord.waitForRequest(
      'POST /webhooks/:app/:token',
      (request) => (request.body as { content?: string }).content === 'second',
    );
    expect(discord.followUps(reply).map((message) => message.content)).toEqual(['second']);
  });

  it('GIVEN an interaction reply WHEN the bot edits it through the channel route THEN the edit applies', async () => {
    const edited = new Promise<string>((resolve) => {
      client.on('interactionCreate', async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('draft');
        const message = await interaction.fetchReply();
        resolve((await message.edit('final')).content);
      });
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    expect(await edited).toBe('final');
    expect(discord.message(reply.id)?.content).toBe('final');
  });

  it('GIVEN withResponse WHEN the bot replies THEN discord.js receives the callback resource with the message', async () => {
    const responded = new Promise<string | undefined>((resolve) => {
      client.on('interactionCreate', async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction.reply({ content: 'with response', withResponse: true });
        resolve(response.resource?.message?.content);
      });
    });
    await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    expect(await responded).toBe('with response');
  });

  it('GIVEN a command requiring Manage Guild WHEN a plain member runs it THEN the client refuses, while a moderator can', async () => {
    await client.application?.commands.set([
      ...sampleCommands,
      { name: 'settings', description: 'Server settings', default_member_permissions: '32' },
    ]);
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('settings');
    });
    const moderator = discord.addMember(guild, { username: 'mo', permissions: ['ManageGuild'] });
    await expect(discord.slash('settings', {}, { as: alice, channel })).rejects.toThrow(/ManageGuild/);
    expect((await discord.slash('settings', {}, { as: moderator, channel })).content).toBe('settings');
  });

  it('GIVEN an unregistered command or bad option THEN the harness explains what is registered', async () => {
    await expect(discord.slash('nope', {}, { as: alice, channel })).rejects.toThrow(
      /registered: summary, quiz/,
    );
    await expect(discord.slash('summary', {}, { as: alice, channel })).rejects.toThrow(/needs option story/);
    await expect(discord.slash('summary', { story: 'x', depth: 9 }, { as: alice, channel })).rejects.toThrow(
      /at most 3/,
    );
    await expect(discord.slash('quiz', {}, { as: alice, channel })).rejects.toThrow(
      /needs a subcommand: setup/,
    );
  });

  it('GIVEN a bot that never answers THEN the slash action fails after the acknowledgement window', async () => {
    const quiet = await startLoopbackDiscord({ timeouts: { acknowledgeMs: 150 } });
    const quietGuild = quiet.seedGuild({ name: 'Quiet' });
    const quietChannel = quiet.addChannel(quietGuild, { name: 'general' });
    const member = quiet.addMember(quietGuild, { username: 'carol' });
    const quietClient = createBareClient(quiet);
    try {
      await loginAndWaitReady(quietClient, quiet.token);
      await quietClient.application?.commands.set(sampleCommands);
      await expect(
        quiet.slash('summary', { story: 'x' }, { as: member, channel: quietChannel }),
      ).rejects.toThrow(/did not acknowledge/);
    } finally {
      await quietClient.destroy();
      await quiet.close();
    }
  });
});
