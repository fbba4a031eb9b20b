import { changePings } from './membership.js';
import { quizSubcommand, subcommandData } from './shared.js';

export const leaveSubcommand = quizSubcommand(
  subcommandData('leave', 'Stop getting pinged for the daily question'),
  { execute: (interaction, context) => changePings(interaction, context, 'leave') },
);
