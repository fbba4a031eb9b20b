import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  MessageFlags,
  type Role,
  TimestampStyles,
  time,
} from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { defaultDurationMinutes, type QuizConfig, scheduleOf } from '../core/config.js';
import { nextWindow } from '../core/schedule.js';
import { checkTimeZone, localDateAt, parseLocalTime, searchTimeZones } from '../core/time.js';
import type { QuizContext } from '../discord/context.js';
import {
  canPingRole,
  checkRoleManagement,
  describeRoleManagement,
  missingChannelPermissions,
} from '../discord/quiz-permissions.js';
import { requireCachedGuild, requireManageServer, requireQuizConfig } from './shared.js';

export const quizChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export async function autocompleteTimeZone(interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused();
  const zones = searchTimeZones(String(focused).slice(0, 100), 25);
  await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
}

function describeNext(context: QuizContext, config: QuizConfig): string {
  const now = context.clock.now();
  const window = nextWindow(scheduleOf(config), now, (date) =>
    Boolean(context.quiz.storage.rounds.byDate(config.guildId, date)),
  );
  if (window.postAt <= now)
    return `now (today's window is open until ${time(new Date(window.closeAt), TimestampStyles.RelativeTime)})`;
  return `${time(new Date(window.postAt), TimestampStyles.LongDateTime)} (${time(new Date(window.postAt), TimestampStyles.RelativeTime)})`;
}

/** Posts today's failed round again, in the configured channel, while its answers are still open. */
function retryTodaysFailure(context: QuizContext, config: QuizConfig): boolean {
  const today = localDateAt(context.clock.now(), config.timeZone);
  return context.quiz.retryFailedRound(config.guildId, today, config);
}

const retriedNotice = "Today's question, which could not be posted, goes out within a minute.";

export async function runSetup(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildInteraction = requireCachedGuild(interaction);
  requireManageServer(interaction);
  const guild = guildInteraction.guild;
  if (!guild) throw new UserError('The daily quiz works inside a server, not in direct messages.');
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
  context.quiz.storage.configs.save(config);
  const retried = retryTodaysFailure(context, config);
  context.logger.info({ guildId: guild.id, channelId: channel.id, timeZone: config.timeZone }, 'quiz set up');

  const lines = [
    `The daily quiz posts in ${channel.toString()} at **${config.postTime}** ${config.timeZone} time, with answers open for ${durationHours} hour${durationHours === 1 ? '' : 's'}.`,
    retried ? retriedNotice : null,
    `Next question: ${describeNext(context, config)}.`,
    role
      ? `Members can join the pings with \`/quiz join\` or the 🔔 button (role ${role.toString()}).`
      : null,
    ...warnings.map((warning) => `⚠️ ${warning}`),
  ].filter((line): line is string => line !== null);
  await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral });
}

export async function runPause(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildId = requireCachedGuild(interaction).guildId;
  requireManageServer(interaction);
  const config = requireQuizConfig(context, guildId);
  if (config.paused) throw new UserError('The daily quiz is already paused. Resume it with `/quiz resume`.');
  context.quiz.storage.configs.setPaused(guildId, true, context.clock.now());
  await interaction.reply({
    content:
      'The daily quiz is paused: no new questions until `/quiz resume`. A question already posted still closes and scores as usual.',
    flags: MessageFlags.Ephemeral,
  });
}

export async function runResume(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildId = requireCachedGuild(interaction).guildId;
  requireManageServer(interaction);
  const config = requireQuizConfig(context, guildId);
  if (!config.paused) throw new UserError('The daily quiz is not paused.');
  const now = context.clock.now();
  const resumed = { ...config, paused: false, activeSince: now, updatedAt: now };
  context.quiz.storage.configs.save(resumed);
  const retried = retryTodaysFailure(context, resumed);
  await interaction.reply({
    content: `The daily quiz is back on.${retried ? ` ${retriedNotice}` : ''} Next question: ${describeNext(context, resumed)}.`,
    flags: MessageFlags.Ephemeral,
  });
}
