import type { Database } from 'better-sqlite3';
import type { AnswerRecording } from '../core/answer-rules.js';

export type { AnswerRecording };

export interface QuizAnswerRepository {
  /**
   * Stores the member's answer unless they already answered this round (the first answer stands)
   * or the round no longer accepts answers. One prepared INSERT on the common path.
   */
  record(roundId: number, userId: string, choice: number, now: number): AnswerRecording;
  /**
   * Takes back an answer recorded at `answeredAt` while the round is still open, for a click whose
   * acknowledgement Discord refused: the member was never told it counted.
   */
  withdraw(roundId: number, userId: string, answeredAt: number): boolean;
  count(roundId: number): number;
  /** Answers per choice index, `choiceCount` long. */
  distribution(roundId: number, choiceCount: number): number[];
  choiceOf(roundId: number, userId: string): number | undefined;
}

export function createQuizAnswerRepository(db: Database): QuizAnswerRepository {
  const insert = db.prepare<[number, string, number, number, number, number]>(
    `INSERT INTO quiz_answers (round_id, user_id, choice, answered_at)
     SELECT ?, ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM quiz_rounds WHERE id = ? AND state IN ('posting', 'open') AND closes_at > ?)
     ON CONFLICT (round_id, user_id) DO NOTHING`,
  );
  const remove = db.prepare<[number, string, number, number]>(
    `DELETE FROM quiz_answers
      WHERE round_id = ? AND user_id = ? AND answered_at = ?
        AND EXISTS (SELECT 1 FROM quiz_rounds WHERE id = ? AND state IN ('posting', 'open'))`,
  );
  const selectChoice = db.prepare<[number, string], { choice: number }>(
    'SELECT choice FROM quiz_answers WHERE round_id = ? AND user_id = ?',
  );
  const selectCount = db.prepare<[number], { total: number }>(
    'SELECT COUNT(*) AS total FROM quiz_answers WHERE round_id = ?',
  );
  const selectDistribution = db.prepare<[number], { choice: number; total: number }>(
    'SELECT choice, COUNT(*) AS total FROM quiz_answers WHERE round_id = ? GROUP BY choice',
  );

  return {
    record(roundId, userId, choice, now) {
      if (insert.run(roundId, userId, choice, now, roundId, now).changes > 0)
        return { kind: 'recorded', choice };
      const existing = selectChoice.get(roundId, userId);
      return existing ? { kind: 'already-answered', choice: existing.choice } : { kind: 'closed' };
    },
    withdraw(roundId, userId, answeredAt) {
      return remove.run(roundId, userId, answeredAt, roundId).changes > 0;
    },
    count(roundId) {
      return selectCount.get(roundId)?.total ?? 0;
    },
    distribution(roundId, choiceCount) {
      const counts = Array.from({ length: choiceCount }, () => 0);
      for (const row of selectDistribution.all(roundId)) {
        if (row.choice >= 0 && row.choice < choiceCount) counts[row.choice] = row.total;
      }
      return counts;
    },
    choiceOf(roundId, userId) {
      return selectChoice.get(roundId, userId)?.choice;
    },
  };
}
