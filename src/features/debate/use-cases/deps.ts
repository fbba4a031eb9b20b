import type { Clock } from '../../../platform/clock.js';
import type { Logger } from '../../../platform/logger.js';
import type { SettingsRepository } from '../../settings/storage/repository.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import type { ModerationRepository } from '../storage/moderation-repository.js';
import type { DebateRepository } from '../storage/repository.js';
import type { DebateDiscord } from './debate-discord.js';
import type { DebateLock } from './debate-lock.js';
import type { OpenThreads } from './open-threads.js';

/** What the debate use cases work with; each takes this and plain ids and values. */
export interface DebateDeps {
  /** Runs `work` in one database transaction. */
  transaction<T>(work: () => T): T;
  discord: DebateDiscord;
  clock: Clock;
  logger: Logger;
  settings: SettingsRepository;
  content: ContentLibrary;
  debates: DebateRepository;
  moderation: ModerationRepository;
  lock: DebateLock;
  openThreads: OpenThreads;
}
