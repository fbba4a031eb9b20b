import { changePings } from './membership.js';
import { quizSubcommand, subcommandData } from './shared.js';

export const joinSubcommand = quizSubcommand(subcommandData('join', 'Get pinged for each daily question'), {
  execute: (interaction, context) => changePings(interaction, context, 'join'),
});
