import { formatDuration } from '../../debate/core/duration.js';
import type { GuildSettings } from '../storage/schema.js';

export const settingsMessages = {
  outsideServer: 'Settings belong to a server. Use this in a server channel.',
  notAdmin: 'Only server admins (Manage Server) can change Roundtable settings.',
  modLogNotText: 'Pick a text channel of this server for the mod log.',
  warningLimitRange: 'The warning limit is from 1 to 10.',
  timeoutRange: 'The timeout is from 0 (none) to 40320 minutes (28 days).',
  modLogFirstLine: (userId: string) =>
    `📋 <@${userId}> chose this channel as Roundtable's mod log: debate moderator actions and reports are posted here.`,
  modLogChosen: (channelId: string, posted: boolean) =>
    `The mod log is now <#${channelId}>: every debate moderator action and report is posted there. ${
      posted
        ? 'I posted a first line in it.'
        : 'I could not post there just now; check my permissions in that channel.'
    }`,
  debateWarnings: (settings: GuildSettings, changed: boolean, botCanTimeOut: boolean) =>
    `${changed ? 'Saved. ' : ''}${describeEscalation(settings, botCanTimeOut)}`,
} as const;

function describeEscalation(settings: GuildSettings, botCanTimeOut: boolean): string {
  const limit = settings.debateWarningLimit;
  const removed = `At ${limit} ${limit === 1 ? 'warning' : 'warnings'} in a debate, a member is removed from the debate thread`;
  const minutes = settings.debateTimeoutMinutes;
  if (minutes === 0) return `${removed}. No timeout is given; set \`timeout-minutes\` to give one.`;
  const timedOut = `${removed} and timed out for ${formatDuration(minutes * 60_000)}.`;
  return botCanTimeOut
    ? timedOut
    : `${timedOut} I do not have Timeout Members (Moderate Members) yet, so until my role is given it, members are only removed.`;
}
