import { readFileSync } from 'node:fs';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  MessageFlags,
  type TextChannel,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, LoopbackDiscord, MemberRef } from '../src/index.js';
import { sampleCommands, startBareWorld, stopBareWorld } from './support.js';

/** The properties Discord's OpenAPI description requires of a message attachment (MessageAttachmentResponse). */
function requiredAttachmentFields(): string[] {
  const path = '/work/shared/reference/discord-openapi.json';
  try {
    const spec = JSON.parse(readFileSync(path, 'utf8')) as {
      components: { schemas: Record<string, { required?: string[] }> };
    };
    return spec.components.schemas.MessageAttachmentResponse?.required ?? [];
  } catch {
    return ['id', 'filename', 'size', 'url', 'proxy_url'];
  }
}

const csv = 'user_id,points\r\n1,10\r\n2,7\r\n';

describe('loopback Discord attachments', () => {
  let discord: LoopbackDiscord, client: Client, channel: ChannelRef, alice: MemberRef;

  beforeEach(async () => {
    ({ discord, client, channel, alice } = await startBareWorld({
      guildName: 'Files',
      channelName: 'politics',
    }));
    await client.application?.commands.set(sampleCommands);
  });

  afterEach(() => stopBareWorld({ client, discord }));

  it('GIVEN an ephemeral interaction reply with files THEN the reply carries them with Discord’s attachment fields and their bytes are kept', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        content: 'Your export',
        files: [
          new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name: 'scores.csv', description: 'Totals' }),
          new AttachmentBuilder(Buffer.from('{"a":1}', 'utf8'), { name: 'raw.json' }),
        ],
        flags: MessageFlags.Ephemeral,
      });
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    expect(reply.ephemeral).toBe(true);
    expect(
      reply.attachments.map(({ filename, size, contentType, description }) => ({
        filename,
        size,
        contentType,
        description,
      })),
    ).toEqual([
      {
        filename: 'scores.csv',
        size: Buffer.byteLength(csv),
        contentType: 'text/csv; charset=utf-8',
        description: 'Totals',
      },
      { filename: 'raw.json', size: 7, contentType: 'application/json', description: null },
    ]);
    const [first] = reply.attachments;
    if (!first) throw new Error('no attachment');
    expect(discord.attachmentData(first)?.toString('utf8')).toBe(csv);
    expect(first.url).toMatch(/\/cdn\/attachments\/\d+\/\d+\/scores\.csv$/);
  });

  it('GIVEN attachments in API answers THEN each has the fields Discord documents as required, and ephemeral ones say so', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({
        content: 'Done',
        files: [new AttachmentBuilder(Buffer.from('hello\n'), { name: 'notes.txt' })],
      });
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    const edit = discord.requestsTo('PATCH /webhooks/:application/:token/messages/:message').at(-1);
    const answer = edit?.response as { attachments?: Record<string, unknown>[] } | undefined;
    const attachment = answer?.attachments?.[0] ?? {};
    for (const field of requiredAttachmentFields()) expect(attachment).toHaveProperty(field);
    expect(attachment).toMatchObject({ filename: 'notes.txt', size: 6, ephemeral: true });
    expect(attachment.content_type).toBe('text/plain; charset=utf-8');
    expect(reply.attachments.map((file) => file.filename)).toEqual(['notes.txt']);
  });

  it('GIVEN a message with files WHEN it is updated without files, keeping some, or with attachments: [] THEN attachments follow Discord’s edit rules', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: 'Two files',
          files: [
            new AttachmentBuilder(Buffer.from('a'), { name: 'a.txt' }),
            new AttachmentBuilder(Buffer.from('b'), { name: 'b.txt' }),
          ],
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('text').setLabel('Text').setStyle(ButtonStyle.Primary),
              new ButtonBuilder().setCustomId('keep').setLabel('Keep').setStyle(ButtonStyle.Primary),
              new ButtonBuilder().setCustomId('clear').setLabel('Clear').setStyle(ButtonStyle.Primary),
              new ButtonBuilder().setCustomId('add').setLabel('Add').setStyle(ButtonStyle.Primary),
            ),
          ],
        });
      } else if (interaction.isButton()) {
        const existing = [...interaction.message.attachments.values()];
        if (interaction.customId === 'text') await interaction.update({ content: 'Edited text' });
        else if (interaction.customId === 'keep')
          await interaction.update({ attachments: existing.filter((file) => file.name === 'b.txt') });
        else if (interaction.customId === 'clear') await interaction.update({ attachments: [] });
        else
          await interaction.update({
            files: [new AttachmentBuilder(Buffer.from('c'), { name: 'c.txt' })],
          });
      }
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    const names = (message: { attachments: { filename: string }[] }) =>
      message.attachments.map((file) => file.filename);
    expect(names(reply)).toEqual(['a.txt', 'b.txt']);
    expect(names(await discord.click(reply, 'Text', { as: alice }))).toEqual(['a.txt', 'b.txt']);
    expect(names(await discord.click(reply, 'Keep', { as: alice }))).toEqual(['b.txt']);
    expect(names(await discord.click(reply, 'Add', { as: alice }))).toEqual(['c.txt']);
    expect(names(await discord.click(reply, 'Clear', { as: alice }))).toEqual([]);
  });

  it('GIVEN a channel message and a follow-up with files THEN both carry their attachments', async () => {
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('Posting');
      await interaction.followUp({
        files: [new AttachmentBuilder(Buffer.from('f'), { name: 'follow.txt' })],
      });
    });
    const reply = await discord.slash('summary', { story: 'x' }, { as: alice, channel });
    await discord.waitForMessage(channel, (message) => message.attachments.length > 0, 2_000);
    expect(
      discord.followUps(reply).flatMap((message) => message.attachments.map((file) => file.filename)),
    ).toEqual(['follow.txt']);
    const text = (await client.channels.fetch(channel.id)) as TextChannel;
    const sent = await text.send({
      files: [new AttachmentBuilder(Buffer.from('x,y\n'), { name: 'table.csv' })],
    });
    const posted = discord.message(sent.id);
    expect(posted?.attachments.map((file) => [file.filename, file.size])).toEqual([['table.csv', 4]]);
    expect(discord.attachmentData(posted?.attachments[0]?.id ?? '')?.toString()).toBe('x,y\n');
    expect(sent.attachments.first()?.name).toBe('table.csv');
  });
});
