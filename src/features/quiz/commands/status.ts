import { MessageFlags } from 'discord.js';
import { missingChannelPermissions } from '../discord/quiz-permissions.js';
import { channelGoneText, damagedStatus, notSetUpStatus, statusLines } from '../messages/status-text.js';
import { hasManageServer, serverSubcommand, subcommandData } from './shared.js';

export const statusSubcommand = serverSubcommand(
  subcommandData('status', 'Next question time, channel, questions left and the latest round'),
  'members',
  async (interaction, context) => {
    const { guild, guildId } = interaction;
    const outcome = context.quiz.status(guildId);
    if (outcome.kind !== 'ok') {
      await interaction.reply({
        content: outcome.kind === 'none' ? notSetUpStatus : damagedStatus(outcome.problems),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const forAdmins = hasManageServer(interaction);
    const lines = statusLines(outcome.status, forAdmins);
    const channelId = outcome.status.config.channelId;
    const channel = guild.channels.cache.get(channelId);
    if (!channel) lines.push(channelGoneText(forAdmins));
    else {
      const missing = missingChannelPermissions(channel);
      if (missing.length > 0) lines.push(`⚠️ I lack ${missing.join(', ')} in <#${channel.id}>.`);
    }
    await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral });
  },
);
