import type { Database } from 'better-sqlite3';
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import { createDebateFeature, registerDebateEvents } from '../features/debate/discord/wiring.js';
import { createQuizFeature } from '../features/quiz/discord/quiz-service.js';
import { createSettingsRepository } from '../features/settings/storage/repository.js';
import type { ContentLibrary } from '../features/story-packs/core/index.js';
import { type Clock, systemClock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Command } from '../platform/router/command.js';
import { createRouter, type InteractionRouter } from '../platform/router/router.js';
import { createScheduler, type Scheduler } from '../platform/scheduler.js';
import { commands as defaultCommands } from './commands.js';
import type { BotContext, BotOptions } from './context.js';

export interface CreateBotOptions {
  token: string;
  /** REST base URL, e.g. https://discord.com/api; the gateway URL is read from GET /gateway/bot. */
  apiUrl: string;
  db: Database;
  /**
   * The story packs, or a promise of them while they load: the bot then logs in meanwhile, and handles
   * interactions (those that arrived earlier wait) and scheduled work only once they have loaded. A promise
   * that resolves to `undefined` or rejects means they will not load: nothing is ever handled.
   */
  content: ContentLibrary | Promise<ContentLibrary | undefined>;
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
  /**
   * Logs in, waits for READY and the story packs, catches up on work missed while offline, then starts the
   * minute tick. Does none of this past logging in when the packs will not load.
   */
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

/** A library that reads through to the loaded one: only used once it has loaded. */
function libraryWhenLoaded(loaded: () => ContentLibrary | undefined): ContentLibrary {
  const library = (): ContentLibrary => {
    const current = loaded();
    if (current === undefined) throw new Error('the story packs are not loaded yet');
    return current;
  };
  return {
    get stories() {
      return library().stories;
    },
    getStory: (id) => library().getStory(id),
    getTimeline: (storyId) => library().getTimeline(storyId),
    getFactChecks: (storyId) => library().getFactChecks(storyId),
    getUpdates: (storyId) => library().getUpdates(storyId),
    get debatePrompts() {
      return library().debatePrompts;
    },
    getDebatePrompt: (id) => library().getDebatePrompt(id),
    getDebatePrompts: (storyId) => library().getDebatePrompts(storyId),
    get quizQuestions() {
      return library().quizQuestions;
    },
    getQuizQuestion: (id) => library().getQuizQuestion(id),
    getQuizQuestions: (storyId) => library().getQuizQuestions(storyId),
    searchStories: (query, limit) => library().searchStories(query, limit),
    suggestStories: (unknownId, limit) => library().suggestStories(unknownId, limit),
    searchDebatePrompts: (query, limit) => library().searchDebatePrompts(query, limit),
  };
}

export function createBot(settings: CreateBotOptions): Bot {
  const clock = settings.clock ?? systemClock;
  const client = createClient(settings.apiUrl);
  let loadedContent = settings.content instanceof Promise ? undefined : settings.content;
  const contentReady = Promise.resolve(settings.content).then(
    (library) => {
      loadedContent = library;
      return library;
    },
    () => undefined,
  );
  const core = {
    client,
    db: settings.db,
    content: loadedContent ?? libraryWhenLoaded(() => loadedContent),
    clock,
    logger: settings.logger,
    options: { contentStaleDays: 30, quizCountEditIntervalMs: 5_000, ...settings.options },
  };
  const guildSettings = createSettingsRepository(settings.db, settings.logger);
  const context: BotContext = {
    ...core,
    settings: guildSettings,
    commands: settings.commands ?? defaultCommands,
    debate: createDebateFeature(settings.db, client, clock, settings.logger, core.content, guildSettings),
    quiz: createQuizFeature(core),
  };
  const router = createRouter(context.commands, context);
  const scheduler = createScheduler(clock, settings.logger);
  registerDebateEvents(client, scheduler, context.debate);
  scheduler.add(context.quiz.task);

  client.on(Events.InteractionCreate, (interaction) => {
    if (loadedContent !== undefined) void router.handle(interaction);
    else
      void contentReady.then((library) => (library === undefined ? undefined : router.handle(interaction)));
  });
  client.on(Events.Error, (error) => settings.logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => settings.logger.warn(message));

  return {
    client,
    context,
    router,
    scheduler,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      const connecting = client.login(settings.token).then(
        () => ready.then(() => ({ kind: 'connected' }) as const),
        (error: unknown) => ({ kind: 'failed', error }) as const,
      );
      const library = await contentReady;
      const connection = await connecting;
      if (connection.kind === 'failed') throw connection.error;
      if (library === undefined) return;
      settings.logger.info(
        { guilds: client.guilds.cache.size, user: client.user?.tag, stories: library.stories.length },
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
