import { ChannelType, ThreadAutoArchiveDuration, type ThreadChannel } from 'discord.js';
import { threadNameForMotion } from '../core/motion.js';
import type { StartNote, StartOutcome } from '../core/outcomes.js';
import { scheduleRounds } from '../core/rounds.js';
import type { DebateFormat } from '../core/types.js';
import { isPermanentFailure } from '../discord/failures.js';
import { postOpeningCard } from '../discord/opening-card.js';
import { onThread, threadStateOf } from '../discord/thread-access.js';
import { moderationDetails, threadTasks } from '../messages/moderation-log.js';
import { auditReasons } from '../messages/notices.js';
import { announceRound } from './announce-due-rounds.js';
import type { DebateDeps } from './deps.js';
import { debateEntry, logModeration } from './log-moderation.js';

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
  const { client, clock, debates } = deps;
  const now = clock.now();
  const parent = await client.channels.fetch(request.parentChannelId);
  if (parent?.type !== ChannelType.GuildText)
    return { kind: 'refused', reason: 'not-text-channel', channelId: request.parentChannelId };
  let thread: ThreadChannel;
  try {
    thread = await parent.threads.create({
      name: threadNameForMotion(request.motion),
      type: ChannelType.PublicThread,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
      reason: auditReasons.started(request.startedBy),
    });
  } catch (error) {
    if (!isPermanentFailure(error)) throw error;
    return { kind: 'refused', reason: 'thread-create-refused', channelId: parent.id };
  }
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
    original: threadStateOf(thread),
    rounds: request.format === 'rounds' ? scheduleRounds(now, closesAt) : [],
  });
  deps.openThreads.add(debate.threadId);
  const rounds = debates.listRounds(debate.id);
  const notes: StartNote[] = [];
  const setUp = await onThread(deps, debate, threadTasks.setUp, async (target) => {
    if (request.slowmodeSeconds !== debate.original.slowmodeSeconds) {
      await target.setRateLimitPerUser(request.slowmodeSeconds, auditReasons.slowmodeAtStart(debate.id));
      debates.recordApplied(debate.id, { slowmodeSeconds: request.slowmodeSeconds });
    }
    const card = await postOpeningCard(deps, debate, rounds, target);
    debates.setCardMessage(debate.id, card.id);
    try {
      await card.pin(auditReasons.pinCard(debate.id));
    } catch (error) {
      if (!isPermanentFailure(error)) throw error;
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
