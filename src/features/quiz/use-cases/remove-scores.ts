import type { QuizReads } from './read-config.js';

/** `/quiz remove-scores`: deletes a member's scores, streak and past answers; returns the rows removed. */
export function removeScores(reads: QuizReads, guildId: string, userId: string, by: string): number {
  const removed = reads.storage.scores.removeMember(guildId, userId);
  reads.logger.info({ guildId, userId, removed, by }, 'quiz scores removed');
  return removed;
}
