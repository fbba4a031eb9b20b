import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { settingsMessages } from '../messages/settings-messages.js';

/** The server's id when a server admin (Manage Server) asks; otherwise refuses plainly. */
export function requireAdmin(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) throw new UserError(settingsMessages.outsideServer);
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    throw new UserError(settingsMessages.notAdmin);
  return interaction.guildId;
}
