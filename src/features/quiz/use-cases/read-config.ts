import type { Clock } from '../../../platform/clock.js';
import type { Logger } from '../../../platform/logger.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import type { QuizConfig } from '../core/config.js';
import { type LocalDate, localDateAt } from '../core/time.js';
import type { QuizStorage } from '../storage/index.js';

/** What the read-side use cases work with. */
export interface QuizReads {
  storage: QuizStorage;
  content: ContentLibrary;
  clock: Clock;
  logger: Logger;
}

/** A server whose quiz cannot be used: never set up, or its stored settings fail their schema. */
export type Unconfigured = { kind: 'none' } | { kind: 'invalid'; problems: string[] };

export type QuizConfigState = { kind: 'ok'; config: QuizConfig } | Unconfigured;

/** The server's quiz settings; damaged ones are logged and treated as unusable. */
export function readConfig(reads: QuizReads, guildId: string): QuizConfigState {
  const read = reads.storage.configs.get(guildId);
  if (read.kind === 'invalid') {
    reads.logger.warn({ guildId, problems: read.problems }, 'stored quiz configuration is invalid; ignored');
    return { kind: 'invalid', problems: read.problems };
  }
  return read;
}

/** Today's date in the server's quiz time zone (UTC when the quiz is not set up). */
export function localToday(reads: QuizReads, guildId: string | null): LocalDate {
  if (guildId === null) return localDateAt(reads.clock.now(), 'UTC');
  const state = readConfig(reads, guildId);
  return localDateAt(reads.clock.now(), state.kind === 'ok' ? state.config.timeZone : 'UTC');
}
