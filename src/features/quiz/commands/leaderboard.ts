import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { type LeaderboardPeriod, leaderboardPeriods } from '../core/scoring.js';
import { leaderboardEmbed } from '../messages/score-messages.js';
import { serverSubcommand, subcommandData } from './shared.js';

function periodOption(interaction: ChatInputCommandInteraction): LeaderboardPeriod {
  const value = interaction.options.getString('period') ?? 'all';
  const period = leaderboardPeriods.find((candidate) => candidate === value);
  if (!period) throw new UserError('Pick a period: week, month or all.');
  return period;
}

export const leaderboardSubcommand = serverSubcommand(
  subcommandData('leaderboard', 'Top 10 by points, and your own rank').addStringOption((option) =>
    option
      .setName('period')
      .setDescription('Which scores to count (default: all time)')
      .addChoices(
        { name: 'This week', value: 'week' },
        { name: 'This month', value: 'month' },
        { name: 'All time', value: 'all' },
      ),
  ),
  'members',
  async (interaction, context) => {
    const period = periodOption(interaction);
    const board = context.quiz.leaderboard(interaction.guildId, interaction.user.id, period);
    await interaction.reply({
      embeds: [leaderboardEmbed(period, board.rows, board.caller, interaction.user.id, board.players)],
      flags: MessageFlags.Ephemeral,
    });
  },
);
