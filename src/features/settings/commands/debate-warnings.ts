import { MessageFlags, PermissionFlagsBits, SlashCommandSubcommandBuilder } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import { maximumTimeoutMinutes } from '../../debate/core/escalation.js';
import type { SettingsContext } from '../discord/context.js';
import { settingsMessages } from '../messages/settings-messages.js';
import { requireAdmin } from './admin-guard.js';

export const debateWarningsSubcommand: Subcommand<SettingsContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('debate-warnings')
    .setDescription('How many debate warnings lead to removal, and the timeout then (empty: show)')
    .addIntegerOption((option) =>
      option
        .setName('limit')
        .setDescription('Warnings before removal (1-10, default 3)')
        .setMinValue(1)
        .setMaxValue(10),
    )
    .addIntegerOption((option) =>
      option
        .setName('timeout-minutes')
        .setDescription('Timeout at the limit in minutes (0 for none, default 60, at most 40320)')
        .setMinValue(0)
        .setMaxValue(maximumTimeoutMinutes),
    ),
  audience: 'admin',
  help: 'Set how many debate warnings lead to removal and a timeout.',
  async execute(interaction, context) {
    const guildId = requireAdmin(interaction);
    const limit = interaction.options.getInteger('limit');
    const timeoutMinutes = interaction.options.getInteger('timeout-minutes');
    if (limit !== null && (limit < 1 || limit > 10)) throw new UserError(settingsMessages.warningLimitRange);
    if (timeoutMinutes !== null && (timeoutMinutes < 0 || timeoutMinutes > maximumTimeoutMinutes))
      throw new UserError(settingsMessages.timeoutRange);
    const changed = limit !== null || timeoutMinutes !== null;
    const current = changed
      ? context.settings.update(
          guildId,
          {
            ...(limit === null ? {} : { debateWarningLimit: limit }),
            ...(timeoutMinutes === null ? {} : { debateTimeoutMinutes: timeoutMinutes }),
          },
          context.clock.now(),
        )
      : context.settings.get(guildId);
    await interaction.reply({
      content: settingsMessages.debateWarnings(
        current,
        changed,
        interaction.appPermissions.has(PermissionFlagsBits.ModerateMembers),
      ),
      flags: MessageFlags.Ephemeral,
    });
  },
};
