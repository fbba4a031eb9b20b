import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChatInputCommand } from '../../../src/platform/router/command.js';
import { UserError } from '../../../src/platform/router/errors.js';
import { seedPolitics, startWorld, type World } from '../../support/harness.js';

/** Posts publicly after `prepare` has checked the input; `late-refusal` defers publicly, then refuses. */
const post = {
  kind: 'chat-input',
  audience: 'everyone',
  help: 'Posts publicly after checking its input.',
  cooldownSeconds: 30,
  data: new SlashCommandBuilder()
    .setName('post')
    .setDescription('Posts publicly after checking its input')
    .addStringOption((option) => option.setName('text').setDescription('What to post').setRequired(true))
    .toJSON(),
  prepare(interaction) {
    const text = interaction.options.getString('text', true);
    if (text === 'bad') throw new UserError('That input is not valid.');
    return text.toUpperCase();
  },
  async execute(interaction, _context, shout) {
    if (shout === 'LATE-REFUSAL') {
      await interaction.deferReply();
      throw new UserError('Refused after deferring.');
    }
    await interaction.reply(shout);
  },
} satisfies ChatInputCommand<never, string>;

let world: World<ReturnType<typeof seedPolitics>>;

beforeAll(async () => {
  world = await startWorld({ seed: seedPolitics, commands: [post] });
});
afterAll(() => world.stop());

function postAs(text: string, as = world.alice) {
  return world.discord.slash('post', { text }, { as, channel: world.channel });
}

describe('prepare runs before the cooldown', () => {
  test('GIVEN a public use, then bad input within the cooldown THEN the input error is answered, then the cooldown', async () => {
    expect((await postAs('hello')).content).toBe('HELLO');
    expect((await postAs('bad')).content).toBe('That input is not valid.');
    expect((await postAs('again')).content).toMatch(
      /^Slow down a little: you can use \/post again <t:\d+:R>/,
    );
  });

  test('GIVEN bad input first THEN it uses up no cooldown', async () => {
    expect((await postAs('bad', world.bob)).content).toBe('That input is not valid.');
    expect((await postAs('hello', world.bob)).content).toBe('HELLO');
  });

  test('GIVEN a refusal after a public deferral THEN the cooldown is given back', async () => {
    expect((await postAs('late-refusal', world.carol)).content).toBe('Refused after deferring.');
    expect((await postAs('hello', world.carol)).content).toBe('HELLO');
  });

  test('GIVEN what prepare returns THEN execute receives it', async () => {
    world.clock.advance(31_000);
    expect((await postAs('handed over')).content).toBe('HANDED OVER');
  });
});
