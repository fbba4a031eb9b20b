import { MessageFlags } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { requireConfigured, serverSubcommand, subcommandData } from './shared.js';

export const pauseSubcommand = serverSubcommand(
  subcommandData('pause', 'Admins: stop posting questions until resumed'),
  'admins',
  async (interaction, context) => {
    const outcome = requireConfigured(context.quiz.pause(interaction.guildId));
    if (outcome.kind === 'already-paused')
      throw new UserError('The daily quiz is already paused. Resume it with `/quiz resume`.');
    await interaction.reply({
      content:
        'The daily quiz is paused: no new questions until `/quiz resume`. A question already posted still closes and scores as usual.',
      flags: MessageFlags.Ephemeral,
    });
  },
);
