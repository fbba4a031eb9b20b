import { type LoopbackDiscord, startLoopbackDiscord } from '@roundtable/loopback-discord';
import { createBareClient, loginAndWaitReady } from '@roundtable/loopback-discord/testing';
import type { Client, TextChannel } from 'discord.js';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxSession } from '../src/session.js';

const commands = [
  {
    name: 'summary',
    description: 'Summarise a story',
    options: [{ type: 3, name: 'story', description: 'Which story', required: true, autocomplete: true }],
  },
  { name: 'Report to moderators', type: 3 },
];

describe('SandboxSession against a bare discord.js bot', () => {
  let discord: LoopbackDiscord;
  let client: Client;
  let session: SandboxSession;
  let output: string[];
  let scheduledRuns: number[];

  beforeEach(async () => {
    discord = await startLoopbackDiscord();
    const guild = discord.seedGuild({ name: 'Sandbox' });
    const politics = discord.addChannel(guild, { name: 'politics' });
    const members = {
      you: discord.addMember(guild, { username: 'you' }),
      mod: discord.addMember(guild, { username: 'mod', permissions: ['ManageThreads'] }),
    };
    client = createBareClient(discord);
    await loginAndWaitReady(client, discord.token);
    await client.application?.commands.set(commands, guild.id);
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond(
          ['eu-budget', 'us-japan-alliance']
            .filter((story) => story.includes(typed))
            .map((story) => ({ name: story, value: story })),
        );
      } else if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: `Summary of ${interaction.options.getString('story', true)}`,
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
            ),
          ],
        });
      } else if (interaction.isButton()) {
        await interaction.update({ content: 'More detail', components: [] });
      } else if (interaction.isMessageContextMenuCommand()) {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('report')
            .setTitle('Report')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('reason').setLabel('Why?').setStyle(TextInputStyle.Short),
              ),
            ),
        );
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({
          content: `Reported: ${interaction.fields.getTextInputValue('reason')}`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });
    output = [];
    scheduledRuns = [];
    const channel = (await client.channels.fetch(politics.id)) as TextChannel;
    session = new SandboxSession(
      {
        discord,
        guild,
        home: politics,
        members,
        runScheduledWork: async () => {
          scheduledRuns.push(discord.clock.now());
          if (scheduledRuns.length === 30) await channel.send('Daily quiz is open');
        },
      },
      (lines) => output.push(...lines),
    );
    session.start();
  });

  afterEach(async () => {
    session.stop();
    await client.destroy();
    await discord.close();
  });

  const printedSince = async (line: string): Promise<string[]> => {
    const before = output.length;
    const result = await session.run(line);
    expect(result).toEqual({ kind: 'continue', failed: false });
    return output.slice(before);
  };

  it('GIVEN a slash command with a ? value THEN the bot suggestions are printed instead of running it', async () => {
    expect(await printedSince('/summary story:jap?')).toEqual([
      '  suggestions for story:',
      '    us-japan-alliance',
    ]);
  });

  it('GIVEN a reply with a button WHEN clicked by number THEN the reply and its update are printed once each', async () => {
    const reply = await printedSince('/summary story:eu-budget');
    expect(reply[0]).toMatch(/^#1 Roundtable \[bot\] · \d\d:\d\d · answering \/summary by you$/);
    expect(reply).toContain('  Summary of eu-budget');
    expect(reply).toContain('  [1] More');
    const updated = await printedSince(':click 1');
    expect(updated[0]).toContain('#1 Roundtable [bot]');
    expect(updated[0]).toContain('edited');
    expect(updated).toContain('  More detail');
  });

  it('GIVEN a message context menu opening a modal WHEN submitted THEN the modal and the ephemeral answer are printed', async () => {
    await printedSince(':say something rude');
    const modal = await printedSince(':menu "Report to moderators" #1');
    expect(modal[0]).toBe('▢ Report');
    const answer = await printedSince(':submit reason="insults"');
    expect(answer.join('\n')).toContain('Reported: insults');
    expect(answer[0]).toContain('only you can see this');
  });

  it('GIVEN :as and :say THEN the member posts and the prompt follows who is acting', async () => {
    expect(session.prompt).toBe('you in #politics> ');
    await printedSince(':as mod');
    expect(session.prompt).toBe('mod in #politics> ');
    const said = await printedSince(':say hello from mod');
    expect(said[0]).toMatch(/^#1 mod · /);
    expect(discord.messagesIn(session.channel).map((message) => message.content)).toEqual(['hello from mod']);
  });

  it('GIVEN :clock +2h THEN scheduled work runs every minute of the way and its posts are printed', async () => {
    const start = discord.clock.now();
    const printed = await printedSince(':clock +2h');
    expect(scheduledRuns).toHaveLength(120);
    expect((scheduledRuns.at(-1) ?? 0) - start).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(printed.some((line) => line.includes('Daily quiz is open'))).toBe(true);
    expect(printed.at(-1)).toMatch(/^⏰ it is now /);
  });

  it('GIVEN mistakes THEN they are printed and reported as failed lines', async () => {
    const before = output.length;
    expect(await session.run('/nope')).toEqual({ kind: 'continue', failed: true });
    expect(await session.run(':click 1')).toEqual({ kind: 'continue', failed: true });
    expect(await session.run(':quit')).toEqual({ kind: 'quit' });
    expect(output.slice(before)).toEqual([
      '✗ /nope is not registered (registered: summary)',
      '✗ no message with buttons or menus yet',
    ]);
  });

  it('GIVEN partial input THEN Tab completion offers commands, options, suggestions and members', async () => {
    expect(await session.complete('/su')).toEqual([['/summary'], '/su']);
    expect(await session.complete('/summary ')).toEqual([['story:'], '']);
    expect(await session.complete('/summary story:jap')).toEqual([['story:us-japan-alliance'], 'story:jap']);
    expect(await session.complete(':as m')).toEqual([['mod'], 'm']);
  });
});
