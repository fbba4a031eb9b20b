import type { Database } from 'better-sqlite3';
import {
  type Client,
  GatewayDispatchEvents,
  type GatewayMessageCreateDispatchData,
  MessageType,
} from 'discord.js';
import type { Clock } from '../../../platform/clock.js';
import type { Logger } from '../../../platform/logger.js';
import type { Scheduler } from '../../../platform/scheduler.js';
import type { SettingsRepository } from '../../settings/storage/repository.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import { createModerationRepository } from '../storage/moderation-repository.js';
import { createDebateRepository } from '../storage/repository.js';
import { createDebateLock } from '../use-cases/debate-lock.js';
import { createDebateUseCases, type DebateUseCases } from '../use-cases/index.js';
import { createOpenThreads } from '../use-cases/open-threads.js';
import { createDebateDiscord } from './debate-discord.js';

export function createDebateFeature(
  db: Database,
  client: Client,
  clock: Clock,
  logger: Logger,
  content: ContentLibrary,
  settings: SettingsRepository,
): DebateUseCases {
  const debates = createDebateRepository(db);
  return createDebateUseCases({
    transaction: (work) => db.transaction(work).immediate(),
    discord: createDebateDiscord(client),
    clock,
    logger,
    content,
    settings,
    debates,
    moderation: createModerationRepository(db),
    lock: createDebateLock(),
    openThreads: createOpenThreads(debates),
  });
}

const countedMessageTypes = new Set<number>([MessageType.Default, MessageType.Reply]);

/**
 * Counts members' messages in debate threads from the raw MESSAGE_CREATE events (author and channel
 * only, never the content), and schedules closing and round announcements.
 */
export function registerDebateEvents(client: Client, scheduler: Scheduler, debates: DebateUseCases): void {
  client.ws.on(GatewayDispatchEvents.MessageCreate, (data: GatewayMessageCreateDispatchData) => {
    if (!data.guild_id || data.webhook_id || data.author?.bot) return;
    if (!countedMessageTypes.has(data.type)) return;
    debates.countMessage(data.channel_id, data.author.id);
  });
  scheduler.add({ name: 'debate-close', run: (now) => debates.closeDueDebates(now) });
  scheduler.add({ name: 'debate-rounds', run: (now) => debates.announceDueRounds(now) });
}
