import {
  ChannelType,
  type Client,
  type Guild,
  type MessageCreateOptions,
  type TextChannel,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
  type ThreadEditOptions,
} from 'discord.js';
import type { Clock } from '../../../platform/clock.js';
import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import type { Logger } from '../../../platform/logger.js';
import { escapeMarkdown } from '../../../platform/text.js';
import type { SettingsRepository } from '../../settings/storage/repository.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import { formatDuration, formatSlowmode } from '../core/duration.js';
import { decideEscalation, type EscalationDecision, timeoutEndsAt } from '../core/escalation.js';
import { threadNameForMotion } from '../core/motion.js';
import { planRestore } from '../core/restore.js';
import { findRoundsDue, scheduleRounds } from '../core/rounds.js';
import { summariseDebate } from '../core/summary.js';
import type { DebateFormat, ThreadModeration } from '../core/types.js';
import {
  type EmbedContent,
  renderModerationLine,
  renderOpeningCard,
  renderRoundAnnouncement,
  renderSummary,
} from '../messages/render.js';
import type { ModerationEntry, ModerationRepository } from '../storage/moderation-repository.js';
import type { DebateRecord, DebateRepository, FinishStep } from '../storage/repository.js';
import { stanceButtons } from './components.js';
import { classifyPermanentFailure, isCannotMessageUser, isUnknownMember } from './failures.js';

export interface DebateServiceDependencies {
  /** Runs `work` in one database transaction. */
  transaction<T>(work: () => T): T;
  client: Client;
  clock: Clock;
  logger: Logger;
  settings: SettingsRepository;
  content: ContentLibrary;
  debates: DebateRepository;
  moderation: ModerationRepository;
}

export interface StartRequest {
  guildId: string;
  parent: TextChannel;
  startedBy: string;
  /** Already sanitised. */
  motion: string;
  promptId: string | null;
  storyId: string | null;
  format: DebateFormat;
  durationMs: number;
  slowmodeSeconds: number;
}

export type StartOutcome =
  | { kind: 'started'; debate: DebateRecord; notes: string[] }
  | { kind: 'refused'; message: string };

/** The outcome of changing a running debate's thread. */
export type ThreadActionOutcome =
  | { kind: 'done'; debate: DebateRecord; notes: string[] }
  | { kind: 'refused'; message: string };

export interface WarnRequest {
  debate: DebateRecord;
  guild: Guild;
  moderatorId: string;
  targetId: string;
  reason: string;
  botCanTimeOut: boolean;
}

export interface WarnOutcome {
  count: number;
  decision: EscalationDecision;
  /** How the member learned of the warning. */
  notified: 'direct-message' | 'thread-notice' | 'not-reached';
  removal?: 'removed' | 'not-in-thread' | 'refused';
  timeout?: { kind: 'applied'; until: number } | { kind: 'refused' } | { kind: 'skipped'; reason: string };
}

export type ModLogOutcome = { kind: 'posted' } | { kind: 'no-mod-log' } | { kind: 'failed'; reason: string };

export interface DebateService {
  readonly debates: DebateRepository;
  readonly moderation: ModerationRepository;
  start(request: StartRequest): Promise<StartOutcome>;
  /** Closes an open debate (moderator or schedule) and finishes it: restore, card, summaries. */
  close(debate: DebateRecord, closure: { by: string | null; reason: string | null }): Promise<DebateRecord>;
  reopen(debate: DebateRecord, actorId: string): Promise<ThreadActionOutcome>;
  extend(debate: DebateRecord, closesAt: number, actorId: string): Promise<ThreadActionOutcome>;
  setSlowmode(debate: DebateRecord, seconds: number, actorId: string): Promise<ThreadActionOutcome>;
  setLocked(debate: DebateRecord, locked: boolean, actorId: string): Promise<ThreadActionOutcome>;
  warn(request: WarnRequest): Promise<WarnOutcome>;
  /** Stores a moderation event and posts it to the server's mod log when one is set. */
  logModeration(entry: Omit<ModerationEntry, 'createdAt'>): Promise<ModLogOutcome>;
  /** For moderators: where to set the mod log, said once per moderator while none is set. */
  modLogHint(guildId: string, userId: string): string | undefined;
  /** Posts a short line in the debate thread; a refusal is recorded as the debate's fault. */
  postInThread(debate: DebateRecord, options: MessageCreateOptions): Promise<ThreadActionOutcome>;
  /** Scheduled: closes debates whose time has come and finishes closed ones with work left. */
  closeDueDebates(now: number): Promise<void>;
  /** Scheduled: announces rounds whose start has come. */
  announceDueRounds(now: number): Promise<void>;
  /** Counts a message by `userId` in `threadId` when it holds an open debate. */
  countMessage(threadId: string, userId: string): void;
  openingCard(debate: DebateRecord): EmbedContent;
}

/**
 * The nonce of a posted result: one per close (a reopened debate closed again within Discord's nonce
 * window must not get the earlier result back), at most 25 characters.
 */
function resultNonce(debate: DebateRecord, where: 't' | 'p'): string {
  return `d${debate.id}${where}${(debate.closedAt ?? 0).toString(36)}`;
}

function threadStateOf(thread: ThreadChannel): ThreadModeration {
  return { slowmodeSeconds: thread.rateLimitPerUser ?? 0, locked: thread.locked ?? false };
}

export function createDebateService(dependencies: DebateServiceDependencies): DebateService {
  const { transaction, client, clock, logger, settings, content, debates, moderation } = dependencies;
  const running = new Map<number, Promise<unknown>>();
  /**
   * Threads of open debates, mirroring the stored status: a message anywhere else costs no database
   * work. Reloaded on every closing run so debates changed by another process are picked up.
   */
  let openThreads = new Set(debates.listOpenThreadIds());

  /** Runs work for one debate after any work already running for it, so a close never races a close. */
  function exclusive<T>(debateId: number, work: () => Promise<T>): Promise<T> {
    const previous = running.get(debateId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    running.set(debateId, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (running.get(debateId) === next) running.delete(debateId);
      });
    return next;
  }

  function fresh(debate: DebateRecord): DebateRecord {
    return debates.get(debate.id) ?? debate;
  }

  async function fetchThread(debate: DebateRecord): Promise<ThreadChannel> {
    const channel = await client.channels.fetch(debate.threadId, { force: true });
    if (!channel?.isThread())
      throw new Error(`channel ${debate.threadId} of debate ${debate.id} is not a thread`);
    return channel;
  }

  async function logModeration(entry: Omit<ModerationEntry, 'createdAt'>): Promise<ModLogOutcome> {
    const stored = { ...entry, createdAt: clock.now() };
    return postModeration(moderation.log(stored), stored);
  }

  /** Posts an entry already stored in the moderation log to the server's mod-log channel. */
  async function postModeration(id: number, entry: ModerationEntry): Promise<ModLogOutcome> {
    const channelId = settings.get(entry.guildId).modLogChannelId;
    if (channelId === undefined) {
      moderation.markPostFailed(id, 'no mod-log channel set');
      return { kind: 'no-mod-log' };
    }
    try {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable() || channel.isDMBased() || channel.guildId !== entry.guildId) {
        moderation.markPostFailed(id, 'the mod-log channel is not a server text channel');
        return { kind: 'failed', reason: 'the mod-log channel is not a text channel of this server' };
      }
      const message = await channel.send({
        content: renderModerationLine(entry),
        allowedMentions: { parse: [] },
      });
      moderation.markPosted(id, message.id);
      return { kind: 'posted' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error, guildId: entry.guildId, channelId }, 'could not post to the mod log');
      moderation.markPostFailed(id, reason);
      return { kind: 'failed', reason };
    }
  }

  async function recordFault(debate: DebateRecord, reason: string): Promise<void> {
    const first = debates.markFault(debate.id, reason, clock.now());
    logger.warn({ debateId: debate.id, guildId: debate.guildId, reason }, 'debate marked with a fault');
    if (first) {
      await logModeration({
        guildId: debate.guildId,
        debateId: debate.id,
        action: 'fault',
        actorId: null,
        targetId: null,
        channelId: debate.threadId,
        messageId: null,
        detail: reason,
      });
    }
  }

  /**
   * Runs a Discord action on the debate's thread. A 403 or 404 marks the debate with the reason and
   * becomes a refusal; other errors (outages) propagate so the caller can retry.
   */
  async function onThread<T>(
    debate: DebateRecord,
    what: string,
    action: (thread: ThreadChannel) => Promise<T>,
  ): Promise<{ kind: 'ok'; value: T } | { kind: 'refused'; message: string }> {
    try {
      return { kind: 'ok', value: await action(await fetchThread(debate)) };
    } catch (error) {
      const failure = classifyPermanentFailure(error, what);
      if (!failure) throw error;
      await recordFault(debate, failure.reason);
      return {
        kind: 'refused',
        message:
          failure.kind === 'gone'
            ? 'The debate thread no longer exists. The debate is marked and moderators can see why in `/debate stats`.'
            : `Discord refused: I am missing a permission in <#${debate.threadId}>. The debate is marked with the reason; moderators can see it in \`/debate stats\`.`,
      };
    }
  }

  function openingCard(debate: DebateRecord): EmbedContent {
    const prompt = debate.promptId === null ? undefined : content.getDebatePrompt(debate.promptId);
    return renderOpeningCard({
      id: debate.id,
      motion: debate.motion,
      context: prompt?.context,
      format: debate.format,
      closesAt: debate.closesAt,
      slowmodeSeconds: debate.debateSlowmode,
      rounds: debates.listRounds(debate.id),
      status: debate.status,
      closedAt: debate.closedAt ?? undefined,
    });
  }

  async function refreshCard(debate: DebateRecord, thread: ThreadChannel): Promise<void> {
    if (debate.cardMessageId === null) return;
    await thread.messages.edit(debate.cardMessageId, {
      embeds: [openingCard(debate)],
      components: [stanceButtons(debate.id, debate.status === 'closed')],
    });
  }

  function summaryEmbed(debate: DebateRecord): EmbedContent {
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

  /** One finishing step: done, or given up with a fault on 403/404; other errors propagate for a retry. */
  async function finishStep(
    debate: DebateRecord,
    step: FinishStep,
    what: string,
    action: () => Promise<void>,
  ): Promise<void> {
    try {
      await action();
    } catch (error) {
      const failure = classifyPermanentFailure(error, what);
      if (!failure) throw error;
      await recordFault(debate, failure.reason);
    }
    debates.markFinished(debate.id, step, clock.now());
  }

  async function finish(initial: DebateRecord): Promise<DebateRecord> {
    const debate = fresh(initial);
    if (debate.status !== 'closed') return debate;
    let thread: ThreadChannel | undefined;
    const threadFor = async () => {
      thread ??= await fetchThread(debate);
      return thread;
    };
    if (debate.restoredAt === null) {
      await finishStep(debate, 'restored', 'Restoring slowmode and lock at the close', async () => {
        const target = await threadFor();
        const plan = planRestore({
          original: debate.original,
          applied: debate.applied,
          current: threadStateOf(target),
        });
        const edit: ThreadEditOptions = {};
        if (plan.slowmode.kind === 'restore') edit.rateLimitPerUser = plan.slowmode.to;
        if (plan.locked.kind === 'restore') edit.locked = plan.locked.to;
        if (Object.keys(edit).length === 0) return;
        if (target.archived) edit.archived = false;
        thread = await target.edit({ ...edit, reason: `Debate ${debate.id} closed: restoring the thread` });
        debates.recordApplied(debate.id, {
          ...(edit.rateLimitPerUser === undefined ? {} : { slowmodeSeconds: edit.rateLimitPerUser }),
          ...(edit.locked === undefined ? {} : { locked: edit.locked }),
        });
      });
    }
    if (debate.cardClosedAt === null) {
      await finishStep(debate, 'card-closed', 'Closing the opening card', async () =>
        refreshCard(fresh(debate), await threadFor()),
      );
    }
    let summary: EmbedContent | undefined;
    const summaryFor = () => {
      summary ??= summaryEmbed(debate);
      return summary;
    };
    if (debate.threadSummaryAt === null) {
      await finishStep(debate, 'thread-summary', 'Posting the result in the thread', async () => {
        await (await threadFor()).send({
          embeds: [summaryFor()],
          nonce: resultNonce(debate, 't'),
          enforceNonce: true,
        });
      });
    }
    if (debate.parentSummaryAt === null) {
      await finishStep(debate, 'parent-summary', 'Posting the result in the channel', async () => {
        const parent = await client.channels.fetch(debate.parentChannelId);
        if (!parent?.isSendable()) return;
        await parent.send({
          content: `The debate in <#${debate.threadId}> has closed.`,
          embeds: [summaryFor()],
          nonce: resultNonce(debate, 'p'),
          enforceNonce: true,
        });
      });
    }
    return fresh(debate);
  }

  async function close(debate: DebateRecord, closure: { by: string | null; reason: string | null }) {
    return exclusive(debate.id, async () => {
      const now = clock.now();
      const entry: ModerationEntry = {
        guildId: debate.guildId,
        debateId: debate.id,
        action: 'debate-closed',
        actorId: closure.by,
        targetId: null,
        channelId: debate.threadId,
        messageId: null,
        detail: closure.reason,
        createdAt: now,
      };
      const logged = transaction(() => {
        const closed = debates.close(debate.id, {
          closedAt: closure.by === null ? Math.min(now, fresh(debate).closesAt) : now,
          closedBy: closure.by,
          reason: closure.reason,
        });
        return closed ? moderation.log(entry) : null;
      });
      if (logged !== null) {
        openThreads.delete(debate.threadId);
        await postModeration(logged, entry);
      }
      return finish(debate);
    });
  }

  async function start(request: StartRequest): Promise<StartOutcome> {
    const now = clock.now();
    let thread: ThreadChannel;
    try {
      thread = await request.parent.threads.create({
        name: threadNameForMotion(request.motion),
        type: ChannelType.PublicThread,
        autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
        reason: `Debate started by ${request.startedBy}`,
      });
    } catch (error) {
      const failure = classifyPermanentFailure(error, 'Creating the debate thread');
      if (!failure) throw error;
      return {
        kind: 'refused',
        message: `Discord refused to create the thread in <#${request.parent.id}>. Check that I can create public threads there.`,
      };
    }
    const closesAt = now + request.durationMs;
    const debate = debates.create({
      guildId: request.guildId,
      parentChannelId: request.parent.id,
      threadId: thread.id,
      motion: request.motion,
      promptId: request.promptId,
      storyId: request.storyId,
      format: request.format,
      startedBy: request.startedBy,
      startedAt: now,
      closesAt,
      debateSlowmode: request.slowmodeSeconds,
      original: threadStateOf(thread),
      rounds: request.format === 'rounds' ? scheduleRounds(now, closesAt) : [],
    });
    openThreads.add(debate.threadId);
    const notes: string[] = [];
    const outcome = await onThread(debate, 'Setting up the debate thread', async (target) => {
      if (request.slowmodeSeconds !== debate.original.slowmodeSeconds) {
        await target.setRateLimitPerUser(request.slowmodeSeconds, `Debate ${debate.id}`);
        debates.recordApplied(debate.id, { slowmodeSeconds: request.slowmodeSeconds });
      }
      const card = await target.send({
        embeds: [openingCard(debate)],
        components: [stanceButtons(debate.id)],
      });
      debates.setCardMessage(debate.id, card.id);
      try {
        await card.pin(`Debate ${debate.id} opening card`);
      } catch (error) {
        if (!classifyPermanentFailure(error, 'pin')) throw error;
        notes.push('I could not pin the opening card (I need Pin Messages there).');
      }
      if (request.format === 'rounds') await announceRound(fresh(debate), target, 1);
    });
    await logModeration({
      guildId: request.guildId,
      debateId: debate.id,
      action: 'debate-started',
      actorId: request.startedBy,
      targetId: null,
      channelId: thread.id,
      messageId: null,
      detail: `${request.motion} (${formatDuration(request.durationMs)}, slowmode ${formatSlowmode(request.slowmodeSeconds)}, ${request.format})`,
    });
    if (outcome.kind === 'refused') notes.push(outcome.message);
    return { kind: 'started', debate: fresh(debate), notes };
  }

  async function announceRound(debate: DebateRecord, thread: ThreadChannel, number: number): Promise<void> {
    const rounds = debates.listRounds(debate.id);
    const round = rounds.find((candidate) => candidate.number === number);
    if (!round) return;
    await thread.send({
      content: renderRoundAnnouncement(round, rounds, debate.closesAt),
      nonce: `debate-${debate.id}-r${number}`,
      enforceNonce: true,
    });
    debates.markRoundsAnnounced(debate.id, [number], clock.now());
  }

  async function reopen(debate: DebateRecord, actorId: string): Promise<ThreadActionOutcome> {
    return exclusive(debate.id, async () => {
      const current = fresh(debate);
      if (current.status === 'open') return { kind: 'refused', message: 'This debate is already open.' };
      const result = await onThread(current, 'Reopening the debate', async (thread) => {
        const closesAt = clock.now() + current.durationMs;
        if (debates.reopen(current.id, { closesAt, original: threadStateOf(thread) }))
          openThreads.add(current.threadId);
        const reopened = fresh(current);
        if (reopened.debateSlowmode !== reopened.original.slowmodeSeconds) {
          await thread.setRateLimitPerUser(reopened.debateSlowmode, `Debate ${current.id} reopened`);
          debates.recordApplied(current.id, { slowmodeSeconds: reopened.debateSlowmode });
        }
        await refreshCard(reopened, thread);
        await thread.send({
          content: `🔁 The debate has been reopened by <@${actorId}>. It now closes ${discordTimestamp(closesAt, 'F')} (${discordTimestamp(closesAt, 'R')}). Stances carry on from before.`,
        });
        return fresh(current);
      });
      if (result.kind === 'refused') return result;
      await logModeration({
        guildId: current.guildId,
        debateId: current.id,
        action: 'debate-reopened',
        actorId,
        targetId: null,
        channelId: current.threadId,
        messageId: null,
        detail: `closes ${discordTimestamp(result.value.closesAt, 'f')}`,
      });
      return { kind: 'done', debate: result.value, notes: [] };
    });
  }

  async function extend(
    debate: DebateRecord,
    closesAt: number,
    actorId: string,
  ): Promise<ThreadActionOutcome> {
    return exclusive(debate.id, async () => {
      const extended = debates.extend(debate.id, closesAt, clock.now());
      if (!extended)
        return { kind: 'refused', message: 'This debate has closed. Use `/debate reopen` first.' };
      const result = await onThread(extended, 'Extending the debate', async (thread) => {
        await refreshCard(extended, thread);
        await thread.send({
          content: `⏳ <@${actorId}> extended the debate: it now closes ${discordTimestamp(closesAt, 'F')} (${discordTimestamp(closesAt, 'R')}).`,
        });
      });
      await logModeration({
        guildId: extended.guildId,
        debateId: extended.id,
        action: 'debate-extended',
        actorId,
        targetId: null,
        channelId: extended.threadId,
        messageId: null,
        detail: `now closes ${discordTimestamp(closesAt, 'f')}`,
      });
      return result.kind === 'refused'
        ? { kind: 'done', debate: extended, notes: [result.message] }
        : { kind: 'done', debate: extended, notes: [] };
    });
  }

  async function setSlowmode(
    debate: DebateRecord,
    seconds: number,
    actorId: string,
  ): Promise<ThreadActionOutcome> {
    return exclusive(debate.id, async () => {
      const result = await onThread(debate, 'Setting slowmode', async (thread) => {
        await thread.setRateLimitPerUser(seconds, `Debate ${debate.id}: slowmode by ${actorId}`);
        debates.recordApplied(debate.id, { slowmodeSeconds: seconds, debateSlowmode: seconds });
        const updated = fresh(debate);
        await refreshCard(updated, thread);
        return updated;
      });
      if (result.kind === 'refused') return result;
      await logModeration({
        guildId: debate.guildId,
        debateId: debate.id,
        action: 'slowmode',
        actorId,
        targetId: null,
        channelId: debate.threadId,
        messageId: null,
        detail: formatSlowmode(seconds),
      });
      return { kind: 'done', debate: result.value, notes: [] };
    });
  }

  async function setLocked(
    debate: DebateRecord,
    locked: boolean,
    actorId: string,
  ): Promise<ThreadActionOutcome> {
    return exclusive(debate.id, async () => {
      const result = await onThread(
        debate,
        locked ? 'Locking the thread' : 'Unlocking the thread',
        async (thread) => {
          await thread.edit({
            locked,
            ...(thread.archived ? { archived: false } : {}),
            reason: `Debate ${debate.id}: ${locked ? 'locked' : 'unlocked'} by ${actorId}`,
          });
          debates.recordApplied(debate.id, { locked });
          return fresh(debate);
        },
      );
      if (result.kind === 'refused') return result;
      await logModeration({
        guildId: debate.guildId,
        debateId: debate.id,
        action: locked ? 'lock' : 'unlock',
        actorId,
        targetId: null,
        channelId: debate.threadId,
        messageId: null,
        detail: null,
      });
      return { kind: 'done', debate: result.value, notes: [] };
    });
  }

  async function notifyWarned(
    request: WarnRequest,
    count: number,
    limit: number,
  ): Promise<WarnOutcome['notified']> {
    const { debate, guild } = request;
    try {
      await client.users.send(request.targetId, {
        content: `⚠️ A moderator of **${escapeMarkdown(guild.name)}** warned you in the debate <#${debate.threadId}> (warning ${count} of ${limit}): ${escapeMarkdown(request.reason)}\nAt ${limit} warnings you are removed from the debate${settings.get(guild.id).debateTimeoutMinutes > 0 ? ' and may be timed out' : ''}.`,
        allowedMentions: { parse: [] },
      });
      return 'direct-message';
    } catch (error) {
      if (!isCannotMessageUser(error))
        logger.warn({ err: error }, 'could not send a warning by direct message');
    }
    const notice = await onThread(debate, 'Posting a warning notice', async (thread) =>
      thread.send({
        content: `⚠️ <@${request.targetId}>, a moderator has warned you in this debate (warning ${count} of ${limit}). Please keep to the rules.`,
        allowedMentions: { parse: [] },
      }),
    );
    return notice.kind === 'ok' ? 'thread-notice' : 'not-reached';
  }

  async function warn(request: WarnRequest): Promise<WarnOutcome> {
    const { debate, guild } = request;
    const now = clock.now();
    const guildSettings = settings.get(guild.id);
    const { id: warningId, count } = moderation.addWarning({
      debateId: debate.id,
      guildId: guild.id,
      userId: request.targetId,
      moderatorId: request.moderatorId,
      reason: request.reason,
      createdAt: now,
    });
    const decision = decideEscalation({
      warningCount: count,
      limit: guildSettings.debateWarningLimit,
      timeoutMinutes: guildSettings.debateTimeoutMinutes,
      botCanTimeOut: request.botCanTimeOut,
    });
    const notified = await notifyWarned(request, count, guildSettings.debateWarningLimit);
    await logModeration({
      guildId: guild.id,
      debateId: debate.id,
      action: 'warning',
      actorId: request.moderatorId,
      targetId: request.targetId,
      channelId: debate.threadId,
      messageId: null,
      detail: `warning ${count} of ${guildSettings.debateWarningLimit}: ${request.reason}`,
    });
    const outcome: WarnOutcome = { count, decision, notified };
    if (decision.kind !== 'escalate') return outcome;

    const removal = await onThread(debate, 'Removing a member from the debate thread', async (thread) => {
      try {
        await thread.members.remove(request.targetId);
        return 'removed' as const;
      } catch (error) {
        if (isUnknownMember(error)) return 'not-in-thread' as const;
        throw error;
      }
    });
    outcome.removal = removal.kind === 'ok' ? removal.value : 'refused';

    if (decision.timeout.kind === 'apply') {
      const until = timeoutEndsAt(now, decision.timeout.minutes);
      try {
        await guild.members.edit(request.targetId, {
          communicationDisabledUntil: new Date(until),
          reason: `Reached ${decision.limit} debate warnings`,
        });
        outcome.timeout = { kind: 'applied', until };
      } catch (error) {
        if (!classifyPermanentFailure(error, 'timeout')) throw error;
        outcome.timeout = { kind: 'refused' };
      }
    } else {
      outcome.timeout = {
        kind: 'skipped',
        reason:
          decision.timeout.reason === 'disabled'
            ? 'timeouts are off in this server'
            : 'I do not have Timeout Members (Moderate Members)',
      };
    }
    const parts = [
      outcome.removal === 'removed'
        ? 'removed from the thread'
        : outcome.removal === 'not-in-thread'
          ? 'was not in the thread'
          : 'could not be removed from the thread',
    ];
    if (outcome.timeout.kind === 'applied')
      parts.push(`timed out until ${discordTimestamp(outcome.timeout.until, 'f')}`);
    else if (outcome.timeout.kind === 'refused')
      parts.push('not timed out: Discord refused (their role is above mine, or they are an admin)');
    else parts.push(`not timed out: ${outcome.timeout.reason}`);
    const text = `${count} of ${decision.limit} warnings; ${parts.join('; ')}`;
    moderation.recordEscalation(warningId, text);
    await logModeration({
      guildId: guild.id,
      debateId: debate.id,
      action: 'escalation',
      actorId: request.moderatorId,
      targetId: request.targetId,
      channelId: debate.threadId,
      messageId: null,
      detail: text,
    });
    return outcome;
  }

  /**
   * Runs scheduled work for several servers side by side, one server's debates one after another,
   * so a slow or failing server cannot delay the others. `work` catches its own failures.
   */
  async function acrossGuilds(
    guildIds: Iterable<string>,
    work: (guildId: string) => Promise<void>,
  ): Promise<void> {
    await Promise.all([...new Set(guildIds)].map((guildId) => work(guildId)));
  }

  function inGuild(list: readonly DebateRecord[], guildId: string): DebateRecord[] {
    return list.filter((debate) => debate.guildId === guildId);
  }

  async function closeDueDebates(now: number): Promise<void> {
    openThreads = new Set(debates.listOpenThreadIds());
    const due = debates.listDueToClose(now);
    const unfinished = debates.listUnfinished();
    await acrossGuilds(
      [...due, ...unfinished].map((debate) => debate.guildId),
      async (guildId) => {
        for (const debate of inGuild(due, guildId)) {
          try {
            await close(debate, { by: null, reason: null });
          } catch (error) {
            logger.error({ err: error, debateId: debate.id, guildId }, 'could not close a debate');
          }
        }
        for (const debate of inGuild(debates.listUnfinished(), guildId)) {
          try {
            await exclusive(debate.id, () => finish(debate));
          } catch (error) {
            logger.error({ err: error, debateId: debate.id, guildId }, 'could not finish a debate');
          }
        }
      },
    );
  }

  async function announceDueRounds(now: number): Promise<void> {
    const due = debates.listWithRoundsDue(now);
    await acrossGuilds(
      due.map((debate) => debate.guildId),
      async (guildId) => {
        for (const debate of inGuild(due, guildId)) {
          try {
            await exclusive(debate.id, async () => {
              const current = fresh(debate);
              if (current.status !== 'open') return;
              const rounds = findRoundsDue(debates.listRounds(current.id), now, current.closesAt);
              if (rounds.skipped.length > 0)
                debates.markRoundsAnnounced(
                  current.id,
                  rounds.skipped.map((round) => round.number),
                  now,
                );
              const round = rounds.announce;
              if (!round) return;
              const result = await onThread(current, `Announcing round ${round.number}`, (thread) =>
                announceRound(current, thread, round.number),
              );
              if (result.kind === 'refused') debates.markRoundsAnnounced(current.id, [round.number], now);
            });
          } catch (error) {
            logger.error({ err: error, debateId: debate.id, guildId }, 'could not announce a round');
          }
        }
      },
    );
  }

  return {
    debates,
    moderation,
    start,
    close,
    reopen,
    extend,
    setSlowmode,
    setLocked,
    warn,
    logModeration,
    modLogHint(guildId, userId) {
      if (settings.get(guildId).modLogChannelId !== undefined) return undefined;
      if (!moderation.claimModLogHint(guildId, userId, clock.now())) return undefined;
      return 'Tip: no mod-log channel is set, so moderator actions and reports are only stored. An admin can set one with `/settings modlog`.';
    },
    async postInThread(debate, options) {
      const result = await onThread(debate, 'Posting in the debate thread', (thread) => thread.send(options));
      return result.kind === 'ok' ? { kind: 'done', debate, notes: [] } : result;
    },
    closeDueDebates,
    announceDueRounds,
    countMessage(threadId, userId) {
      if (!openThreads.has(threadId)) return;
      try {
        debates.countMessage(threadId, userId);
      } catch (error) {
        logger.error({ err: error, threadId }, 'could not count a debate message');
      }
    },
    openingCard,
  };
}
