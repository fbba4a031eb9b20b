import { type LocalDate, startOfMonth, startOfWeek } from './time.js';

/**
 * Scoring rule:
 * - a correct answer earns 10 points, plus a streak bonus of 2 points for each consecutive correct
 *   round before it, capped at 10 (so 10, 12, 14, 16, 18, then 20 a round);
 * - a wrong answer earns nothing and ends the streak;
 * - a streak counts consecutive rounds of the server, by its local dates, answered correctly: a round
 *   the member did not answer ends it; a day without a round (quiz paused, or the post failed) neither
 *   extends nor ends it;
 * - practice questions never score.
 */
export const scoringRule = {
  pointsPerCorrectAnswer: 10,
  streakBonusPerRound: 2,
  streakBonusCap: 10,
} as const;

export function streakBonus(streak: number): number {
  if (streak <= 1) return 0;
  return Math.min((streak - 1) * scoringRule.streakBonusPerRound, scoringRule.streakBonusCap);
}

export function pointsFor(correct: boolean, streak: number): number {
  return correct ? scoringRule.pointsPerCorrectAnswer + streakBonus(streak) : 0;
}

/** A member's streak as of the last round they answered correctly. */
export interface MemberStreak {
  current: number;
  /** The local date of the round that `current` ends on. */
  lastCorrectDate: LocalDate | null;
  best: number;
}

export const noStreak: MemberStreak = { current: 0, lastCorrectDate: null, best: 0 };

/** The streak a member has right after the server's round `latestRoundDate`: 0 once they missed it. */
export function currentStreak(streak: MemberStreak, latestRoundDate: LocalDate | null): number {
  return latestRoundDate !== null && streak.lastCorrectDate === latestRoundDate ? streak.current : 0;
}

export interface RoundAnswer {
  userId: string;
  choice: number;
}

export interface ScoredAnswer {
  userId: string;
  choice: number;
  correct: boolean;
  points: number;
  streak: MemberStreak;
}

export interface RoundToScore {
  localDate: LocalDate;
  /** The date of the server's previous round that was held (closed), or null for the first. */
  previousRoundDate: LocalDate | null;
  answerIndex: number;
  answers: readonly RoundAnswer[];
  /** Streaks of the members who answered, as stored before this round. */
  streaks: ReadonlyMap<string, MemberStreak>;
}

export function scoreRound(round: RoundToScore): ScoredAnswer[] {
  return round.answers.map((answer) => {
    const before = round.streaks.get(answer.userId) ?? noStreak;
    const correct = answer.choice === round.answerIndex;
    if (!correct) {
      const streak: MemberStreak = { current: 0, lastCorrectDate: before.lastCorrectDate, best: before.best };
      return { userId: answer.userId, choice: answer.choice, correct, points: 0, streak };
    }
    const continued = round.previousRoundDate !== null && before.lastCorrectDate === round.previousRoundDate;
    const current = continued ? before.current + 1 : 1;
    const streak: MemberStreak = {
      current,
      lastCorrectDate: round.localDate,
      best: Math.max(before.best, current),
    };
    return {
      userId: answer.userId,
      choice: answer.choice,
      correct,
      points: pointsFor(true, current),
      streak,
    };
  });
}

export type LeaderboardPeriod = 'week' | 'month' | 'all';

export const leaderboardPeriods: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];

/** The key of the period holding `localDate`: the Monday of its week, the 1st of its month, or ''. */
export function periodKey(period: LeaderboardPeriod, localDate: LocalDate): string {
  switch (period) {
    case 'week':
      return startOfWeek(localDate);
    case 'month':
      return startOfMonth(localDate);
    case 'all':
      return '';
  }
}

export function accuracy(correct: number, answered: number): number {
  return answered === 0 ? 0 : correct / answered;
}
