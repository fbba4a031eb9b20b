import { MessageFlags } from 'discord.js';
import { noStatsText, statsEmbed } from '../messages/score-messages.js';
import { serverSubcommand, subcommandData } from './shared.js';

export const statsSubcommand = serverSubcommand(
  subcommandData('stats', 'Points, accuracy, streaks and rank').addUserOption((option) =>
    option.setName('member').setDescription('Whose stats (default: yours)'),
  ),
  'members',
  async (interaction, context) => {
    const target = interaction.options.getUser('member') ?? interaction.user;
    const outcome = context.quiz.stats(interaction.guildId, target.id);
    await interaction.reply({
      ...(outcome.kind === 'ok'
        ? { embeds: [statsEmbed(target.id, outcome.stats)] }
        : { content: noStatsText(target.id === interaction.user.id, target.id) }),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
);
