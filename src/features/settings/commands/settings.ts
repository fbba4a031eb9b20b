import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { defineCommandWithSubcommands } from '../../../platform/router/subcommands.js';
import type { SettingsContext } from '../discord/context.js';
import { debateWarningsSubcommand } from './debate-warnings.js';
import { modLogSubcommand } from './modlog.js';

export default defineCommandWithSubcommands<SettingsContext>({
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription("Roundtable's settings for this server (admins)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  audience: 'admin',
  help: 'Server settings: the mod-log channel and the debate warning limit and timeout.',
  subcommands: [modLogSubcommand, debateWarningsSubcommand],
});
