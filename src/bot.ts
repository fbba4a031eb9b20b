import type { Database } from 'better-sqlite3';
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import { type Clock, systemClock } from './clock.js';
import { commands as defaultCommands } from './commands/index.js';
import type { ContentLibrary } from './content/index.js';
import type { BotContext, BotOptions } from './context.js';
import { createDebateFeature, registerDebateEvents } from './discord/debate/wiring.js';
import { createQuizFeature } from './discord/quiz-service.js';
import type { Command } from './framework/command.js';
import { createRouter, type InteractionRouter } from './framework/router.js';
import type { Logger } from './logger.js';
import { createScheduler, type Scheduler } from './scheduling/scheduler.js';
import { createSettingsRepository } from './settings/repository.js';

export interface CreateBotOptions {
  token: string;
  /** REST base URL, e.g. https://discord.com/api; the gateway URL is read from GET /gateway/bot. */
  apiUrl: string;
  db: Database;
  content: ContentLibrary;
  logger: Logger;
  clock?: Clock;
  options?: Partial<BotOptions>;
  commands?: readonly Command[];
  /** `cron` ticks scheduled work every minute of real time; `manual` leaves ticking to the caller. */
  schedule?: 'cron' | 'manual';
}

export interface Bot {
  client: Client;
  context: BotContext;
  router: InteractionRouter;
  scheduler: Scheduler;
  /** Logs in, waits for READY, catches up on work missed while offline, then starts the minute tick. */
  start(): Promise<void>;
  /** Stops scheduling, lets running handlers finish (bounded), then disconnects. The database stays open. */
  stop(): Promise<void>;
}

/** Guilds for channels, roles and threads; GuildMessages to count debate messages (no message content). */
export const gatewayIntents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

export function createClient(apiUrl: string): Client {
  const keepSelf = {
    maxSize: 0,
    keepOverLimit: (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id,
  };
  return new Client({
    intents: gatewayIntents,
    rest: { api: apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMemberManager: keepSelf,
      UserManager: keepSelf,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      ThreadMemberManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      GuildForumThreadManager: 0,
      GuildTextThreadManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: 3_600, lifetime: 14_400 },
    },
  });
}

export function createBot(settings: CreateBotOptions): Bot {
  const clock = settings.clock ?? systemClock;
  const client = createClient(settings.apiUrl);
  const core = {
    client,
    db: settings.db,
    content: settings.content,
    clock,
    logger: settings.logger,
    options: { contentStaleDays: 30, quizCountEditIntervalMs: 5_000, ...settings.options },
  };
  const guildSettings = createSettingsRepository(settings.db, settings.logger);
  const context: BotContext = {
    ...core,
    settings: guildSettings,
    commands: settings.commands ?? defaultCommands,
    debate: createDebateFeature(settings.db, client, clock, settings.logger, settings.content, guildSettings),
    quiz: createQuizFeature(core),
  };
  const router = createRouter(context.commands, context);
  const scheduler = createScheduler(clock, settings.logger);
  registerDebateEvents(client, scheduler, context.debate);
  scheduler.add(context.quiz.task);

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => settings.logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => settings.logger.warn(message));

  return {
    client,
    context,
    router,
    scheduler,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(settings.token);
      await ready;
      settings.logger.info(
        { guilds: client.guilds.cache.size, user: client.user?.tag },
        'connected to Discord',
      );
      await scheduler.runDue();
      if ((settings.schedule ?? 'cron') === 'cron') scheduler.start();
    },
    async stop() {
      await scheduler.stop();
      context.quiz.stop();
      await router.drain(10_000);
      await client.destroy();
    },
  };
}
