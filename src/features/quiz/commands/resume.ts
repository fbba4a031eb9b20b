import { MessageFlags } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { nextQuestionText, retriedNotice } from '../messages/status-text.js';
import { requireConfigured, serverSubcommand, subcommandData } from './shared.js';

export const resumeSubcommand = serverSubcommand(
  subcommandData('resume', 'Admins: start posting questions again'),
  'admins',
  async (interaction, context) => {
    const outcome = requireConfigured(context.quiz.resume(interaction.guildId));
    if (outcome.kind === 'not-paused') throw new UserError('The daily quiz is not paused.');
    await interaction.reply({
      content: `The daily quiz is back on.${outcome.retried ? ` ${retriedNotice}` : ''} Next question: ${nextQuestionText(outcome.next, outcome.now)}.`,
      flags: MessageFlags.Ephemeral,
    });
  },
);
