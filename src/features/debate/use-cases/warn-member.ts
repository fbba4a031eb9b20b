import { decideEscalation, type EscalationDecision, planTimeout, timeoutEndsAt } from '../core/escalation.js';
import type { TimeoutOutcome, Warned, WarnOutcome } from '../core/outcomes.js';
import { escalationDetail, moderationDetails, threadTasks } from '../messages/moderation-log.js';
import {
  auditReasons,
  type WarningNotice,
  warningDirectMessage,
  warningThreadNotice,
} from '../messages/notices.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateGuild } from './debate-discord.js';
import type { DebateDeps } from './deps.js';
import { debateEntry, logModeration } from './log-moderation.js';
import { isPermanent, okValue, onThread } from './thread-access.js';

export interface WarnRequest {
  debateId: number;
  moderatorId: string;
  targetId: string;
  /** Already cleaned. */
  reason: string;
  botCanTimeOut: boolean;
}

/** Tells the member by direct message, or with a short notice in the thread when their DMs are closed. */
async function notifyWarned(
  deps: DebateDeps,
  debate: DebateRecord,
  notice: WarningNotice,
): Promise<Warned['notified']> {
  const sent = await deps.discord.sendDirectMessage(notice.targetId, warningDirectMessage(notice));
  if (sent.kind === 'ok') return 'direct-message';
  if (sent.kind === 'failed')
    deps.logger.warn({ err: sent.error }, 'could not send a warning by direct message');
  const posted = await onThread(deps, debate, threadTasks.warningNotice, async (thread) =>
    okValue(await thread.post({ content: warningThreadNotice(notice), mentionNobody: true })),
  );
  return posted.kind === 'ok' ? 'thread-notice' : 'not-reached';
}

async function timeOut(
  guild: DebateGuild,
  targetId: string,
  decision: Extract<EscalationDecision, { kind: 'escalate' }>,
  now: number,
): Promise<TimeoutOutcome> {
  if (decision.timeout.kind !== 'apply') return { kind: 'skipped', reason: decision.timeout.reason };
  const { minutes } = decision.timeout;
  const until = timeoutEndsAt(now, minutes);
  const timedOut = await guild.timeOut(targetId, until, auditReasons.timeout(decision.limit));
  if (timedOut.kind === 'ok') return { kind: 'applied', until, minutes };
  if (!isPermanent(timedOut.failure)) throw timedOut.error;
  return { kind: 'refused' };
}

/**
 * Records a warning. At the server's limit the member is removed from the thread and, where the bot may
 * and the server wants it, timed out; the escalation is stored and logged. The member is told last, so
 * the message says what was done.
 */
export async function warnMember(deps: DebateDeps, request: WarnRequest): Promise<WarnOutcome> {
  const { discord, clock, settings, moderation } = deps;
  const debate = deps.debates.get(request.debateId);
  if (!debate) return { kind: 'refused', reason: 'not-found' };
  const opened = await discord.openGuild(debate.guildId);
  if (opened.kind === 'failed') throw opened.error;
  const guild = opened.value;
  const now = clock.now();
  const guildSettings = settings.get(guild.id);
  const limit = guildSettings.debateWarningLimit;
  const { id: warningId, count } = moderation.addWarning({
    debateId: debate.id,
    guildId: guild.id,
    userId: request.targetId,
    moderatorId: request.moderatorId,
    reason: request.reason,
    createdAt: now,
  });
  const timeoutRule = {
    timeoutMinutes: guildSettings.debateTimeoutMinutes,
    botCanTimeOut: request.botCanTimeOut,
  };
  const decision = decideEscalation({ warningCount: count, limit, ...timeoutRule });
  const people = { actorId: request.moderatorId, targetId: request.targetId };
  await logModeration(
    deps,
    debateEntry(debate, 'warning', {
      ...people,
      detail: moderationDetails.warning(count, limit, request.reason),
    }),
  );
  const notice: WarningNotice = {
    guildName: guild.name,
    threadId: debate.threadId,
    targetId: request.targetId,
    count,
    limit,
    reason: request.reason,
    timeoutAtLimit: planTimeout(timeoutRule),
  };
  const outcome: Warned = {
    kind: 'warned',
    count,
    decision,
    timeoutAtLimit: notice.timeoutAtLimit,
    notified: 'not-reached',
  };
  if (decision.kind === 'escalate') {
    const removal = await onThread(deps, debate, threadTasks.removeMember, async (thread) =>
      okValue(await thread.removeMember(request.targetId)),
    );
    const escalation = {
      removal: removal.kind === 'ok' ? removal.value : ('refused' as const),
      timeout: await timeOut(guild, request.targetId, decision, now),
    };
    Object.assign(outcome, escalation);
    notice.escalation = escalation;
    const detail = escalationDetail(count, decision.limit, escalation.removal, escalation.timeout);
    moderation.recordEscalation(warningId, detail);
    await logModeration(deps, debateEntry(debate, 'escalation', { ...people, detail }));
  }
  outcome.notified = await notifyWarned(deps, debate, notice);
  return outcome;
}
