import type { Database } from 'better-sqlite3';
import type { Client } from 'discord.js';
import type { DebateService } from '../features/debate/discord/service.js';
import type { QuizService } from '../features/quiz/discord/quiz-service.js';
import type { SettingsRepository } from '../features/settings/storage/repository.js';
import type { ContentLibrary } from '../features/story-packs/core/index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Command } from '../platform/router/command.js';

/** Options that change how the bot behaves, fixed at start-up. */
export interface BotOptions {
  /** Days after a story's `as_of` date from which readers are warned that facts may have changed. */
  contentStaleDays: number;
  /** Minimum milliseconds between two live answer-count edits of one quiz question. */
  quizCountEditIntervalMs: number;
}

/**
 * Everything a handler needs, passed in rather than imported, so handlers are testable and the
 * sandbox can swap the clock. Features add their repositories and services here.
 */
export interface BotContext {
  client: Client;
  db: Database;
  content: ContentLibrary;
  clock: Clock;
  logger: Logger;
  options: BotOptions;
  settings: SettingsRepository;
  /** Every command the bot routes, as `/help` lists them. */
  commands: readonly Command[];
  /** Debate threads: start, close, stances, moderation, summaries. */
  debate: DebateService;
  /** Daily quiz: schedule, posting, answers, closing and scores. */
  quiz: QuizService;
}
