import { MessageFlags } from 'discord.js';
import { defaultDurationMinutes, type QuizConfig } from '../core/config.js';
import type { QuizContext } from '../discord/context.js';
import { setupReply } from '../messages/settings-messages.js';
import {
  addQuizOptions,
  autocompleteTimeZone,
  readChannel,
  readDurationMinutes,
  readPingRole,
  readPostTime,
  readTimeZone,
} from './quiz-options.js';
import { type ServerCommand, serverSubcommand, subcommandData } from './shared.js';

async function runSetup(interaction: ServerCommand, context: QuizContext): Promise<void> {
  const now = context.clock.now();
  const postTime = readPostTime(interaction, true);
  const timeZone = readTimeZone(interaction, true, now);
  const durationMinutes = readDurationMinutes(interaction) ?? defaultDurationMinutes;
  const channel = readChannel(interaction, true);
  const ping = readPingRole(interaction, channel);

  const config: QuizConfig = {
    guildId: interaction.guildId,
    channelId: channel.id,
    postTime,
    timeZone,
    durationMinutes,
    pingRoleId: ping?.role.id ?? null,
    paused: false,
    activeSince: now,
    updatedAt: now,
  };
  const on = context.quiz.setUp(config);
  await interaction.reply({
    content: setupReply({ config, ...on, warnings: ping?.warnings ?? [] }),
    flags: MessageFlags.Ephemeral,
  });
}

export const setupSubcommand = serverSubcommand(
  addQuizOptions(
    subcommandData('setup', 'Admins: post a daily question in a channel at a local time (Manage Server)'),
    true,
    'Role pinged with each question; members join it with /quiz join',
  ),
  'admins',
  runSetup,
  { autocomplete: autocompleteTimeZone },
);
