import { planRestore } from '../core/restore.js';
import { summariseDebate } from '../core/summary.js';
import { threadTasks } from '../messages/moderation-log.js';
import { auditReasons, resultInChannelNotice } from '../messages/notices.js';
import { type EmbedContent, renderSummary } from '../messages/render.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { FinishStep } from '../storage/repository.js';
import type { DebateThread, ThreadEdit } from './debate-discord.js';
import type { DebateDeps } from './deps.js';
import { recordFault } from './log-moderation.js';
import { refreshOpeningCard } from './opening-card.js';
import { fetchThread, okValue, permanentFailureOf } from './thread-access.js';

/**
 * The nonce of a posted result: one per close (a reopened debate closed again within Discord's nonce
 * window must not get the earlier result back), at most 25 characters.
 */
function resultNonce(debate: DebateRecord, where: 't' | 'p'): string {
  return `d${debate.id}${where}${(debate.closedAt ?? 0).toString(36)}`;
}

function summaryEmbed(deps: DebateDeps, debate: DebateRecord): EmbedContent {
  const { clock, debates, moderation } = deps;
  const closedAt = debate.closedAt ?? clock.now();
  const summary = summariseDebate({
    startedAt: debate.startedAt,
    closedAt,
    stances: debates.listStances(debate.id),
    messages: debates.listMessageTallies(debate.id),
    credits: moderation.listCreditTallies(debate.id),
    warnings: moderation.countWarnings(debate.id),
    reports: moderation.countReports(debate.id),
  });
  return renderSummary({
    debateId: debate.id,
    motion: debate.motion,
    guildId: debate.guildId,
    threadId: debate.threadId,
    closedAt,
    closedBy: debate.closedBy,
    closeReason: debate.closeReason,
    summary,
  });
}

/** Puts back the slowmode and lock the debate changed, unless someone changed them by hand since. */
async function restoreThread(deps: DebateDeps, debate: DebateRecord, target: DebateThread) {
  const plan = planRestore({
    original: debate.original,
    applied: debate.applied,
    current: target.moderation,
  });
  const edit: Omit<ThreadEdit, 'reason'> = {};
  if (plan.slowmode.kind === 'restore') edit.slowmodeSeconds = plan.slowmode.to;
  if (plan.locked.kind === 'restore') edit.locked = plan.locked.to;
  if (Object.keys(edit).length === 0) return;
  if (target.archived) edit.archived = false;
  okValue(await target.edit({ ...edit, reason: auditReasons.restore(debate.id) }));
  deps.debates.recordApplied(debate.id, {
    ...(edit.slowmodeSeconds === undefined ? {} : { slowmodeSeconds: edit.slowmodeSeconds }),
    ...(edit.locked === undefined ? {} : { locked: edit.locked }),
  });
}

/**
 * Finishes a closed debate, as read once by the caller under the debate's lock: restores the thread,
 * closes the opening card and posts the result in the thread and the channel, each step once. A step
 * Discord refuses (403/404) is given up with a fault; other errors propagate so the schedule retries.
 * Returns the debate's fault afterwards.
 */
export async function finishClosedDebate(deps: DebateDeps, debate: DebateRecord): Promise<string | null> {
  const { discord, clock, debates } = deps;
  let fault = debate.fault;
  const step = async (name: FinishStep, task: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      const failure = permanentFailureOf(error, task);
      await recordFault(deps, debate, failure.reason);
      fault ??= failure.reason;
    }
    debates.markFinished(debate.id, name, clock.now());
  };
  let thread: DebateThread | undefined;
  const threadFor = async () => {
    thread ??= await fetchThread(deps, debate);
    return thread;
  };
  if (debate.restoredAt === null) {
    await step('restored', threadTasks.restore, async () => {
      await restoreThread(deps, debate, await threadFor());
    });
  }
  if (debate.cardClosedAt === null) {
    await step('card-closed', threadTasks.closeCard, async () =>
      refreshOpeningCard(deps, debate, await threadFor()),
    );
  }
  let summary: EmbedContent | undefined;
  const summaryFor = () => {
    summary ??= summaryEmbed(deps, debate);
    return summary;
  };
  if (debate.threadSummaryAt === null) {
    await step('thread-summary', threadTasks.threadResult, async () => {
      const result = { embeds: [summaryFor()], nonce: resultNonce(debate, 't') };
      okValue(await (await threadFor()).post(result));
    });
  }
  if (debate.parentSummaryAt === null) {
    await step('parent-summary', threadTasks.channelResult, async () => {
      const result = {
        content: resultInChannelNotice(debate.threadId),
        embeds: [summaryFor()],
        nonce: resultNonce(debate, 'p'),
      };
      okValue(await discord.postInChannel(debate.parentChannelId, result));
    });
  }
  return fault;
}

/** Scheduled: finishes a closed debate with work left, read once under its lock. */
export function finishDebate(deps: DebateDeps, debateId: number): Promise<void> {
  return deps.lock.run(debateId, async () => {
    const debate = deps.debates.get(debateId);
    if (debate?.status === 'closed') await finishClosedDebate(deps, debate);
  });
}
