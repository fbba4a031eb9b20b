import { ButtonStyle, ComponentType, MessageFlags, REST, Routes, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { buildCustomId } from '../../../src/platform/ids/custom-id.js';
import { type ChatInputCommand, defineComponent } from '../../../src/platform/router/command.js';
import { UserError } from '../../../src/platform/router/errors.js';
import {
  genericErrorMessage,
  malformedComponentMessage,
  staleComponentMessage,
} from '../../../src/platform/router/router.js';
import { seedPolitics, startWorld, type World } from '../../support/harness.js';

const echo = defineComponent({
  feature: 'probe',
  action: 'echo',
  args: z.tuple([z.coerce.number().int().min(1).max(9)]),
  async handle(interaction, [count]) {
    await interaction.reply({ content: `echo ${count}`, flags: MessageFlags.Ephemeral });
  },
});

const probe = {
  kind: 'chat-input',
  audience: 'everyone',
  help: 'Exercises the router.',
  data: new SlashCommandBuilder()
    .setName('probe')
    .setDescription('Exercises the router')
    .addStringOption((option) =>
      option
        .setName('mode')
        .setDescription('What to do')
        .setRequired(true)
        .addChoices(
          ...[
            'ok',
            'user-error',
            'throw',
            'defer-then-throw',
            'defer-then-user-error',
            'silent',
            'buttons',
          ].map((mode) => ({ name: mode, value: mode })),
        ),
    )
    .toJSON(),
  components: [echo],
  async execute(interaction) {
    const mode = interaction.options.getString('mode', true);
    if (mode === 'ok') return interaction.reply('fine');
    if (mode === 'user-error') throw new UserError('That story does not exist.');
    if (mode === 'throw') throw new Error(`boom with internals /secret/path`);
    if (mode === 'silent') return undefined;
    if (mode === 'buttons') {
      return interaction.reply({
        content: 'buttons',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Primary,
                label: 'Good',
                custom_id: buildCustomId('probe', 'echo', 3),
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Primary,
                label: 'Bad args',
                custom_id: buildCustomId('probe', 'echo', 42),
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Primary,
                label: 'Unknown route',
                custom_id: buildCustomId('probe', 'nothing'),
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Primary,
                label: 'Old version',
                custom_id: 'rt0:probe:echo:3',
              },
              { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Garbage', custom_id: '%%%' },
            ],
          },
        ],
      });
    }
    await interaction.deferReply();
    if (mode === 'defer-then-user-error') throw new UserError('Pick a shorter motion.');
    throw new Error('failed after deferring');
  },
} satisfies ChatInputCommand;

const shout = {
  kind: 'chat-input',
  audience: 'everyone',
  help: 'Posts publicly, with a cooldown.',
  cooldownSeconds: 30,
  data: new SlashCommandBuilder()
    .setName('shout')
    .setDescription('Posts publicly, with a cooldown')
    .addStringOption((option) =>
      option
        .setName('mode')
        .setDescription('What to do')
        .setRequired(true)
        .addChoices(...['public', 'refuse', 'private'].map((mode) => ({ name: mode, value: mode }))),
    )
    .toJSON(),
  async execute(interaction) {
    const mode = interaction.options.getString('mode', true);
    if (mode === 'refuse') throw new UserError('No such story.');
    if (mode === 'private')
      return interaction.reply({ content: 'just for you', flags: MessageFlags.Ephemeral });
    return interaction.reply('hello, channel');
  },
} satisfies ChatInputCommand;

let world: World<ReturnType<typeof seedPolitics>>;

beforeAll(async () => {
  world = await startWorld({ seed: seedPolitics, commands: [probe, shout] });
});
afterAll(() => world.stop());

function ask(mode: string) {
  return world.discord.slash('probe', { mode }, { as: world.alice, channel: world.channel });
}

describe('router error boundary', () => {
  test('GIVEN a handler that answers THEN the member sees its answer', async () => {
    const reply = await ask('ok');
    expect(reply.content).toBe('fine');
  });

  test('GIVEN a user error before any answer THEN it becomes a private reply with its message', async () => {
    const reply = await ask('user-error');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('That story does not exist.');
    expect(world.problems().some((line) => line.msg === 'interaction handler failed')).toBe(false);
  });

  test('GIVEN an unexpected error THEN the member gets the generic message and the log has the details', async () => {
    const reply = await ask('throw');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(genericErrorMessage);
    expect(reply.content).not.toContain('/secret/path');
    const logged = world.problems().find((line) => line.msg === 'interaction handler failed');
    expect(logged).toMatchObject({ command: 'probe', userId: world.alice.id, guildId: world.guild.id });
  });

  test('GIVEN an error after deferring THEN the deferred reply is completed with the generic message', async () => {
    const reply = await ask('defer-then-throw');
    expect(reply.content).toBe(genericErrorMessage);
  });

  test('GIVEN a user error after deferring THEN the deferred reply carries the message', async () => {
    const reply = await ask('defer-then-user-error');
    expect(reply.content).toBe('Pick a shorter motion.');
  });

  test('GIVEN a handler that returns without answering THEN the router answers and logs it', async () => {
    const reply = await ask('silent');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(genericErrorMessage);
    expect(
      world.problems().some((line) => line.msg === 'handler finished without answering the interaction'),
    ).toBe(true);
  });

  test('GIVEN a command the bot no longer has THEN the member is told plainly', async () => {
    const unknown = { ...probe, data: { ...probe.data, name: 'vanished' } } satisfies ChatInputCommand;
    const rest = new REST({ api: world.discord.apiUrl }).setToken(world.discord.token);
    await rest.put(Routes.applicationCommands(world.discord.applicationId), {
      body: [probe.data, shout.data, unknown.data],
    });
    const reply = await world.discord.slash(
      'vanished',
      { mode: 'ok' },
      { as: world.alice, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/no longer available/);
  });
});

describe('component routing', () => {
  test('GIVEN valid, out-of-range, unknown, old and garbage custom ids THEN each gets a clear private answer', async () => {
    const failuresBefore = world
      .problems()
      .filter((line) => line.msg === 'interaction handler failed').length;
    const message = await ask('buttons');
    expect((await world.discord.click(message, 'Good', { as: world.bob })).content).toBe('echo 3');
    for (const [label, expected] of [
      ['Bad args', malformedComponentMessage],
      ['Unknown route', malformedComponentMessage],
      ['Old version', staleComponentMessage],
      ['Garbage', malformedComponentMessage],
    ] as const) {
      const answer = await world.discord.click(message, label, { as: world.bob });
      expect(answer.ephemeral, label).toBe(true);
      expect(answer.content, label).toBe(expected);
    }
    expect(world.problems().filter((line) => line.msg === 'interaction handler failed')).toHaveLength(
      failuresBefore,
    );
  });
});

describe('per-member cooldown on public commands', () => {
  function shoutAs(mode: string, as = world.carol) {
    return world.discord.slash('shout', { mode }, { as, channel: world.channel });
  }

  test('GIVEN refused and private uses THEN they do not start the cooldown, and a public use does', async () => {
    expect((await shoutAs('refuse')).content).toBe('No such story.');
    expect((await shoutAs('private')).content).toBe('just for you');
    expect((await shoutAs('public')).content).toBe('hello, channel');
    const refused = await shoutAs('public');
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/^Slow down a little: you can use \/shout again <t:\d+:R>/);
    expect((await shoutAs('public', world.bob)).content).toBe('hello, channel');
  });

  test('GIVEN the cooldown has passed THEN the member can post again', async () => {
    world.clock.advance(31_000);
    expect((await shoutAs('public')).content).toBe('hello, channel');
  });
});
