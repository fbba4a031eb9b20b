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
  const { discord, clock, moderation } = deps;
  const { guildId, reporterId } = request;
  const found = request.channelId
    ? await discord.findMessage(guildId, request.channelId, request.messageId)
    : ({ kind: 'channel-gone' } as const);
  if (found.kind !== 'found') return { kind: 'refused', reason: found.kind };
  const { message } = found;
  const { channelId } = message;
  const check = canReport(deps, { messageId: message.id, authorId: message.authorId, reporterId });
  if (check.kind === 'refused') return check;
  const debateId = debateInThread(deps, guildId, channelId)?.id ?? null;
  const stored = moderation.addReport({
    guildId,
    channelId,
    messageId: message.id,
    authorId: message.authorId,
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
      { guildId, debateId, channelId },
      { actorId: reporterId, targetId: message.authorId, messageId: message.id, detail: request.reason },
    ),
  );
  return { kind: 'reported' };
}
