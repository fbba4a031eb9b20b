import type { Database } from 'better-sqlite3';
import { createQuizAnswerRepository, type QuizAnswerRepository } from './answers.js';
import { createQuizConfigRepository, type QuizConfigRepository } from './configs.js';
import { type CorruptRoundReport, createQuizRoundRepository, type QuizRoundRepository } from './rounds.js';
import { createQuizScoreRepository, type QuizScoreRepository } from './scores.js';

export type { AnswerRecording, QuizAnswerRepository } from './answers.js';
export type { ConfigRead, QuizConfigRepository } from './configs.js';
export type {
  CorruptRoundReport,
  FailedRoundRetry,
  NewRound,
  QuizRoundRepository,
  RoundCreation,
  RoundGate,
} from './rounds.js';
export type {
  MemberTotalsRow,
  QuizScoreRepository,
  RoundClosing,
  ScoreHistoryRow,
  StandingRow,
} from './scores.js';

/** Every quiz repository over one database; statements are prepared once here. */
export interface QuizStorage {
  configs: QuizConfigRepository;
  rounds: QuizRoundRepository;
  answers: QuizAnswerRepository;
  scores: QuizScoreRepository;
}

export function createQuizStorage(db: Database, reportCorrupt: CorruptRoundReport = () => {}): QuizStorage {
  return {
    configs: createQuizConfigRepository(db),
    rounds: createQuizRoundRepository(db, reportCorrupt),
    answers: createQuizAnswerRepository(db),
    scores: createQuizScoreRepository(db),
  };
}
