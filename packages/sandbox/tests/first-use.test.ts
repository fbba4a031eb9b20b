import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoopbackDiscord, startLoopbackDiscord } from '@roundtable/loopback-discord';
import { createBareClient, loginAndWaitReady } from '@roundtable/loopback-discord/testing';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  EmbedBuilder,
  MessageFlags,
  type TextChannel,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxSession } from '../src/session.js';
import { seedSandbox } from '../src/world.js';

// The sandbox's first-use items against a bare discord.js bot in the world the CLI seeds: files in the
// transcript and :save, option descriptions and limits, the seeded channels, long thread names, edits
// printed as one line, and relative timestamps on the sandbox clock.

const motion =
  'This house believes Japan should pay far more towards the cost of the US alliance and its bases';
const csv = 'user_id,points\r\n1,10\r\n2,7\r\n3,5\r\n4,4\r\n5,3\r\n6,1\r\n';

const commands = [
  {
    name: 'quiz',
    description: 'The daily quiz',
    options: [
      {
        type: 1,
        name: 'setup',
        description: 'Admins: post a daily question',
        options: [
          {
            type: 7,
            name: 'channel',
            description: 'Where the question is posted',
            required: true,
            channel_types: [0, 5],
          },
          {
            type: 3,
            name: 'time',
            description: 'Local time, HH:MM',
            required: true,
            min_length: 4,
            max_length: 5,
          },
          {
            type: 4,
            name: 'duration',
            description: 'Hours answers stay open (default 12)',
            min_value: 1,
            max_value: 23,
          },
        ],
      },
      {
        type: 1,
        name: 'leaderboard',
        description: 'Top 10 by points',
        options: [
          {
            type: 3,
            name: 'period',
            description: 'Which scores to count',
            choices: [
              { name: 'This week', value: 'week' },
              { name: 'All time', value: 'all' },
            ],
          },
        ],
      },
      { type: 1, name: 'export', description: 'Admins: download the scores as CSV' },
    ],
  },
  { name: 'debate', description: 'Start a debate thread' },
  { name: 'cooldown', description: 'When you can change your stance again' },
];

describe('SandboxSession first use, in the seeded sandbox server', () => {
  let discord: LoopbackDiscord;
  let client: Client;
  let session: SandboxSession;
  let output: string[];

  beforeEach(async () => {
    discord = await startLoopbackDiscord();
    const { guild, home, channels, members } = seedSandbox(discord);
    client = createBareClient(discord);
    await loginAndWaitReady(client, discord.token);
    await client.application?.commands.set(commands, guild.id);
    let votes = 0;
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand() && interaction.commandName === 'quiz') {
        await interaction.reply({
          content: 'Quiz scores of 6 members.',
          files: [
            new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name: 'quiz-scores.csv' }),
            new AttachmentBuilder(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { name: 'chart.png' }),
          ],
          flags: MessageFlags.Ephemeral,
        });
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'debate') {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const channel = (await client.channels.fetch(home.id)) as TextChannel;
        const thread = await channel.threads.create({ name: motion });
        const card = await thread.send({
          embeds: [
            new EmbedBuilder()
              .setTitle('Debate')
              .setDescription(`Motion: ${motion}`)
              .addFields({ name: 'For', value: '0' }, { name: 'Closes', value: 'in 1 day' }),
          ],
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('for').setLabel('For').setStyle(ButtonStyle.Success),
            ),
          ],
        });
        await card.pin();
        await card.edit({ content: `Debate ${thread.name}` });
        await interaction.editReply(`Debate started in <#${thread.id}>`);
      } else if (interaction.isButton()) {
        votes += 1;
        await interaction.reply({ content: 'Your stance: For', flags: MessageFlags.Ephemeral });
        await interaction.message.edit({
          embeds: [
            new EmbedBuilder()
              .setTitle('Debate')
              .setDescription(`Motion: ${motion}`)
              .addFields({ name: 'For', value: String(votes) }, { name: 'Closes', value: 'in 1 day' }),
          ],
        });
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'cooldown') {
        const seconds = Math.floor(discord.clock.now() / 1000);
        await interaction.reply(
          `You can change again <t:${seconds + 9}:R>; the debate closes <t:${seconds + 3 * 3600 + 30}:R>.`,
        );
      }
    });
    output = [];
    session = new SandboxSession(
      { discord, guild, home, channels, members, runScheduledWork: async () => {} },
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

  it('GIVEN a reply with files THEN the transcript shows each file’s name, size and a text file’s first lines, and :save N DIR writes them', async () => {
    const reply = await printedSince('/quiz export');
    expect(reply).toContain('  📎 quiz-scores.csv (47 bytes, text/csv)');
    expect(reply).toContain('    │ user_id,points');
    expect(reply).toContain('    │ 4,4');
    expect(reply).not.toContain('    │ 5,3');
    expect(reply).toContain('    │ … 2 more lines');
    expect(reply).toContain('  📎 chart.png (4 bytes, image/png)');
    expect(reply).toContain('  (save them with :save 1 DIR)');
    const directory = await mkdtemp(join(tmpdir(), 'sandbox-save-'));
    try {
      const saved = await printedSince(`:save 1 ${directory}`);
      expect(saved).toEqual([
        `💾 saved quiz-scores.csv (47 bytes) to ${join(directory, 'quiz-scores.csv')}`,
        `💾 saved chart.png (4 bytes) to ${join(directory, 'chart.png')}`,
      ]);
      expect(await readFile(join(directory, 'quiz-scores.csv'), 'utf8')).toBe(csv);
      await printedSince(`:save ${join(directory, 'latest')}`);
      expect(await readFile(join(directory, 'latest', 'quiz-scores.csv'), 'utf8')).toBe(csv);
      expect(await session.run(`:save 9 ${directory}`)).toEqual({ kind: 'continue', failed: true });
      expect(output.at(-1)).toBe('✗ no message #9 (messages are numbered as they appear)');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('GIVEN :commands and option:? THEN option descriptions, choices, ranges and lengths are shown, not a type error', async () => {
    const listed = await printedSince(':commands');
    expect(listed).toContain('  /quiz setup channel:#channel time:text [duration:integer]');
    expect(listed).toContain('    Admins: post a daily question');
    expect(listed).toContain('    · channel: Where the question is posted — #channel (text or announcement)');
    expect(listed).toContain('    · time: Local time, HH:MM — text, 4 to 5 characters');
    expect(listed).toContain('    · duration: Hours answers stay open (default 12) — integer, 1 to 23');
    expect(listed).toContain(
      '    · period: Which scores to count — text; one of week (This week), all (All time)',
    );
    expect(await printedSince('/quiz setup duration:?')).toEqual([
      '  duration (/quiz setup, optional): Hours answers stay open (default 12)',
      '    integer, 1 to 23',
    ]);
    expect(await printedSince('/quiz leaderboard period:?')).toEqual([
      '  period (/quiz leaderboard, optional): Which scores to count',
      '    text; one of week (This week), all (All time)',
    ]);
    expect(await printedSince('/quiz leaderboard period:we?')).toEqual([
      '  suggestions for period:',
      '    week — This week',
    ]);
    expect((await printedSince(':commands debate'))[1]).toBe('  /debate');
  });

  it('GIVEN the seeded server THEN :help and :channels name its channels and :in #name moves between them', async () => {
    const help = await printedSince(':help');
    expect(help).toContain(
      '  :in #news | :in 1 | :in <thread name>     move to a channel, or to thread 1 of :threads',
    );
    expect(help.at(-1)).toBe('Channels here: #politics #news #quiz #debates #mod-log (:in #name to move).');
    const channels = await printedSince(':channels');
    expect(channels[0]).toMatch(/^ {2}#politics \(you are here\) — /);
    expect(channels.map((line) => line.split(' ')[2])).toEqual([
      '#politics',
      '#news',
      '#quiz',
      '#debates',
      '#mod-log',
      '(move',
    ]);
    expect(await printedSince(':in #quiz')).toEqual([
      '(now in #quiz — The daily quiz: an admin sets it up with /quiz setup channel:#quiz)',
    ]);
    expect(session.prompt).toBe('you in #quiz> ');
    await printedSince(':in news');
    expect(session.prompt).toBe('you in #news> ');
  });

  it('GIVEN a thread with a long name THEN the prompt and hints shorten it at a word, and :in 1 or the shortened name enter it', async () => {
    const started = await printedSince('/debate');
    const hint = started.find((line) => line.includes('started a thread'));
    expect(hint).toBe(
      '#1 Roundtable started a thread: This house believes Japan should pay… (join it with :in This house believes Japan should pay…)',
    );
    await printedSince(':in This house believes Japan should pay…');
    expect(session.prompt).toBe('you in #This house believes Japan…> ');
    await printedSince(':in #politics');
    await printedSince(':in 1');
    expect(session.prompt).toBe('you in #This house believes Japan…> ');
    expect((await printedSince(':threads'))[0]).toBe(`  1. ${motion} in #politics`);
  });

  it('GIVEN a card that is pinned and re-edited THEN it prints whole once, then each edit as one line saying what changed', async () => {
    const started = await printedSince('/debate');
    expect(started.filter((line) => line.includes('┌ Debate'))).toHaveLength(1);
    expect(started).toContain('#3 Roundtable pinned message #2.');
    expect(started.find((line) => line.startsWith('#2 '))).toMatch(
      /^#2 Roundtable \[bot\] · \d\d:\d\d · in #This house believes Japan should pay… · edited · pinned$/,
    );
    await printedSince(':in 1');
    const voted = await printedSince(':click For');
    expect(voted.filter((line) => line.includes('┌ Debate'))).toHaveLength(0);
    expect(voted).toContain('  Your stance: For');
    const edit = voted.filter((line) => line.startsWith('#2 '));
    expect(edit).toHaveLength(1);
    expect(edit[0]).toMatch(
      /^#2 Roundtable \[bot\] · edited \d\d:\d\d: field "For" "0" → "1" \(:show 2 for all of it\)$/,
    );
    const shown = await printedSince(':show 2');
    expect(shown).toContain('  ┌ Debate');
    expect(shown).toContain('  │ ▸ For');
  });

  it('GIVEN relative timestamps THEN they render with seconds, minutes and hours against the sandbox clock', async () => {
    await printedSince(':clock +2h');
    const reply = await printedSince('/cooldown');
    expect(reply[1]).toMatch(/^ {2}You can change again in [89] seconds; the debate closes in 3 hours\.$/);
  });
});
