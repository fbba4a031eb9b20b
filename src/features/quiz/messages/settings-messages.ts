import type { QuizConfig } from '../core/config.js';
import type { RoundWindow } from '../core/schedule.js';
import { formatDuration } from './parts.js';
import { nextQuestionText, retriedNotice } from './status-text.js';

/** What `/quiz setup` and `/quiz settings` tell the admin once the settings are saved. */
export interface SettingsReply {
  config: QuizConfig;
  /** The next round; null while the quiz is paused. */
  next: RoundWindow | null;
  now: number;
  retried: boolean;
  /** What would stop the ping role from working, each one sentence or more. */
  warnings: readonly string[];
}

function scheduleLine(config: QuizConfig): string {
  return `The daily quiz posts in <#${config.channelId}> at **${config.postTime}** ${config.timeZone} time, with answers open for ${formatDuration(config.durationMinutes)}.`;
}

function pingLine(config: QuizConfig): string {
  return config.pingRoleId
    ? `Members can join the pings with \`/quiz join\` or the 🔔 button (role <@&${config.pingRoleId}>).`
    : 'No ping role: add one with `/quiz settings ping-role:` to let members get pinged.';
}

function nextLines(reply: SettingsReply): string[] {
  if (reply.next === null) return ['The quiz is paused: no question is posted until `/quiz resume`.'];
  return [
    ...(reply.retried ? [retriedNotice] : []),
    `Next question: ${nextQuestionText(reply.next, reply.now)}.`,
  ];
}

const warningLines = (reply: SettingsReply) => reply.warnings.map((warning) => `⚠️ ${warning}`);

export function setupReply(reply: SettingsReply): string {
  return [
    scheduleLine(reply.config),
    ...nextLines(reply),
    ...(reply.config.pingRoleId ? [pingLine(reply.config)] : []),
    ...warningLines(reply),
    'To change one setting later, use `/quiz settings`.',
  ].join('\n');
}

export function settingsReply(reply: SettingsReply): string {
  return [
    `Saved. ${scheduleLine(reply.config)}`,
    pingLine(reply.config),
    ...nextLines(reply),
    ...warningLines(reply),
  ].join('\n');
}

export const settingsTexts = {
  notSetUp:
    'The daily quiz is not set up in this server yet, so there are no settings to change. Start it with `/quiz setup`.',
  nothingGiven:
    'Give at least one setting to change: `channel`, `time`, `timezone`, `duration`, `ping-role` or `remove-ping-role`. `/quiz status` shows the current ones.',
  roleAndRemoval: 'Pick a new `ping-role` or set `remove-ping-role`, not both.',
} as const;
