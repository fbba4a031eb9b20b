import {
  type LoopbackDiscord,
  type LoopbackOptions,
  startLoopbackDiscord,
} from '@roundtable/loopback-discord';
import Database from 'better-sqlite3';
import { REST } from 'discord.js';
import { type Bot, type CreateBotOptions, createBot } from '../../src/app/bot.js';
import { commands } from '../../src/app/commands.js';
import { type ContentLibrary, loadContent } from '../../src/features/story-packs/core/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { migrate } from '../../src/platform/database/migrate.js';
import { migrations } from '../../src/platform/database/migrations/index.js';
import { deployCommands } from '../../src/platform/discord/deploy.js';
import { createLogger } from '../../src/platform/logger.js';
import type { Command } from '../../src/platform/router/command.js';

/** A structured log line the bot wrote. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

let packs: Promise<ContentLibrary> | undefined;

/** The real story packs in content/, loaded once per test file. */
export function loadStoryPacks(): Promise<ContentLibrary> {
  packs ??= loadContent('content', { today: '2026-12-07' }).then((loaded) => {
    if (loaded.kind !== 'ok')
      throw new Error('the story packs in content/ are invalid; run npm run content:check');
    return loaded.library;
  });
  return packs;
}

export interface WorldOptions<Seeded> {
  /** Seeds servers, channels and members on the loopback Discord before the bot connects. */
  seed(discord: LoopbackDiscord): Seeded;
  /** Where the bot's clock starts (ISO text or ms). Default 2026-11-26T12:00:00Z. */
  start?: string | number;
  content?: ContentLibrary;
  /** A database file to use instead of a fresh in-memory one. */
  databasePath?: string;
  /** An open connection to use (closed by `stop`), e.g. from `openDatabase` as in production. */
  database?: Database.Database;
  botOptions?: CreateBotOptions['options'];
  /** A command list other than the bot's own, for framework tests. */
  commands?: readonly Command[];
  /** Register commands to this guild instead of globally. */
  commandGuildId?: (seeded: Seeded) => string;
  /** Options for the loopback Discord (timeouts, rate limits, how many requests it records). */
  loopback?: LoopbackOptions;
}

/**
 * The loopback Discord server with the real Roundtable bot connected to it through the real discord.js
 * client: a migrated database, a manual clock, captured logs. `restart` stops the bot and starts a new
 * one on the same database, as after a crash or a deploy.
 */
export async function startWorld<Seeded>(options: WorldOptions<Seeded>) {
  const content = options.content ?? (await loadStoryPacks());
  const discord = await startLoopbackDiscord(options.loopback);
  const seeded = options.seed(discord);
  const db = options.database ?? new Database(options.databasePath ?? ':memory:');
  migrate(db, migrations);
  const start = options.start ?? '2026-11-26T12:00:00Z';
  const clock = new ManualClock(typeof start === 'string' ? Date.parse(start) : start);
  const logs: LogLine[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: [discord.token],
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  const launch = async (library: ContentLibrary = content): Promise<Bot> => {
    const started = createBot({
      token: discord.token,
      apiUrl: discord.apiUrl,
      db,
      content: library,
      logger,
      clock,
      schedule: 'manual',
      ...(options.botOptions ? { options: options.botOptions } : {}),
      ...(options.commands ? { commands: options.commands } : {}),
    });
    await started.start();
    return started;
  };
  let bot: Bot | null = await launch();
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  await deployCommands(rest, options.commands ?? commands, options.commandGuildId?.(seeded));
  await discord.waitForCommands();

  function running(): Bot {
    if (!bot) throw new Error('the bot is stopped');
    return bot;
  }

  return {
    discord,
    content,
    db,
    clock,
    logs,
    ...seeded,
    get bot(): Bot {
      return running();
    },
    /** Log lines at warn level or above. */
    problems(): LogLine[] {
      return logs.filter((line) => line.level >= 40);
    },
    /** Moves the clock to `at` (ISO text or ms) and runs the scheduled work once. */
    async tick(at: string | number) {
      clock.set(typeof at === 'string' ? Date.parse(at) : at);
      await running().scheduler.runDue();
    },
    /** Moves the clock forward minute by minute, running the scheduled work at each minute. */
    async advance(milliseconds: number) {
      const end = clock.now() + milliseconds;
      while (clock.now() < end) {
        clock.set(Math.min(end, clock.now() + 60_000));
        await running().scheduler.runDue();
      }
    },
    async stopBot() {
      await running().stop();
      bot = null;
    },
    async startBot() {
      if (bot) throw new Error('the bot is already running');
      bot = await launch();
    },
    /** Stops the bot and starts a new one on the same database and clock, with other story packs if given. */
    async restart(library?: ContentLibrary) {
      await running().stop();
      bot = await launch(library);
    },
    async stop() {
      if (bot) await bot.stop();
      bot = null;
      await discord.close();
      db.close();
    },
  };
}

export type World<Seeded> = Awaited<ReturnType<typeof startWorld<Seeded>>>;

/** One server with #politics, three members, a moderator (Manage Threads) and an admin. */
export function seedPolitics(discord: LoopbackDiscord) {
  const guild = discord.seedGuild({ name: 'Politics' });
  return {
    guild,
    channel: discord.addChannel(guild, { name: 'politics' }),
    alice: discord.addMember(guild, { username: 'alice' }),
    bob: discord.addMember(guild, { username: 'bob' }),
    carol: discord.addMember(guild, { username: 'carol' }),
    mod: discord.addMember(guild, { username: 'mod', permissions: ['ManageThreads', 'ManageMessages'] }),
    admin: discord.addMember(guild, { username: 'admin', admin: true }),
  };
}
