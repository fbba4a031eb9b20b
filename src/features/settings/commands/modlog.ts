import { ChannelType, MessageFlags, SlashCommandSubcommandBuilder } from 'discord.js';
import { checkBotPermissions, modLogPermissions } from '../../../platform/discord/permissions.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import type { SettingsContext } from '../discord/context.js';
import { settingsMessages } from '../messages/settings-messages.js';
import { requireAdmin } from './admin-guard.js';

export const modLogSubcommand: Subcommand<SettingsContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('modlog')
    .setDescription('Choose the channel where moderator actions and reports are posted')
    .addChannelOption((option) =>
      option
        .setName('channel')
        .setDescription('A text channel moderators can read')
        .setRequired(true)
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    ),
  audience: 'admin',
  help: 'Choose the mod-log channel for debate moderation and reports.',
  async execute(interaction, context) {
    const guildId = requireAdmin(interaction);
    const chosen = interaction.options.getChannel('channel', true, [
      ChannelType.GuildText,
      ChannelType.GuildAnnouncement,
    ]);
    const channel = interaction.guild?.channels.cache.get(chosen.id);
    if (!channel || channel.isThread() || !channel.isTextBased())
      throw new UserError(settingsMessages.modLogNotText);
    const me = context.client.user;
    const check = checkBotPermissions(me ? channel.permissionsFor(me) : null, modLogPermissions, channel.id);
    if (check.kind === 'missing') throw new UserError(check.message);
    context.settings.update(guildId, { modLogChannelId: channel.id }, context.clock.now());
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let posted = true;
    try {
      await channel.send({
        content: settingsMessages.modLogFirstLine(interaction.user.id),
        allowedMentions: { parse: [] },
      });
    } catch (error) {
      context.logger.warn(
        { err: error, guildId, channelId: channel.id },
        'could not post to the new mod log',
      );
      posted = false;
    }
    await interaction.editReply({ content: settingsMessages.modLogChosen(channel.id, posted) });
  },
};
