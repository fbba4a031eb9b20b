import { questionBankOf } from '../core/bank.js';
import { questionsLeft } from '../core/questions.js';
import { localDateAt } from '../core/time.js';
import type { QuizStatus } from '../messages/status-text.js';
import { nextRound } from './next-round.js';
import { type QuizReads, readConfig, type Unconfigured } from './read-config.js';

export type StatusOutcome = Unconfigured | { kind: 'ok'; status: QuizStatus };

/** `/quiz status`: the settings, the next question, what is left to ask and the latest round. */
export function quizStatus(reads: QuizReads, guildId: string): StatusOutcome {
  const state = readConfig(reads, guildId);
  if (state.kind !== 'ok') return state;
  const { config } = state;
  const now = reads.clock.now();
  const { rounds } = reads.storage;
  const bank = questionBankOf(reads.content);
  const left = questionsLeft(bank, rounds.history(guildId), localDateAt(now, config.timeZone));
  return {
    kind: 'ok',
    status: {
      config,
      now,
      next: config.paused ? null : nextRound(reads, config, now).next,
      questions: { ...left, stories: new Set(bank.map((question) => question.storyId)).size },
      latest: rounds.latest(guildId),
    },
  };
}
