import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { escapeMarkdown } from '../../../platform/text.js';
import { formatDuration } from '../core/duration.js';
import type { TimeoutPlan } from '../core/escalation.js';
import type { RemovalOutcome, TimeoutOutcome } from '../core/outcomes.js';
import { messageLink } from './render.js';
import { quoted, warningOf, warnings } from './wording.js';

/** What the bot posts in debate threads, channels and direct messages, and the reasons in Discord's audit log. */

function closesLine(closesAt: number): string {
  return `${discordTimestamp(closesAt, 'F')} (${discordTimestamp(closesAt, 'R')})`;
}

export function reopenedNotice(actorId: string, closesAt: number): string {
  return `🔁 The debate has been reopened by <@${actorId}>. It now closes ${closesLine(closesAt)}. Stances carry on from before.`;
}

export function extendedNotice(actorId: string, closesAt: number): string {
  return `⏳ <@${actorId}> extended the debate: it now closes ${closesLine(closesAt)}.`;
}

export function resultInChannelNotice(threadId: string): string {
  return `The debate in <#${threadId}> has closed.`;
}

export interface WarningNotice {
  guildName: string;
  threadId: string;
  targetId: string;
  count: number;
  limit: number;
  reason: string;
  /** The timeout a member gets at the limit, as things stand. */
  timeoutAtLimit: TimeoutPlan;
  /** At or past the limit: what was done. */
  escalation?: { removal: RemovalOutcome; timeout: TimeoutOutcome };
}

/** What the limit brings, for a member still below it. */
function atTheLimit(warning: WarningNotice): string {
  const timeout = warning.timeoutAtLimit;
  return `At ${warnings(warning.limit)} you are removed from the debate thread${timeout.kind === 'apply' ? ` and timed out for ${formatDuration(timeout.minutes * 60_000)}` : ''}.`;
}

/** What was done to a member who reached the limit, in their own terms. */
function whatHappened(warning: WarningNotice, escalation: NonNullable<WarningNotice['escalation']>): string {
  const reached =
    warning.count <= warning.limit
      ? `You have reached the limit of ${warnings(warning.limit)}.`
      : `You are past the limit of ${warnings(warning.limit)}.`;
  const removed = escalation.removal === 'removed';
  const { timeout } = escalation;
  let rest: string;
  if (timeout.kind === 'applied') {
    const timedOut = `timed out for ${formatDuration(timeout.minutes * 60_000)}, until ${discordTimestamp(timeout.until, 'f')}`;
    rest = removed ? `You have been removed from the debate thread and ${timedOut}.` : `You are ${timedOut}.`;
  } else {
    const why =
      timeout.kind === 'refused'
        ? 'Discord did not let me (your role is above mine, or you are an admin)'
        : timeout.reason === 'disabled'
          ? 'this server sets no timeout'
          : 'I do not have the Timeout Members permission';
    rest = `${removed ? 'You have been removed from the debate thread. ' : ''}You are not timed out, because ${why}.`;
  }
  return `${reached} ${rest}`;
}

export function warningDirectMessage(warning: WarningNotice): string {
  const first = `⚠️ A moderator of **${escapeMarkdown(warning.guildName)}** warned you in the debate <#${warning.threadId}> (${warningOf(warning.count, warning.limit)}): ${quoted(warning.reason)}`;
  return `${first}\n${warning.escalation ? whatHappened(warning, warning.escalation) : atTheLimit(warning)}`;
}

export function warningThreadNotice(warning: WarningNotice): string {
  const start = `⚠️ <@${warning.targetId}>, a moderator has warned you in this debate (${warningOf(warning.count, warning.limit)})`;
  return warning.escalation?.removal === 'removed'
    ? `${start}, so you have been removed from this thread.`
    : `${start}. Please keep to the rules.`;
}

export function creditNotice(credit: {
  guildId: string;
  threadId: string;
  messageId: string;
  authorId: string;
  creditorId: string;
  explanation: string;
}): string {
  return `💡 <@${credit.creditorId}> changed their view thanks to [this message by <@${credit.authorId}>](${messageLink(credit.guildId, credit.threadId, credit.messageId)}): ${quoted(credit.explanation)}`;
}

/** Reasons shown in the server's audit log. */
export const auditReasons = {
  started: (startedBy: string) => `Debate started by ${startedBy}`,
  slowmodeAtStart: (debateId: number) => `Debate ${debateId}`,
  pinCard: (debateId: number) => `Debate ${debateId} opening card`,
  restore: (debateId: number) => `Debate ${debateId} closed: restoring the thread`,
  reopened: (debateId: number) => `Debate ${debateId} reopened`,
  slowmode: (debateId: number, actorId: string) => `Debate ${debateId}: slowmode by ${actorId}`,
  lock: (debateId: number, locked: boolean, actorId: string) =>
    `Debate ${debateId}: ${locked ? 'locked' : 'unlocked'} by ${actorId}`,
  timeout: (limit: number) => `Reached ${warnings(limit)} in a debate`,
} as const;
