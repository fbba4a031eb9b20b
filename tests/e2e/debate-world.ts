import Database from 'better-sqlite3';
import { REST } from 'discord.js';
import { type Bot, createBot } from '../../src/bot.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/commands/deploy.js';
import { commands } from '../../src/commands/index.js';
import { type ContentLibrary, loadContent } from '../../src/content/index.js';
import { migrate } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createDebateRepository, type DebateRecord } from '../../src/debate/repository.js';
import { createLogger } from '../../src/logger.js';
import type {
  ChannelRef,
  GuildRef,
  LoopbackDiscord,
  LoopbackMessage,
  MemberRef,
  PermissionName,
} from '../../src/sandbox/loopback/index.js';
import { startLoopbackDiscord } from '../../src/sandbox/loopback/index.js';

export async function loadStoryPacks(): Promise<ContentLibrary> {
  const loaded = await loadContent('content', { today: '2026-11-25' });
  if (loaded.kind !== 'ok') throw new Error('the story packs in content/ are invalid');
  return loaded.library;
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface DebateServer {
  guild: GuildRef;
  channel: ChannelRef;
  modLog: ChannelRef;
  mod: MemberRef;
  admin: MemberRef;
  alice: MemberRef;
  bob: MemberRef;
  carol: MemberRef;
}

/** Seeds a server with a debate channel, a mod-log channel, a moderator, an admin and three members. */
export function seedDebateServer(
  discord: LoopbackDiscord,
  name: string,
  botPermissions?: PermissionName[],
): DebateServer {
  const guild = discord.seedGuild({ name, ...(botPermissions ? { botPermissions } : {}) });
  return {
    guild,
    channel: discord.addChannel(guild, { name: 'politics' }),
    modLog: discord.addChannel(guild, { name: 'mod-log' }),
    mod: discord.addMember(guild, { username: 'mo', permissions: ['ManageThreads'] }),
    admin: discord.addMember(guild, { username: 'ada', permissions: ['ManageGuild'] }),
    alice: discord.addMember(guild, { username: 'alice' }),
    bob: discord.addMember(guild, { username: 'bob' }),
    carol: discord.addMember(guild, { username: 'carol' }),
  };
}

/**
 * The loopback Discord with the real bot on an in-memory database. The bot's manual clock starts at
 * the server's clock and `advance` moves both, so slowmode, timeouts and closing times agree.
 * `restart` stops the bot and starts a new one on the same database, as after a crash.
 */
export async function startDebateWorld() {
  const content = await loadStoryPacks();
  const discord: LoopbackDiscord = await startLoopbackDiscord();
  const server = seedDebateServer(discord, 'Politics');
  const db = new Database(':memory:');
  migrate(db, migrations);
  const clock = new ManualClock(discord.clock.now());
  const logs: LogLine[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  const debates = createDebateRepository(db);
  const launch = async () => {
    const started = createBot({
      token: discord.token,
      apiUrl: discord.apiUrl,
      db,
      content,
      logger,
      clock,
      schedule: 'manual',
    });
    await started.start();
    return started;
  };
  let bot: Bot | null = await launch();
  await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands);
  await discord.waitForCommands();

  function running(): Bot {
    if (!bot) throw new Error('the bot is stopped');
    return bot;
  }

  function advance(milliseconds: number): void {
    clock.advance(milliseconds);
    discord.clock.advance(milliseconds);
  }

  return {
    discord,
    content,
    db,
    clock,
    logs,
    server,
    /** The debate tables, readable while the bot is stopped. */
    debates,
    get bot() {
      return running();
    },
    advance,
    /** Moves both clocks past the per-member command cooldown. */
    waitOutCooldown() {
      advance(6_000);
    },
    /** Moves both clocks and runs the scheduled tasks once, as the minute tick does. */
    async tick(milliseconds: number) {
      advance(milliseconds);
      await running().scheduler.runDue();
    },
    debateIn(thread: ChannelRef | string): DebateRecord {
      const debate = debates.findByThread(typeof thread === 'string' ? thread : thread.id);
      if (!debate) throw new Error('no debate in that thread');
      return debate;
    },
    /** The newest thread of a channel. */
    newestThread(channel: ChannelRef): ChannelRef {
      const thread = discord.threadsIn(channel).at(-1);
      if (!thread) throw new Error('no thread');
      return thread;
    },
    /** Messages the bot posted publicly in a channel or thread, oldest first. */
    botPosts(channel: ChannelRef | string): LoopbackMessage[] {
      return discord.messagesIn(channel).filter((message) => message.author.bot && !message.ephemeral);
    },
    async stopBot() {
      await running().stop();
      bot = null;
    },
    async startBot() {
      bot = await launch();
    },
    async stop() {
      if (bot) await bot.stop();
      await discord.close();
      db.close();
    },
  };
}

export type DebateWorld = Awaited<ReturnType<typeof startDebateWorld>>;

/** Waits (up to two seconds) for the bot to have processed gateway events, such as new messages. */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
