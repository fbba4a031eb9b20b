import { type AutocompleteInteraction, ChannelType, MessageFlags, type Role } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { defaultDurationMinutes, type QuizConfig } from '../core/config.js';
import { maximumDurationMinutes } from '../core/schedule.js';
import { checkTimeZone, parseLocalTime, searchTimeZones } from '../core/time.js';
import type { QuizContext } from '../discord/context.js';
import {
  canPingRole,
  checkRoleManagement,
  describeRoleManagement,
  missingChannelPermissions,
} from '../discord/quiz-permissions.js';
import { nextQuestionText, retriedNotice } from '../messages/status-text.js';
import { type ServerCommand, serverSubcommand, subcommandData } from './shared.js';

const quizChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

async function autocompleteTimeZone(interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused();
  const zones = searchTimeZones(String(focused).slice(0, 100), 25);
  await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
}

async function runSetup(interaction: ServerCommand, context: QuizContext): Promise<void> {
  const { guild } = interaction;
  const now = context.clock.now();

  const timeInput = interaction.options.getString('time', true);
  const postTime = parseLocalTime(timeInput);
  if (!postTime)
    throw new UserError(
      `\`${timeInput.replace(/[`\\]/g, "'").slice(0, 20)}\` is not a time of day. Write it as HH:MM in 24-hour format, e.g. \`09:00\` or \`18:30\`.`,
    );
  const zoneInput = interaction.options.getString('timezone', true);
  const zone = checkTimeZone(zoneInput.slice(0, 100), now);
  if (zone.kind === 'invalid') {
    const suggestions =
      zone.suggestions.length > 0
        ? ` Did you mean ${zone.suggestions.map((name) => `\`${name}\``).join(', ')}?`
        : ' Pick one from the list that appears as you type.';
    throw new UserError(`${zone.reason}${suggestions}`);
  }
  const durationHours = interaction.options.getInteger('duration') ?? defaultDurationMinutes / 60;

  const channelOption = interaction.options.getChannel('channel', true, [...quizChannelTypes]);
  const channel = guild.channels.cache.get(channelOption.id);
  if (!channel?.isTextBased()) throw new UserError('Pick a text or announcement channel for the quiz.');
  const missing = missingChannelPermissions(channel);
  if (missing.length > 0)
    throw new UserError(
      `I need ${missing.join(', ')} in ${channel.toString()} to run the quiz there. Give my role these permissions in the channel's settings, then run \`/quiz setup\` again.`,
    );

  const warnings: string[] = [];
  const roleOption = interaction.options.getRole('ping-role');
  let role: Role | undefined;
  if (roleOption) {
    role = guild.roles.cache.get(roleOption.id);
    if (!role || role.id === guild.id)
      throw new UserError('Pick a role for quiz pings other than @everyone, e.g. a new "Quiz" role.');
    const management = describeRoleManagement(checkRoleManagement(guild, role), role);
    if (management)
      warnings.push(`${management} Until then members cannot join or leave the pings themselves.`);
    if (!canPingRole(channel, role))
      warnings.push(
        `${role.toString()} is not mentionable and I lack Mention Everyone in ${channel.toString()}, so the ping will not notify anyone: make the role mentionable.`,
      );
  }

  const config: QuizConfig = {
    guildId: guild.id,
    channelId: channel.id,
    postTime: `${String(postTime.hour).padStart(2, '0')}:${String(postTime.minute).padStart(2, '0')}`,
    timeZone: zone.timeZone,
    durationMinutes: durationHours * 60,
    pingRoleId: role?.id ?? null,
    paused: false,
    activeSince: now,
    updatedAt: now,
  };
  const on = context.quiz.setUp(config);

  const lines = [
    `The daily quiz posts in ${channel.toString()} at **${config.postTime}** ${config.timeZone} time, with answers open for ${durationHours} hour${durationHours === 1 ? '' : 's'}.`,
    on.retried ? retriedNotice : null,
    `Next question: ${nextQuestionText(on.next, on.now)}.`,
    role
      ? `Members can join the pings with \`/quiz join\` or the 🔔 button (role ${role.toString()}).`
      : null,
    ...warnings.map((warning) => `⚠️ ${warning}`),
  ].filter((line): line is string => line !== null);
  await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral });
}

export const setupSubcommand = serverSubcommand(
  subcommandData('setup', 'Admins: post a daily question in a channel at a local time (Manage Server)')
    .addChannelOption((option) =>
      option
        .setName('channel')
        .setDescription('Where the question is posted')
        .setRequired(true)
        .addChannelTypes(...quizChannelTypes),
    )
    .addStringOption((option) =>
      option
        .setName('time')
        .setDescription('Local time of day to post, HH:MM in 24-hour format, e.g. 09:00')
        .setRequired(true)
        .setMinLength(4)
        .setMaxLength(5),
    )
    .addStringOption((option) =>
      option
        .setName('timezone')
        .setDescription('Time zone name, e.g. Europe/London or America/New_York (start typing)')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addIntegerOption((option) =>
      option
        .setName('duration')
        .setDescription('Hours answers stay open (default 12)')
        .setMinValue(1)
        .setMaxValue(maximumDurationMinutes / 60),
    )
    .addRoleOption((option) =>
      option
        .setName('ping-role')
        .setDescription('Role pinged with each question; members join it with /quiz join'),
    ),
  'admins',
  runSetup,
  { autocomplete: autocompleteTimeZone },
);
