import { threadNameForMotion } from '../core/motion.js';
import type { StartNote, StartOutcome } from '../core/outcomes.js';
import { scheduleRounds } from '../core/rounds.js';
import type { DebateFormat } from '../core/types.js';
import { moderationDetails, threadTasks } from '../messages/moderation-log.js';
import { auditReasons } from '../messages/notices.js';
import { announceRound } from './announce-due-rounds.js';
import type { DebateDeps } from './deps.js';
import { debateEntry, logModeration } from './log-moderation.js';
import { postOpeningCard } from './opening-card.js';
import { failWith, isPermanent, okValue, onThread } from './thread-access.js';

export interface StartRequest {
  guildId: string;
  /** The text channel the debate thread is made in. */
  parentChannelId: string;
  startedBy: string;
  /** Already sanitised. */
  motion: string;
  promptId: string | null;
  storyId: string | null;
  format: DebateFormat;
  durationMs: number;
  slowmodeSeconds: number;
}

/**
 * Makes the debate thread, stores the debate, sets its slowmode, posts and pins the opening card and,
 * for rounds, announces the first. What Discord refuses once the thread exists becomes a note.
 */
export async function startDebate(deps: DebateDeps, request: StartRequest): Promise<StartOutcome> {
  const { discord, clock, debates } = deps;
  const now = clock.now();
  const opened = await discord.openTextChannel(request.parentChannelId);
  if (opened.kind === 'failed') throw opened.error;
  const parent = opened.value;
  if (!parent) return { kind: 'refused', reason: 'not-text-channel', channelId: request.parentChannelId };
  const created = await parent.createThread({
    name: threadNameForMotion(request.motion),
    reason: auditReasons.started(request.startedBy),
  });
  if (created.kind === 'failed') {
    if (!isPermanent(created.failure)) throw created.error;
    return { kind: 'refused', reason: 'thread-create-refused', channelId: parent.id };
  }
  const thread = created.value;
  const closesAt = now + request.durationMs;
  const debate = debates.create({
    guildId: request.guildId,
    parentChannelId: parent.id,
    threadId: thread.id,
    motion: request.motion,
    promptId: request.promptId,
    storyId: request.storyId,
    format: request.format,
    startedBy: request.startedBy,
    startedAt: now,
    closesAt,
    debateSlowmode: request.slowmodeSeconds,
    original: thread.moderation,
    rounds: request.format === 'rounds' ? scheduleRounds(now, closesAt) : [],
  });
  deps.openThreads.add(debate.threadId);
  const rounds = debates.listRounds(debate.id);
  const notes: StartNote[] = [];
  const setUp = await onThread(deps, debate, threadTasks.setUp, async (target) => {
    if (request.slowmodeSeconds !== debate.original.slowmodeSeconds) {
      const slowmode = {
        slowmodeSeconds: request.slowmodeSeconds,
        reason: auditReasons.slowmodeAtStart(debate.id),
      };
      okValue(await target.edit(slowmode));
      debates.recordApplied(debate.id, { slowmodeSeconds: request.slowmodeSeconds });
    }
    const cardId = await postOpeningCard(deps, debate, rounds, target);
    debates.setCardMessage(debate.id, cardId);
    const pinned = await target.pin(cardId, auditReasons.pinCard(debate.id));
    if (pinned.kind === 'failed') {
      if (!isPermanent(pinned.failure)) failWith(pinned);
      notes.push({ kind: 'pin-failed' });
    }
    if (request.format === 'rounds') await announceRound(deps, debate, rounds, target, 1);
  });
  await logModeration(
    deps,
    debateEntry(debate, 'debate-started', {
      actorId: request.startedBy,
      detail: moderationDetails.started(request),
    }),
  );
  if (setUp.kind === 'refused') notes.push({ kind: 'thread-refused', refusal: setUp });
  return {
    kind: 'started',
    debateId: debate.id,
    threadId: debate.threadId,
    closesAt: debate.closesAt,
    notes,
  };
}
