import { currentStreak } from '../core/scoring.js';
import type { MemberStats } from '../messages/score-messages.js';
import { localToday, type QuizReads } from './read-config.js';

export type StatsOutcome = { kind: 'no-answers' } | { kind: 'ok'; stats: MemberStats };

/** `/quiz stats`: a member's all-time points, rank, accuracy and streaks in the server. */
export function memberStats(reads: QuizReads, guildId: string, userId: string): StatsOutcome {
  const { scores, rounds } = reads.storage;
  const today = localToday(reads, guildId);
  const standing = scores.standing(guildId, userId, 'all', today);
  if (!standing) return { kind: 'no-answers' };
  const streak = scores.streak(guildId, userId);
  const latest = rounds.latestClosedDate(guildId);
  return {
    kind: 'ok',
    stats: {
      standing,
      players: scores.players(guildId, 'all', today),
      currentStreak: streak ? currentStreak(streak, latest) : 0,
      bestStreak: streak?.best ?? 0,
    },
  };
}
