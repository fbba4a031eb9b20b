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
        ? 'I posted a first line there.'
        : 'I could not post there just now; check my permissions in that channel.'
    }`,
  debateWarnings: (settings: GuildSettings, changed: boolean) =>
    `${changed ? 'Saved. ' : ''}At ${settings.debateWarningLimit} ${settings.debateWarningLimit === 1 ? 'warning' : 'warnings'} in a debate, a member is removed from the thread and gets ${describeTimeout(settings.debateTimeoutMinutes)} (when I have Timeout Members).`,
} as const;

function describeTimeout(minutes: number): string {
  return minutes === 0 ? 'no timeout' : `a timeout of ${formatDuration(minutes * 60_000)}`;
}
