import { choiceLetter } from '../core/questions.js';
import { accuracy, currentStreak } from '../core/scoring.js';
import type { LocalDate } from '../core/time.js';
import type { MemberTotalsRow, ScoreHistoryRow } from '../storage/index.js';

type Cell = string | number | boolean | null;

function csvCell(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A server's quiz scores as two CSV files and the line that comes with them. */
export interface ScoreExport {
  summary: string;
  files: Array<{ name: string; text: string }>;
}

export function scoreExport(
  totals: readonly MemberTotalsRow[],
  history: readonly ScoreHistoryRow[],
  latestClosedDate: LocalDate | null,
): ScoreExport {
  const totalsCsv = csv(
    ['user_id', 'points', 'answered', 'correct', 'accuracy', 'current_streak', 'best_streak'],
    totals.map((row) => [
      row.userId,
      row.points,
      row.answered,
      row.correct,
      accuracy(row.correct, row.answered).toFixed(3),
      currentStreak(
        { current: row.currentStreak, lastCorrectDate: row.lastCorrectDate, best: row.bestStreak },
        latestClosedDate,
      ),
      row.bestStreak,
    ]),
  );
  const historyCsv = csv(
    ['local_date', 'user_id', 'choice', 'correct', 'points', 'streak'],
    history.map((row) => [
      row.localDate,
      row.userId,
      choiceLetter(row.choice),
      row.correct,
      row.points,
      row.streak,
    ]),
  );
  const rounds = new Set(history.map((row) => row.localDate)).size;
  return {
    summary: `Quiz scores of ${totals.length} member${totals.length === 1 ? '' : 's'} over ${rounds} round${rounds === 1 ? '' : 's'}. Members who left keep their scores until removed with \`/quiz remove-scores\`.`,
    files: [
      { name: 'quiz-scores.csv', text: totalsCsv },
      { name: 'quiz-answers-by-round.csv', text: historyCsv },
    ],
  };
}
