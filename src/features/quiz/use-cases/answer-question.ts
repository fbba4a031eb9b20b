import { type AnswerOutcome, answerOutcome, checkAnswer } from '../core/answer-rules.js';
import type { QuizAnswerRepository } from '../storage/index.js';
import type { AnswerCounts } from './answer-counts.js';
import type { RoundGates } from './round-gates.js';

export interface AnsweringDependencies {
  gates: RoundGates;
  answers: QuizAnswerRepository;
  counts: AnswerCounts;
}

/** A member's click on an answer button: the in-memory gate, the answer rules and one INSERT. */
export type AnswerQuestion = (
  roundId: number,
  choice: number,
  guildId: string | null,
  userId: string,
  now: number,
) => AnswerOutcome;

export function createAnswering({ gates, answers, counts }: AnsweringDependencies): AnswerQuestion {
  return (roundId, choice, guildId, userId, now) => {
    let gate = gates.get(roundId);
    if (gate?.state === 'failed') {
      // Another process may have put the round back to posting since it was cached.
      gates.forget(roundId);
      gate = gates.get(roundId);
    }
    const check = checkAnswer(gate, { guildId, choice, at: now });
    if (check.kind === 'closed')
      return { kind: 'closed', closesAt: check.closesAt, choice: answers.choiceOf(roundId, userId) ?? null };
    if (check.kind !== 'record') return check;
    const recording = answers.record(roundId, userId, choice, now);
    if (recording.kind === 'closed') gates.update(roundId, 'closed');
    if (recording.kind === 'recorded') counts.noteAnswer(roundId);
    return answerOutcome(check.closesAt, recording);
  };
}
