import { MessageFlags } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import type { QuizContext } from '../discord/context.js';
import { settingsReply, settingsTexts } from '../messages/settings-messages.js';
import type { SettingsChange } from '../use-cases/change-settings.js';
import {
  addQuizOptions,
  autocompleteTimeZone,
  readChannel,
  readDurationMinutes,
  readPingRole,
  readPostTime,
  readTimeZone,
} from './quiz-options.js';
import { requireConfigured, type ServerCommand, serverSubcommand, subcommandData } from './shared.js';

const removePingRole = 'remove-ping-role';

function requireSetUp(context: QuizContext, guildId: string) {
  const state = context.quiz.settings(guildId);
  if (state.kind === 'none') throw new UserError(settingsTexts.notSetUp);
  return requireConfigured(state).config;
}

/** `/quiz settings`: changes the settings given, each checked as setup checks it, and keeps the others. */
async function runSettings(interaction: ServerCommand, context: QuizContext): Promise<void> {
  const current = requireSetUp(context, interaction.guildId);
  const now = context.clock.now();
  const postTime = readPostTime(interaction, false);
  const timeZone = readTimeZone(interaction, false, now);
  const durationMinutes = readDurationMinutes(interaction);
  const channel = readChannel(interaction, false);
  const removeRole = interaction.options.getBoolean(removePingRole) === true;
  const ping = readPingRole(interaction, channel ?? interaction.guild.channels.cache.get(current.channelId));
  if (ping && removeRole) throw new UserError(settingsTexts.roleAndRemoval);

  const change: SettingsChange = {
    ...(channel ? { channelId: channel.id } : {}),
    ...(postTime === null ? {} : { postTime }),
    ...(timeZone === null ? {} : { timeZone }),
    ...(durationMinutes === null ? {} : { durationMinutes }),
    ...(ping ? { pingRoleId: ping.role.id } : removeRole ? { pingRoleId: null } : {}),
  };
  if (Object.keys(change).length === 0) throw new UserError(settingsTexts.nothingGiven);
  const outcome = requireConfigured(context.quiz.changeSettings(interaction.guildId, change));
  await interaction.reply({
    content: settingsReply({ ...outcome, warnings: ping?.warnings ?? [] }),
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

export const settingsSubcommand = serverSubcommand(
  addQuizOptions(
    subcommandData('settings', 'Admins: change one or more quiz settings and keep the others'),
    false,
    'A new role to ping with each question',
  ).addBooleanOption((option) =>
    option.setName(removePingRole).setDescription('True to stop pinging any role with the question'),
  ),
  'admins',
  runSettings,
  { autocomplete: autocompleteTimeZone },
);
