import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { formatDuration, formatSlowmode } from '../core/duration.js';
import type { RemovalOutcome, TimeoutOutcome } from '../core/outcomes.js';
import type { DebateFormat } from '../core/types.js';
import { asSentence, warningOf, warnings } from './wording.js';

/** The details stored with moderation events and shown in the mod log, and why a mod-log post failed. */

export const moderationDetails = {
  started: (start: { motion: string; durationMs: number; slowmodeSeconds: number; format: DebateFormat }) =>
    `${start.motion} (${start.format === 'rounds' ? 'three timed rounds' : 'open discussion'} for ${formatDuration(start.durationMs)}, slowmode ${formatSlowmode(start.slowmodeSeconds)})`,
  reopened: (closesAt: number) => `closes ${discordTimestamp(closesAt, 'f')}`,
  extended: (closesAt: number) => `now closes ${discordTimestamp(closesAt, 'f')}`,
  slowmode: (seconds: number) => formatSlowmode(seconds),
  warning: (count: number, limit: number, reason: string) =>
    `${warningOf(count, limit)}: “${asSentence(reason)}”`,
} as const;

/** Why a member at the limit was not timed out, finishing "not timed out because …". */
export const timeoutSkipReasons: Record<Extract<TimeoutOutcome, { kind: 'skipped' }>['reason'], string> = {
  disabled: 'this server sets no timeout',
  'no-permission': 'I do not have Timeout Members (Moderate Members)',
};

/** Why Discord refused a timeout, finishing "not timed out because …". */
export const timeoutRefusedReason =
  'Discord refused it (their highest role is above mine, or they are an admin)';

/** What an escalation did, stored with the warning and posted to the mod log. */
export function escalationDetail(
  count: number,
  limit: number,
  removal: RemovalOutcome,
  timeout: TimeoutOutcome,
): string {
  const parts = [
    removal === 'removed'
      ? 'removed from the thread'
      : removal === 'not-in-thread'
        ? 'was not in the thread'
        : 'could not be removed from the thread',
  ];
  if (timeout.kind === 'applied')
    parts.push(
      `timed out for ${formatDuration(timeout.minutes * 60_000)}, until ${discordTimestamp(timeout.until, 'f')}`,
    );
  else if (timeout.kind === 'refused') parts.push(`not timed out because ${timeoutRefusedReason}`);
  else parts.push(`not timed out because ${timeoutSkipReasons[timeout.reason]}`);
  const reached =
    count <= limit ? `${count} of ${warnings(limit)}` : `${warnings(count)}, past the limit of ${limit}`;
  return `${reached}; ${parts.join('; ')}`;
}

/** Stored with an entry the mod log did not get. */
export const modLogPostFailures = {
  unset: 'no mod-log channel set',
  notTextChannel: 'the mod-log channel is not a server text channel',
} as const;

/** Work on a debate's thread, named in the fault recorded when Discord refuses it. */
export const threadTasks = {
  setUp: 'Setting up the debate thread',
  restore: 'Restoring slowmode and lock at the close',
  closeCard: 'Closing the opening card',
  threadResult: 'Posting the result in the thread',
  channelResult: 'Posting the result in the channel',
  reopen: 'Reopening the debate',
  extend: 'Extending the debate',
  slowmode: 'Setting slowmode',
  lock: (locked: boolean) => (locked ? 'Locking the thread' : 'Unlocking the thread'),
  warningNotice: 'Posting a warning notice',
  removeMember: 'Removing a member from the debate thread',
  post: 'Posting in the debate thread',
  announceRound: (number: number) => `Announcing round ${number}`,
} as const;

/** Why a debate is marked with a fault when Discord refused `task` for good (404, 403). */
export const faultReasons = {
  gone: (task: string, discordMessage: string) =>
    `${task}: Discord says it no longer exists (${discordMessage}).`,
  forbidden: (task: string, discordMessage: string) =>
    `${task}: Discord refused (${discordMessage}); check my permissions there.`,
} as const;
