import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { escapeMarkdown } from '../../../platform/text.js';
import { messageLink } from './render.js';

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
  timeoutsOn: boolean;
}

export function warningDirectMessage(warning: WarningNotice): string {
  return `⚠️ A moderator of **${escapeMarkdown(warning.guildName)}** warned you in the debate <#${warning.threadId}> (warning ${warning.count} of ${warning.limit}): ${escapeMarkdown(warning.reason)}\nAt ${warning.limit} warnings you are removed from the debate${warning.timeoutsOn ? ' and may be timed out' : ''}.`;
}

export function warningThreadNotice(warning: WarningNotice): string {
  return `⚠️ <@${warning.targetId}>, a moderator has warned you in this debate (warning ${warning.count} of ${warning.limit}). Please keep to the rules.`;
}

export function creditNotice(credit: {
  guildId: string;
  threadId: string;
  messageId: string;
  authorId: string;
  creditorId: string;
  explanation: string;
}): string {
  return `💡 <@${credit.creditorId}> changed their view thanks to [this message by <@${credit.authorId}>](${messageLink(credit.guildId, credit.threadId, credit.messageId)}): “${escapeMarkdown(credit.explanation)}”`;
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
  timeout: (limit: number) => `Reached ${limit} debate warnings`,
} as const;
