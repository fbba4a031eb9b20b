import { findRoundsDue, type PlannedRound } from '../core/rounds.js';
import { threadTasks } from '../messages/moderation-log.js';
import { renderRoundAnnouncement } from '../messages/render.js';
import type { DebateRecord } from '../storage/debate-record.js';
import { acrossGuilds, inGuild } from './across-guilds.js';
import type { DebateThread } from './debate-discord.js';
import type { DebateDeps } from './deps.js';
import { okValue, onThread } from './thread-access.js';

/**
 * Posts round `number`'s announcement in the thread, once (the nonce), and marks it announced; within
 * work on the thread.
 */
export async function announceRound(
  deps: DebateDeps,
  debate: DebateRecord,
  rounds: readonly PlannedRound[],
  thread: DebateThread,
  number: number,
): Promise<void> {
  const round = rounds.find((candidate) => candidate.number === number);
  if (!round) return;
  const announcement = {
    content: renderRoundAnnouncement(round, rounds, debate.closesAt),
    nonce: `debate-${debate.id}-r${number}`,
  };
  okValue(await thread.post(announcement));
  deps.debates.markRoundsAnnounced(debate.id, [number], deps.clock.now());
}

/** One debate's due round, read once under its lock; earlier rounds missed while offline are only marked. */
async function announceDue(deps: DebateDeps, debateId: number, now: number): Promise<void> {
  const { debates } = deps;
  const debate = debates.get(debateId);
  if (debate?.status !== 'open') return;
  const rounds = debates.listRounds(debate.id);
  const due = findRoundsDue(rounds, now, debate.closesAt);
  if (due.skipped.length > 0)
    debates.markRoundsAnnounced(
      debate.id,
      due.skipped.map((round) => round.number),
      now,
    );
  const round = due.announce;
  if (!round) return;
  const result = await onThread(deps, debate, threadTasks.announceRound(round.number), (thread) =>
    announceRound(deps, debate, rounds, thread, round.number),
  );
  if (result.kind === 'refused') debates.markRoundsAnnounced(debate.id, [round.number], now);
}

/** Scheduled: announces rounds whose start has come. */
export async function announceDueRounds(deps: DebateDeps, now: number): Promise<void> {
  const due = deps.debates.listWithRoundsDue(now);
  await acrossGuilds(
    due.map((debate) => debate.guildId),
    async (guildId) => {
      for (const debate of inGuild(due, guildId)) {
        try {
          await deps.lock.run(debate.id, () => announceDue(deps, debate.id, now));
        } catch (error) {
          deps.logger.error({ err: error, debateId: debate.id, guildId }, 'could not announce a round');
        }
      }
    },
  );
}
