import { MessageFlags } from 'discord.js';
import { scoresRemovedText } from '../messages/score-messages.js';
import { serverSubcommand, subcommandData } from './shared.js';

export const removeScoresSubcommand = serverSubcommand(
  subcommandData(
    'remove-scores',
    'Admins: delete a member’s quiz scores, e.g. after they left',
  ).addUserOption((option) =>
    option.setName('member').setDescription('Whose scores to remove').setRequired(true),
  ),
  'admins',
  async (interaction, context) => {
    const target = interaction.options.getUser('member', true);
    const removed = context.quiz.removeScores(interaction.guildId, target.id, interaction.user.id);
    await interaction.reply({
      content: scoresRemovedText(removed, target.id),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
);
