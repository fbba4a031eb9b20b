import type { QuizAnswerRepository } from '../storage/index.js';
import type { AnswerCounts } from './answer-counts.js';

/** Takes back an answer recorded at `answeredAt` whose click Discord would not let the bot acknowledge. */
export type WithdrawAnswer = (roundId: number, userId: string, answeredAt: number) => boolean;

export function createAnswerWithdrawal(dependencies: {
  answers: QuizAnswerRepository;
  counts: AnswerCounts;
}): WithdrawAnswer {
  const { answers, counts } = dependencies;
  return (roundId, userId, answeredAt) => {
    const withdrawn = answers.withdraw(roundId, userId, answeredAt);
    if (withdrawn) counts.noteAnswer(roundId);
    return withdrawn;
  };
}
