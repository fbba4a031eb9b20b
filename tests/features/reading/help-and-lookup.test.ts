import {
  PermissionFlagsBits,
  PermissionsBitField,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { describe, expect, test } from 'vitest';
import { helpEntriesFor } from '../../../src/features/help/commands/help.js';
import { buildHelpPages } from '../../../src/features/help/messages/help-view.js';
import { lookUpStory } from '../../../src/features/reading/core/story-lookup.js';
import {
  ambiguousStoryMessage,
  unknownStoryMessage,
} from '../../../src/features/reading/discord/story-option.js';
import type { Command } from '../../../src/platform/router/command.js';
import { embedProblems } from './embed-checks.js';
import { buildLibrary, buildPack } from './fixtures.js';

const noop = async () => undefined;

const commands: Command[] = [
  {
    kind: 'chat-input',
    data: new SlashCommandBuilder().setName('summary').setDescription('Summary').toJSON(),
    audience: 'everyone',
    help: 'Read a summary.',
    execute: noop,
  },
  {
    kind: 'chat-input',
    data: new SlashCommandBuilder()
      .setName('settings')
      .setDescription('Settings')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .toJSON(),
    audience: 'admin',
    help: 'Change server settings.',
    execute: noop,
  },
  {
    kind: 'chat-input',
    data: new SlashCommandBuilder()
      .setName('debate')
      .setDescription('Debates')
      .addSubcommand(new SlashCommandSubcommandBuilder().setName('prompt').setDescription('A prompt'))
      .addSubcommand(new SlashCommandSubcommandBuilder().setName('start').setDescription('Start one'))
      .toJSON(),
    audience: 'everyone',
    help: 'Debates.',
    subcommands: {
      prompt: { audience: 'everyone', help: 'A motion to discuss.' },
      start: { audience: 'moderator', help: 'Open a debate thread.' },
    },
    execute: noop,
  },
];

function usagesFor(permissions: bigint | null): string[] {
  const memberPermissions = permissions === null ? null : new PermissionsBitField(permissions);
  return helpEntriesFor(commands, { userId: '1', memberPermissions }).map((entry) => entry.usage);
}

describe('/help entries', () => {
  test('GIVEN a member without special permissions THEN only everyone commands and subcommands are listed', () => {
    expect(usagesFor(PermissionFlagsBits.SendMessages)).toEqual(['/summary', '/debate prompt']);
  });

  test('GIVEN a moderator who can manage threads THEN moderator subcommands appear but not admin commands', () => {
    expect(usagesFor(PermissionFlagsBits.ManageThreads)).toEqual([
      '/summary',
      '/debate prompt',
      '/debate start',
    ]);
  });

  test('GIVEN an administrator THEN everything is listed', () => {
    expect(usagesFor(PermissionFlagsBits.Administrator)).toEqual([
      '/summary',
      '/settings',
      '/debate prompt',
      '/debate start',
    ]);
  });

  test('GIVEN a direct message without member permissions THEN only everyone commands are listed', () => {
    expect(usagesFor(null)).toEqual(['/summary', '/debate prompt']);
  });

  test('GIVEN entries of every audience and stories THEN the help card fits and names its sections', () => {
    const entries = helpEntriesFor(commands, {
      userId: '1',
      memberPermissions: new PermissionsBitField(PermissionFlagsBits.Administrator),
    });
    const library = buildLibrary([buildPack({ id: 'us-japan-alliance', title: 'The US-Japan alliance' })]);
    const pages = buildHelpPages(entries, library.stories);
    expect(pages).toHaveLength(1);
    expect(embedProblems(pages[0]!)).toEqual([]);
    expect(pages[0]?.fields.map((field) => field.name)).toEqual([
      'Commands',
      'For moderators',
      'For admins',
      'Stories to read',
    ]);
  });
});

describe('story lookup', () => {
  const library = buildLibrary([
    buildPack({
      id: 'us-japan-alliance',
      title: 'The US-Japan alliance and the cost of US forces',
      tags: ['japan', 'okinawa'],
    }),
    buildPack({
      id: 'japan-defence-buildup',
      title: "Japan's defence build-up",
      tags: ['japan', 'defence'],
      asOf: '2026-11-20',
    }),
  ]);

  test('GIVEN the id autocomplete sends THEN the story is found', () => {
    expect(lookUpStory(library, 'us-japan-alliance')).toMatchObject({
      kind: 'found',
      story: { id: 'us-japan-alliance' },
    });
  });

  test('GIVEN an id or title typed by hand in another case THEN the story is found', () => {
    expect(lookUpStory(library, ' US-Japan-Alliance ')).toMatchObject({
      kind: 'found',
      story: { id: 'us-japan-alliance' },
    });
    expect(lookUpStory(library, "japan's DEFENCE build-up")).toMatchObject({
      kind: 'found',
      story: { id: 'japan-defence-buildup' },
    });
  });

  test('GIVEN words typed instead of picking, one story matching them clearly THEN that story is found', () => {
    for (const typed of ['us japan', 'us-japan-aliance', 'Okinawa', 'defence', 'japan defence build up']) {
      expect(lookUpStory(library, typed), typed).toMatchObject({
        kind: 'found',
        story: { id: typed.includes('defence') ? 'japan-defence-buildup' : 'us-japan-alliance' },
      });
    }
  });

  test('GIVEN a word both stories match about equally THEN both are offered, and none is picked', () => {
    const lookup = lookUpStory(library, 'japan');
    expect(lookup.kind).toBe('ambiguous');
    if (lookup.kind === 'ambiguous')
      expect(lookup.matches.map((story) => story.id).sort()).toEqual([
        'japan-defence-buildup',
        'us-japan-alliance',
      ]);
  });

  test('GIVEN a very short text THEN no story is picked from it alone', () => {
    expect(lookUpStory(library, 'ok').kind).not.toBe('found');
  });

  test('GIVEN a misspelt id run together THEN the answer suggests the close story first', () => {
    const lookup = lookUpStory(library, 'usjapanaliance');
    expect(lookup.kind).toBe('unknown');
    if (lookup.kind === 'unknown') expect(lookup.suggestions[0]?.id).toBe('us-japan-alliance');
  });

  test('GIVEN an ambiguous text THEN the message asks which story, listing each with its id', () => {
    const message = ambiguousStoryMessage('japan', library.stories);
    expect(message).toContain('More than one story matches “japan”');
    expect(message).toContain('(`us-japan-alliance`)');
    expect(message).toContain('(`japan-defence-buildup`)');
  });

  test('GIVEN an unknown story THEN the message names it safely and lists suggestions within 2000 characters', () => {
    const message = unknownStoryMessage('**loud** `x` @everyone'.repeat(20), library.stories, []);
    expect(message.length).toBeLessThanOrEqual(2000);
    expect(message).toContain('\\*\\*loud\\*\\*');
    expect(message).toContain('(`us-japan-alliance`)');
  });

  test('GIVEN nothing close THEN the newest stories are offered instead', () => {
    const message = unknownStoryMessage('zzzz', [], library.stories);
    expect(message).toContain('These are the newest stories');
    expect(message).toContain('japan-defence-buildup');
  });
});
