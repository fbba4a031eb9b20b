import type { LeaderboardPeriod } from '../core/scoring.js';
import type { StandingRow } from '../storage/index.js';
import { localToday, type QuizReads } from './read-config.js';

export interface Leaderboard {
  rows: StandingRow[];
  /** The member who asked, wherever they rank; undefined without a score in the period. */
  caller: StandingRow | undefined;
  players: number;
}

/** `/quiz leaderboard`: the top 10 of a period and the caller's own standing. */
export function leaderboard(
  reads: QuizReads,
  guildId: string,
  userId: string,
  period: LeaderboardPeriod,
): Leaderboard {
  const today = localToday(reads, guildId);
  const { scores } = reads.storage;
  return {
    rows: scores.leaderboard(guildId, period, today, 10),
    caller: scores.standing(guildId, userId, period, today),
    players: scores.players(guildId, period, today),
  };
}
