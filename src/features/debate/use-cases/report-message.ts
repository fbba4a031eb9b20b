import type { ReportOutcome } from '../core/outcomes.js';
import { checkReport, type ReportCheck } from '../core/reports.js';
import type { DebateDeps } from './deps.js';
import { debateInThread } from './find-debate.js';
import { logModeration, moderationEntry } from './log-moderation.js';

export interface ReportTarget {
  messageId: string;
  authorId: string;
  reporterId: string;
}

export interface ReportRequest {
  guildId: string;
  /** The channel the report was made from, where the message is. */
  channelId: string | null;
  messageId: string;
  reporterId: string;
  /** Already checked and cleaned. */
  reason: string;
}

/** Whether a member may report a message, before asking what is wrong with it. */
export function canReport(deps: DebateDeps, target: ReportTarget): ReportCheck {
  return checkReport({
    reporterId: target.reporterId,
    authorId: target.authorId,
    alreadyReported: deps.moderation.hasReported(target.messageId, target.reporterId),
  });
}

/**
 * Reports a message to the moderators, in a debate thread or any channel of the server the bot can
 * read: stored once per member and message, and posted to the mod log.
 */
export async function reportMessage(deps: DebateDeps, request: ReportRequest): Promise<ReportOutcome> {
  const { client, clock, moderation } = deps;
  const { guildId, reporterId } = request;
  const channel = request.channelId ? await client.channels.fetch(request.channelId).catch(() => null) : null;
  if (!channel || channel.isDMBased() || channel.guildId !== guildId || !channel.isTextBased())
    return { kind: 'refused', reason: 'channel-gone' };
  const message = await channel.messages.fetch(request.messageId).catch(() => null);
  if (!message) return { kind: 'refused', reason: 'message-gone' };
  const check = canReport(deps, { messageId: message.id, authorId: message.author.id, reporterId });
  if (check.kind === 'refused') return check;
  const debateId = debateInThread(deps, guildId, channel.id)?.id ?? null;
  const stored = moderation.addReport({
    guildId,
    channelId: channel.id,
    messageId: message.id,
    authorId: message.author.id,
    reporterId,
    debateId,
    reason: request.reason,
    createdAt: clock.now(),
  });
  if (stored === 'duplicate') return { kind: 'refused', reason: 'already-reported' };
  await logModeration(
    deps,
    moderationEntry(
      'report',
      { guildId, debateId, channelId: channel.id },
      { actorId: reporterId, targetId: message.author.id, messageId: message.id, detail: request.reason },
    ),
  );
  return { kind: 'reported' };
}
