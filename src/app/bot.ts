import type { Database } from 'better-sqlite3';
import { type Client, Events, RESTEvents } from 'discord.js';
import { createFormDrafts } from '../features/debate/discord/form-drafts.js';
import { createDebateFeature, registerDebateEvents } from '../features/debate/discord/wiring.js';
import { createErrorReportRepository } from '../features/error-reports/storage/repository.js';
import { createLoggedQuizStorage, createQuizFeature } from '../features/quiz/discord/feature.js';
import type { QuizStorage } from '../features/quiz/storage/index.js';
import { createSettingsRepository } from '../features/settings/storage/repository.js';
import type { ContentLibrary } from '../features/story-packs/core/index.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { createClient } from '../platform/discord/client.js';
import { createDiscordTime } from '../platform/discord/discord-time.js';
import {
  createGatewayWatch,
  defaultReconnectPolicy,
  type FatalGatewayClose,
} from '../platform/discord/gateway-watch.js';
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
  commands?: readonly Command<BotContext>[];
  /** The quiz repositories, for a caller that watches them (the bench times answer inserts); else over `db`. */
  quizStorage?: QuizStorage;
  /** `cron` ticks scheduled work every minute of real time; `manual` leaves ticking to the caller. */
  schedule?: 'cron' | 'manual';
  /**
   * Discord closed the gateway session for good (token reset, intents withdrawn): nothing more will
   * arrive. The cause is logged first; the process should stop with a non-zero exit code.
   */
  onFatalGatewayClose?: (close: FatalGatewayClose) => void;
}

export interface Bot {
  client: Client;
  /** The features and their context; only there once the story packs have loaded (it throws before). */
  readonly context: BotContext;
  scheduler: Scheduler;
  /**
   * Logs in, waits for READY and the story packs, catches up on work missed while offline, then starts the
   * minute tick. Does none of this past logging in when the packs will not load.
   */
  start(): Promise<void>;
  /** Stops scheduling, lets running handlers finish (bounded), then disconnects. The database stays open. */
  stop(): Promise<void>;
}

interface Running {
  context: BotContext;
  router: InteractionRouter;
}

export function createBot(settings: CreateBotOptions): Bot {
  const clock = settings.clock ?? systemClock;
  const { db, logger } = settings;
  const options: BotOptions = {
    contentStaleDays: 30,
    quizCountEditIntervalMs: 5_000,
    gatewayReconnect: defaultReconnectPolicy,
    ...settings.options,
  };
  const gateway = createGatewayWatch({
    logger,
    policy: options.gatewayReconnect,
    ...(settings.onFatalGatewayClose ? { onFatal: settings.onFatalGatewayClose } : {}),
  });
  const client = createClient(settings.apiUrl, { buildStrategy: gateway.buildStrategy });
  gateway.attach(client);
  const scheduler = createScheduler(clock, logger);
  // Discord's clock, from the Date of its REST answers and the time of what it creates, to tell how old an
  // interaction is whatever the host clock says.
  const discordTime = createDiscordTime({
    onHostClockOff: ({ offsetMs }) =>
      logger.warn(
        { offsetMs },
        `the host clock is about ${(Math.abs(offsetMs) / 1000).toFixed(1)} s ${offsetMs > 0 ? 'ahead of' : 'behind'} Discord's; scheduled posts follow the host clock, so set it right (NTP)`,
      ),
  });
  client.rest.on(RESTEvents.Response, (_request, response) =>
    discordTime.observeDateHeader(response.headers.get('date')),
  );
  client.on(Events.MessageCreate, (message) => discordTime.observeCreated(message.createdTimestamp));

  /** Builds every feature over the loaded packs: the one place the context is put together. */
  function assemble(content: ContentLibrary): Running {
    const guildSettings = createSettingsRepository(db, logger);
    const platform = { client, clock, logger };
    const context: BotContext = {
      ...platform,
      content,
      contentStaleDays: options.contentStaleDays,
      settings: guildSettings,
      errorReports: createErrorReportRepository(db),
      commands: settings.commands ?? defaultCommands,
      debate: createDebateFeature(db, client, clock, logger, content, guildSettings),
      formDrafts: createFormDrafts(clock),
      quiz: createQuizFeature({
        ...platform,
        storage: settings.quizStorage ?? createLoggedQuizStorage(db, logger),
        content,
        countEditIntervalMs: options.quizCountEditIntervalMs,
      }),
    };
    registerDebateEvents(client, scheduler, context.debate);
    scheduler.add(context.quiz.task);
    const router = createRouter(context.commands, context, {
      // The interaction's own time is observed after its age is taken, so it never vouches for itself.
      interactionAge: (createdAt) => {
        const age = discordTime.ageOf(createdAt);
        discordTime.observeCreated(createdAt);
        return age;
      },
    });
    return { context, router };
  }

  let running = settings.content instanceof Promise ? undefined : assemble(settings.content);
  const ready: Promise<Running | undefined> =
    settings.content instanceof Promise
      ? settings.content.then(
          (library) => {
            if (library !== undefined) running = assemble(library);
            return running;
          },
          () => undefined,
        )
      : Promise.resolve(running);

  client.on(Events.InteractionCreate, (interaction) => {
    if (running !== undefined) void running.router.handle(interaction);
    else void ready.then((loaded) => loaded?.router.handle(interaction));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  return {
    client,
    scheduler,
    get context() {
      if (running === undefined) throw new Error('the story packs are not loaded yet');
      return running.context;
    },
    async start() {
      const connected = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      const connecting = client.login(settings.token).then(
        () => connected.then(() => ({ kind: 'connected' }) as const),
        (error: unknown) => ({ kind: 'failed', error }) as const,
      );
      const loaded = await ready;
      const connection = await connecting;
      if (connection.kind === 'failed') throw connection.error;
      if (loaded === undefined) return;
      logger.info(
        {
          guilds: client.guilds.cache.size,
          user: client.user?.tag,
          stories: loaded.context.content.stories.length,
        },
        'connected to Discord',
      );
      await scheduler.runDue();
      if ((settings.schedule ?? 'cron') === 'cron') scheduler.start();
    },
    async stop() {
      await scheduler.stop();
      const loaded = running;
      if (loaded !== undefined) {
        loaded.context.quiz.stop();
        await loaded.router.drain(10_000);
      }
      gateway.stop();
      await client.destroy();
    },
  };
}
