import type { Database } from 'better-sqlite3';
import type { PlatformContext } from '../../../platform/context.js';
import type { Logger } from '../../../platform/logger.js';
import type { ScheduledTask } from '../../../platform/scheduler.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import type { QuizConfig } from '../core/config.js';
import type { LeaderboardPeriod } from '../core/scoring.js';
import type { LocalDate } from '../core/time.js';
import { createQuizStorage, type QuizStorage } from '../storage/index.js';
import { createAnswerCounts } from '../use-cases/answer-counts.js';
import { type AnswerQuestion, createAnswering } from '../use-cases/answer-question.js';
import {
  changeQuizSettings,
  type PauseOutcome,
  pauseQuiz,
  type QuizOn,
  type ResumeOutcome,
  resumeQuiz,
  type SettingsChange,
  type SettingsOutcome,
  setUpQuiz,
} from '../use-cases/change-settings.js';
import { type ExportOutcome, exportScores } from '../use-cases/export-scores.js';
import { type Leaderboard, leaderboard } from '../use-cases/leaderboard.js';
import { memberStats, type StatsOutcome } from '../use-cases/member-stats.js';
import { type PingRoleOutcome, pingRole } from '../use-cases/ping-role.js';
import { quizStatus, type StatusOutcome } from '../use-cases/quiz-status.js';
import { localToday, type QuizConfigState, readConfig } from '../use-cases/read-config.js';
import { removeScores } from '../use-cases/remove-scores.js';
import { createFailedRoundRetry, type RetryFailedRound } from '../use-cases/retry-failed-round.js';
import { createRoundGates } from '../use-cases/round-gates.js';
import { createRoundRunner } from '../use-cases/round-runner.js';
import { createAnswerWithdrawal, type WithdrawAnswer } from '../use-cases/withdraw-answer.js';
import { createQuizChannels } from './quiz-channels.js';

/** The daily quiz's use cases, as the commands and the bot use them. Nothing here hands out storage. */
export interface QuizFeature {
  /** The minute task: creates due rounds, posts, retries, closes and publishes results. */
  readonly task: ScheduledTask;
  /** The answer path: an in-memory gate and one INSERT. */
  answer: AnswerQuestion;
  withdrawAnswer: WithdrawAnswer;
  /** Sends pending live answer-count edits now instead of waiting for their timers. */
  flushAnswerCounts(): Promise<void>;
  retryFailedRound: RetryFailedRound;
  /** Today's date in the server's quiz time zone (UTC when the quiz is not set up). */
  today(guildId: string | null): LocalDate;
  setUp(config: QuizConfig): QuizOn;
  /** The server's stored settings, as `/quiz settings` checks a change against them. */
  settings(guildId: string): QuizConfigState;
  changeSettings(guildId: string, change: SettingsChange): SettingsOutcome;
  pause(guildId: string): PauseOutcome;
  resume(guildId: string): ResumeOutcome;
  status(guildId: string): StatusOutcome;
  pingRole(guildId: string): PingRoleOutcome;
  leaderboard(guildId: string, userId: string, period: LeaderboardPeriod): Leaderboard;
  stats(guildId: string, userId: string): StatsOutcome;
  exportScores(guildId: string): ExportOutcome;
  /** Removes a member's scores on the request of `by`; returns the rows removed. */
  removeScores(guildId: string, userId: string, by: string): number;
  stop(): void;
}

export interface QuizFeatureDependencies extends PlatformContext {
  content: ContentLibrary;
  storage: QuizStorage;
  /** Minimum milliseconds between two live answer-count edits of one question. */
  countEditIntervalMs: number;
}

/** The quiz repositories over `db`, logging stored rounds that cannot be read. */
export function createLoggedQuizStorage(db: Database, logger: Logger): QuizStorage {
  return createQuizStorage(db, (roundId, reason) =>
    logger.error({ roundId, reason }, 'stored quiz round is unreadable; skipped'),
  );
}

export function createQuizFeature(dependencies: QuizFeatureDependencies): QuizFeature {
  const { client, clock, logger, content, storage } = dependencies;
  const channels = createQuizChannels(client);
  const gates = createRoundGates(storage.rounds, clock);
  const counts = createAnswerCounts({
    rounds: storage.rounds,
    answers: storage.answers,
    channels,
    content,
    logger,
    intervalMs: dependencies.countEditIntervalMs,
  });
  const runner = createRoundRunner({ channels, storage, content, gates, counts, clock, logger });
  const retryFailedRound = createFailedRoundRetry({ rounds: storage.rounds, gates, clock });
  const reads = { storage, content, clock, logger };
  const settings = { ...reads, retryFailedRound };
  return {
    task: runner.task,
    answer: createAnswering({ gates, answers: storage.answers, counts }),
    withdrawAnswer: createAnswerWithdrawal({ answers: storage.answers, counts }),
    flushAnswerCounts: () => counts.flushAll(),
    retryFailedRound,
    today: (guildId) => localToday(reads, guildId),
    setUp: (config) => setUpQuiz(settings, config),
    settings: (guildId) => readConfig(reads, guildId),
    changeSettings: (guildId, change) => changeQuizSettings(settings, guildId, change),
    pause: (guildId) => pauseQuiz(settings, guildId),
    resume: (guildId) => resumeQuiz(settings, guildId),
    status: (guildId) => quizStatus(reads, guildId),
    pingRole: (guildId) => pingRole(reads, guildId),
    leaderboard: (guildId, userId, period) => leaderboard(reads, guildId, userId, period),
    stats: (guildId, userId) => memberStats(reads, guildId, userId),
    exportScores: (guildId) => exportScores(reads, guildId),
    removeScores: (guildId, userId, by) => removeScores(reads, guildId, userId, by),
    stop() {
      runner.stop();
      counts.stop();
    },
  };
}
