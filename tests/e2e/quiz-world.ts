import Database from 'better-sqlite3';
import { REST } from 'discord.js';
import { type Bot, createBot } from '../../src/bot.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/commands/deploy.js';
import { commands } from '../../src/commands/index.js';
import { type ContentLibrary, loadContent } from '../../src/content/index.js';
import { migrate } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createLogger } from '../../src/logger.js';
import { questionBankOf } from '../../src/quiz/bank.js';
import { type BankQuestion, chooseQuestion } from '../../src/quiz/questions.js';
import { createQuizStorage } from '../../src/quiz/storage/index.js';
import type {
  ChannelRef,
  GuildRef,
  LoopbackDiscord,
  LoopbackMessage,
  MemberRef,
  RoleRef,
} from '../../src/sandbox/loopback/index.js';
import { startLoopbackDiscord } from '../../src/sandbox/loopback/index.js';

export async function loadStoryPacks(): Promise<ContentLibrary> {
  const loaded = await loadContent('content', { today: '2026-11-25' });
  if (loaded.kind !== 'ok') throw new Error('the story packs in content/ are invalid');
  return loaded.library;
}

export interface QuizServer {
  guild: GuildRef;
  channel: ChannelRef;
  role: RoleRef;
  admin: MemberRef;
  alice: MemberRef;
  bob: MemberRef;
  carol: MemberRef;
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * The loopback Discord with seeded servers and the real bot on an in-memory database, a manual clock
 * starting at 2026-11-25 07:00 UTC, and captured logs. `restart` stops the bot and starts a new one on
 * the same database, as after a crash.
 */
export async function startQuizWorld(options: { servers?: number } = {}) {
  const content = await loadStoryPacks();
  const discord: LoopbackDiscord = await startLoopbackDiscord();
  const servers: QuizServer[] = [];
  for (let index = 0; index < (options.servers ?? 1); index += 1) {
    const guild = discord.seedGuild({ name: `Politics ${index + 1}` });
    servers.push({
      guild,
      channel: discord.addChannel(guild, { name: 'quiz' }),
      role: discord.addRole(guild, { name: 'Quiz', mentionable: true }),
      admin: discord.addMember(guild, { username: `admin${index + 1}`, permissions: ['ManageGuild'] }),
      alice: discord.addMember(guild, { username: `alice${index + 1}` }),
      bob: discord.addMember(guild, { username: `bob${index + 1}` }),
      carol: discord.addMember(guild, { username: `carol${index + 1}` }),
    });
  }
  const db = new Database(':memory:');
  migrate(db, migrations);
  const clock = new ManualClock(Date.parse('2026-11-25T07:00:00Z'));
  const logs: LogLine[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  const launch = async () => {
    const started = createBot({
      token: discord.token,
      apiUrl: discord.apiUrl,
      db,
      content,
      logger,
      clock,
      schedule: 'manual',
      options: { quizCountEditIntervalMs: 60_000 },
    });
    await started.start();
    return started;
  };
  let bot: Bot | null = await launch();
  await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands);
  await discord.waitForCommands();
  const storage = createQuizStorage(db);
  const server = servers[0] as QuizServer;

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
    storage,
    servers,
    server,
    get bot() {
      return running();
    },
    /** Moves the clock to `at` (ISO text or ms) and runs the scheduled tasks once. */
    async tick(at: string | number) {
      clock.set(typeof at === 'string' ? Date.parse(at) : at);
      await running().scheduler.runDue();
    },
    /** The question the schedule will ask the server on `localDate`, given what it asked before. */
    expectedQuestion(target: QuizServer, localDate: string): BankQuestion {
      const choice = chooseQuestion({
        bank: questionBankOf(content),
        history: storage.rounds.history(target.guild.id),
        guildId: target.guild.id,
        localDate,
      });
      if (choice.kind === 'empty') throw new Error('no question left');
      return choice.question;
    },
    setUp(target: QuizServer, values: Record<string, string | number> = {}) {
      return discord.slash(
        'quiz setup',
        { channel: target.channel.id, time: '09:00', timezone: 'Europe/London', ...values },
        { as: target.admin, channel: target.channel },
      );
    },
    /** Messages the bot posted in the server's quiz channel, oldest first. */
    posts(target: QuizServer): LoopbackMessage[] {
      return discord.messagesIn(target.channel).filter((message) => message.author.bot && !message.ephemeral);
    },
    async stopBot() {
      await running().stop();
      bot = null;
    },
    async startBot() {
      bot = await launch();
    },
    async restart() {
      await running().stop();
      bot = await launch();
    },
    async stop() {
      if (bot) await bot.stop();
      await discord.close();
      db.close();
    },
  };
}

export type QuizWorld = Awaited<ReturnType<typeof startQuizWorld>>;
