import {
  type AutocompleteInteraction,
  ChannelType,
  type GuildBasedChannel,
  type Role,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { maximumDurationMinutes } from '../core/schedule.js';
import { checkTimeZone, parseLocalTime, searchTimeZones } from '../core/time.js';
import {
  canPingRole,
  checkRoleManagement,
  describeRoleManagement,
  missingChannelPermissions,
} from '../discord/quiz-permissions.js';
import type { ServerCommand } from './shared.js';

/**
 * The options `/quiz setup` and `/quiz settings` share, and the checks both run on them: setup requires
 * the channel, time and time zone; settings takes any of them, and each is checked the same way.
 */
export const quizOptionNames = {
  channel: 'channel',
  time: 'time',
  timezone: 'timezone',
  duration: 'duration',
  pingRole: 'ping-role',
} as const;

const quizChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** Adds the shared options; `required` marks channel, time and time zone required, as setup needs them. */
export function addQuizOptions(
  data: SlashCommandSubcommandBuilder,
  required: boolean,
  pingRoleDescription: string,
): SlashCommandSubcommandBuilder {
  return data
    .addChannelOption((option) =>
      option
        .setName(quizOptionNames.channel)
        .setDescription('Where the question is posted')
        .setRequired(required)
        .addChannelTypes(...quizChannelTypes),
    )
    .addStringOption((option) =>
      option
        .setName(quizOptionNames.time)
        .setDescription('Local time of day to post, HH:MM in 24-hour format, e.g. 09:00')
        .setRequired(required)
        .setMinLength(4)
        .setMaxLength(5),
    )
    .addStringOption((option) =>
      option
        .setName(quizOptionNames.timezone)
        .setDescription('Time zone name, e.g. Europe/London or America/New_York (start typing)')
        .setRequired(required)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addIntegerOption((option) =>
      option
        .setName(quizOptionNames.duration)
        .setDescription(required ? 'Hours answers stay open (default 12)' : 'Hours answers stay open')
        .setMinValue(1)
        .setMaxValue(maximumDurationMinutes / 60),
    )
    .addRoleOption((option) => option.setName(quizOptionNames.pingRole).setDescription(pingRoleDescription));
}

export async function autocompleteTimeZone(interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused();
  const zones = searchTimeZones(String(focused).slice(0, 100), 25);
  await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
}

/** The `time` option as stored, `HH:MM`; null when not given. */
export function readPostTime(interaction: ServerCommand, required: true): string;
export function readPostTime(interaction: ServerCommand, required: boolean): string | null;
export function readPostTime(interaction: ServerCommand, required: boolean): string | null {
  const input = interaction.options.getString(quizOptionNames.time, required);
  if (input === null) return null;
  const time = parseLocalTime(input);
  if (!time)
    throw new UserError(
      `\`${input.replace(/[`\\]/g, "'").slice(0, 20)}\` is not a time of day. Write it as HH:MM in 24-hour format, e.g. \`09:00\` or \`18:30\`.`,
    );
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The `timezone` option as an IANA name; null when not given. */
export function readTimeZone(interaction: ServerCommand, required: true, now: number): string;
export function readTimeZone(interaction: ServerCommand, required: boolean, now: number): string | null;
export function readTimeZone(interaction: ServerCommand, required: boolean, now: number): string | null {
  const input = interaction.options.getString(quizOptionNames.timezone, required);
  if (input === null) return null;
  const zone = checkTimeZone(input.slice(0, 100), now);
  if (zone.kind === 'invalid') {
    const suggestions =
      zone.suggestions.length > 0
        ? ` Did you mean ${zone.suggestions.map((name) => `\`${name}\``).join(', ')}?`
        : ' Pick one from the list that appears as you type.';
    throw new UserError(`${zone.reason}${suggestions}`);
  }
  return zone.timeZone;
}

/** The `duration` option in minutes; null when not given. */
export function readDurationMinutes(interaction: ServerCommand): number | null {
  const hours = interaction.options.getInteger(quizOptionNames.duration);
  return hours === null ? null : hours * 60;
}

/** The `channel` option, once the bot has every permission it needs there; null when not given. */
export function readChannel(interaction: ServerCommand, required: true): GuildBasedChannel;
export function readChannel(interaction: ServerCommand, required: boolean): GuildBasedChannel | null;
export function readChannel(interaction: ServerCommand, required: boolean): GuildBasedChannel | null {
  const chosen = interaction.options.getChannel(quizOptionNames.channel, required, [...quizChannelTypes]);
  if (chosen === null) return null;
  const channel = interaction.guild.channels.cache.get(chosen.id);
  if (!channel?.isTextBased()) throw new UserError('Pick a text or announcement channel for the quiz.');
  const missing = missingChannelPermissions(channel);
  if (missing.length > 0)
    throw new UserError(
      `I need ${missing.join(', ')} in ${channel.toString()} to run the quiz there. Give my role these permissions in the channel's settings, then try again.`,
    );
  return channel;
}

/** The `ping-role` option with what would stop it from working; null when not given. */
export function readPingRole(
  interaction: ServerCommand,
  channel: GuildBasedChannel | undefined,
): { role: Role; warnings: string[] } | null {
  const { guild } = interaction;
  const chosen = interaction.options.getRole(quizOptionNames.pingRole);
  if (!chosen) return null;
  const role = guild.roles.cache.get(chosen.id);
  if (!role || role.id === guild.id)
    throw new UserError('Pick a role for quiz pings other than @everyone, e.g. a new "Quiz" role.');
  const warnings: string[] = [];
  const management = describeRoleManagement(checkRoleManagement(guild, role), role);
  if (management)
    warnings.push(`${management} Until then members cannot join or leave the pings themselves.`);
  if (channel && !canPingRole(channel, role))
    warnings.push(
      `${role.toString()} is not mentionable and I lack Mention Everyone in ${channel.toString()}, so the ping will not notify anyone: make the role mentionable.`,
    );
  return { role, warnings };
}
