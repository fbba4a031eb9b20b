import { type ScoreExport, scoreExport } from '../messages/score-export.js';
import type { QuizReads } from './read-config.js';

export type ExportOutcome = { kind: 'empty' } | { kind: 'ok'; export: ScoreExport };

/** `/quiz export`: every member's totals and every scored answer, as CSV. */
export function exportScores(reads: QuizReads, guildId: string): ExportOutcome {
  const { scores, rounds } = reads.storage;
  const latest = rounds.latestClosedDate(guildId);
  const totals = scores.exportTotals(guildId);
  const history = scores.exportHistory(guildId);
  if (totals.length === 0) return { kind: 'empty' };
  return { kind: 'ok', export: scoreExport(totals, history, latest) };
}
