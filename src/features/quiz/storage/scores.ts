import type { Database } from 'better-sqlite3';
import { parseRoundQuestion } from '../core/round.js';
import {
  type LeaderboardPeriod,
  leaderboardPeriods,
  type MemberStreak,
  periodKey,
  type ScoredAnswer,
  scoreRound,
} from '../core/scoring.js';
import type { LocalDate } from '../core/time.js';

export interface StandingRow {
  userId: string;
  points: number;
  answered: number;
  correct: number;
  rank: number;
}

export type RoundClosing =
  | { kind: 'closed'; scored: ScoredAnswer[]; previousRoundDate: LocalDate | null }
  | { kind: 'not-open' }
  | { kind: 'unreadable' };

export interface MemberTotalsRow {
  userId: string;
  points: number;
  answered: number;
  correct: number;
  currentStreak: number;
  lastCorrectDate: LocalDate | null;
  bestStreak: number;
}

export interface ScoreHistoryRow {
  localDate: LocalDate;
  userId: string;
  choice: number;
  correct: boolean;
  points: number;
  streak: number;
}

export interface QuizScoreRepository {
  /**
   * Scores an open round in one transaction: every answer becomes a score row, the week, month and
   * all-time totals and the streaks move, and the round is marked closed with its results pending.
   */
  close(roundId: number, now: number): RoundClosing;
  /** Top members of a period, ranked by points (ties share a rank), then correct answers, then id. */
  leaderboard(guildId: string, period: LeaderboardPeriod, today: LocalDate, limit: number): StandingRow[];
  standing(
    guildId: string,
    userId: string,
    period: LeaderboardPeriod,
    today: LocalDate,
  ): StandingRow | undefined;
  players(guildId: string, period: LeaderboardPeriod, today: LocalDate): number;
  streak(guildId: string, userId: string): MemberStreak | undefined;
  /** The longest streaks reached in the server's round of `localDate`, at least `minimum` long. */
  roundStreaks(
    guildId: string,
    localDate: LocalDate,
    minimum: number,
    limit: number,
  ): Array<{ userId: string; streak: number }>;
  /** All-time totals and streaks of every member with a score, best first. */
  exportTotals(guildId: string): MemberTotalsRow[];
  exportHistory(guildId: string): ScoreHistoryRow[];
  /** Deletes a member's scores, totals, streak and the answers of closed rounds; returns rows removed. */
  removeMember(guildId: string, userId: string): number;
}

interface TotalsRow {
  user_id: string;
  points: number;
  answered: number;
  correct: number;
}

export function createQuizScoreRepository(db: Database): QuizScoreRepository {
  const selectRound = db.prepare<
    [number],
    { guild_id: string; local_date: string; state: string; question: string }
  >('SELECT guild_id, local_date, state, question FROM quiz_rounds WHERE id = ?');
  const selectPreviousClosed = db.prepare<[string, string], { local_date: string }>(
    `SELECT local_date FROM quiz_rounds
      WHERE guild_id = ? AND local_date < ? AND state = 'closed' ORDER BY local_date DESC LIMIT 1`,
  );
  const selectAnswers = db.prepare<[number], { user_id: string; choice: number }>(
    'SELECT user_id, choice FROM quiz_answers WHERE round_id = ? ORDER BY answered_at, user_id',
  );
  const selectStreak = db.prepare<
    [string, string],
    { current: number; last_correct_date: string | null; best: number }
  >('SELECT current, last_correct_date, best FROM quiz_streaks WHERE guild_id = ? AND user_id = ?');
  const insertScore = db.prepare<[string, string, string, number, number, number, number, number]>(
    `INSERT INTO quiz_scores (guild_id, user_id, local_date, round_id, choice, correct, points, streak)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const upsertTotals = db.prepare<[string, string, string, string, number, number]>(
    `INSERT INTO quiz_totals (guild_id, period, period_start, user_id, points, answered, correct)
     VALUES (?, ?, ?, ?, ?, 1, ?)
     ON CONFLICT (guild_id, period, period_start, user_id) DO UPDATE SET
       points = points + excluded.points, answered = answered + 1, correct = correct + excluded.correct`,
  );
  const upsertStreak = db.prepare<[string, string, number, string | null, number]>(
    `INSERT INTO quiz_streaks (guild_id, user_id, current, last_correct_date, best) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (guild_id, user_id) DO UPDATE SET
       current = excluded.current, last_correct_date = excluded.last_correct_date, best = excluded.best`,
  );
  const markClosed = db.prepare<[number, number, number]>(
    `UPDATE quiz_rounds SET state = 'closed', closed_at = ?, players = ?, results_state = 'pending'
      WHERE id = ? AND state = 'open'`,
  );
  const markUnreadable = db.prepare<[number]>(
    `UPDATE quiz_rounds SET state = 'failed', failure = 'the stored question is unreadable; not scored' WHERE id = ?`,
  );
  const selectTop = db.prepare<[string, string, string, number], TotalsRow>(
    `SELECT user_id, points, answered, correct FROM quiz_totals
      WHERE guild_id = ? AND period = ? AND period_start = ?
      ORDER BY points DESC, correct DESC, user_id LIMIT ?`,
  );
  const selectMember = db.prepare<[string, string, string, string], TotalsRow>(
    `SELECT user_id, points, answered, correct FROM quiz_totals
      WHERE guild_id = ? AND period = ? AND period_start = ? AND user_id = ?`,
  );
  const selectAhead = db.prepare<[string, string, string, number], { ahead: number }>(
    `SELECT COUNT(*) AS ahead FROM quiz_totals
      WHERE guild_id = ? AND period = ? AND period_start = ? AND points > ?`,
  );
  const selectPlayers = db.prepare<[string, string, string], { total: number }>(
    'SELECT COUNT(*) AS total FROM quiz_totals WHERE guild_id = ? AND period = ? AND period_start = ?',
  );
  const selectRoundStreaks = db.prepare<
    [string, string, number, number],
    { user_id: string; streak: number }
  >(
    `SELECT user_id, streak FROM quiz_scores
      WHERE guild_id = ? AND local_date = ? AND streak >= ? ORDER BY streak DESC, user_id LIMIT ?`,
  );
  const selectExportTotals = db.prepare<
    [string],
    TotalsRow & { current: number | null; last_correct_date: string | null; best: number | null }
  >(
    `SELECT t.user_id, t.points, t.answered, t.correct, s.current, s.last_correct_date, s.best
       FROM quiz_totals t LEFT JOIN quiz_streaks s ON s.guild_id = t.guild_id AND s.user_id = t.user_id
      WHERE t.guild_id = ? AND t.period = 'all' AND t.period_start = ''
      ORDER BY t.points DESC, t.correct DESC, t.user_id`,
  );
  const selectExportHistory = db.prepare<
    [string],
    { local_date: string; user_id: string; choice: number; correct: number; points: number; streak: number }
  >(
    `SELECT local_date, user_id, choice, correct, points, streak FROM quiz_scores
      WHERE guild_id = ? ORDER BY local_date, user_id`,
  );
  const deleteScores = db.prepare<[string, string]>(
    'DELETE FROM quiz_scores WHERE guild_id = ? AND user_id = ?',
  );
  const deleteTotals = db.prepare<[string, string]>(
    'DELETE FROM quiz_totals WHERE guild_id = ? AND user_id = ?',
  );
  const deleteStreak = db.prepare<[string, string]>(
    'DELETE FROM quiz_streaks WHERE guild_id = ? AND user_id = ?',
  );
  const deleteAnswers = db.prepare<[string, string]>(
    `DELETE FROM quiz_answers WHERE user_id = ?
        AND round_id IN (SELECT id FROM quiz_rounds WHERE guild_id = ? AND state IN ('closed', 'failed'))`,
  );

  const closeTransaction = db.transaction((roundId: number, now: number): RoundClosing => {
    const round = selectRound.get(roundId);
    if (round?.state !== 'open') return { kind: 'not-open' };
    const question = parseRoundQuestion(round.question);
    if (!question) {
      markUnreadable.run(roundId);
      return { kind: 'unreadable' };
    }
    const previousRoundDate = selectPreviousClosed.get(round.guild_id, round.local_date)?.local_date ?? null;
    const answers = selectAnswers.all(roundId).map((row) => ({ userId: row.user_id, choice: row.choice }));
    const streaks = new Map<string, MemberStreak>();
    for (const answer of answers) {
      const row = selectStreak.get(round.guild_id, answer.userId);
      if (row)
        streaks.set(answer.userId, {
          current: row.current,
          lastCorrectDate: row.last_correct_date,
          best: row.best,
        });
    }
    const scored = scoreRound({
      localDate: round.local_date,
      previousRoundDate,
      answerIndex: question.answerIndex,
      answers,
      streaks,
    });
    const keys = leaderboardPeriods.map((period) => [period, periodKey(period, round.local_date)] as const);
    for (const result of scored) {
      const correct = result.correct ? 1 : 0;
      insertScore.run(
        round.guild_id,
        result.userId,
        round.local_date,
        roundId,
        result.choice,
        correct,
        result.points,
        result.streak.current,
      );
      for (const [period, key] of keys)
        upsertTotals.run(round.guild_id, period, key, result.userId, result.points, correct);
      upsertStreak.run(
        round.guild_id,
        result.userId,
        result.streak.current,
        result.streak.lastCorrectDate,
        result.streak.best,
      );
    }
    markClosed.run(now, answers.length, roundId);
    return { kind: 'closed', scored, previousRoundDate };
  });

  function ranked(guildId: string, period: LeaderboardPeriod, key: string, row: TotalsRow): StandingRow {
    const ahead = selectAhead.get(guildId, period, key, row.points)?.ahead ?? 0;
    return {
      userId: row.user_id,
      points: row.points,
      answered: row.answered,
      correct: row.correct,
      rank: ahead + 1,
    };
  }

  return {
    close(roundId, now) {
      return closeTransaction.immediate(roundId, now);
    },
    leaderboard(guildId, period, today, limit) {
      const key = periodKey(period, today);
      const rows = selectTop.all(guildId, period, key, limit);
      const result: StandingRow[] = [];
      for (const [index, row] of rows.entries()) {
        const previous = result[index - 1];
        const rank = previous && previous.points === row.points ? previous.rank : index + 1;
        result.push({
          userId: row.user_id,
          points: row.points,
          answered: row.answered,
          correct: row.correct,
          rank,
        });
      }
      return result;
    },
    standing(guildId, userId, period, today) {
      const key = periodKey(period, today);
      const row = selectMember.get(guildId, period, key, userId);
      return row ? ranked(guildId, period, key, row) : undefined;
    },
    players(guildId, period, today) {
      return selectPlayers.get(guildId, period, periodKey(period, today))?.total ?? 0;
    },
    streak(guildId, userId) {
      const row = selectStreak.get(guildId, userId);
      return row
        ? { current: row.current, lastCorrectDate: row.last_correct_date, best: row.best }
        : undefined;
    },
    roundStreaks(guildId, localDate, minimum, limit) {
      return selectRoundStreaks
        .all(guildId, localDate, minimum, limit)
        .map((row) => ({ userId: row.user_id, streak: row.streak }));
    },
    exportTotals(guildId) {
      return selectExportTotals.all(guildId).map((row) => ({
        userId: row.user_id,
        points: row.points,
        answered: row.answered,
        correct: row.correct,
        currentStreak: row.current ?? 0,
        lastCorrectDate: row.last_correct_date,
        bestStreak: row.best ?? 0,
      }));
    },
    exportHistory(guildId) {
      return selectExportHistory.all(guildId).map((row) => ({
        localDate: row.local_date,
        userId: row.user_id,
        choice: row.choice,
        correct: row.correct === 1,
        points: row.points,
        streak: row.streak,
      }));
    },
    removeMember: db.transaction((guildId: string, userId: string) => {
      let removed = 0;
      removed += deleteScores.run(guildId, userId).changes;
      removed += deleteTotals.run(guildId, userId).changes;
      removed += deleteStreak.run(guildId, userId).changes;
      removed += deleteAnswers.run(userId, guildId).changes;
      return removed;
    }),
  };
}
