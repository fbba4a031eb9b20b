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
import { type LoopbackDiscord, startLoopbackDiscord } from '../../src/sandbox/loopback/index.js';

export async function loadStoryPacks(): Promise<ContentLibrary> {
  const loaded = await loadContent('content', { today: '2026-11-25' });
  if (loaded.kind !== 'ok') throw new Error('the story packs in content/ are invalid');
  return loaded.library;
}

export async function startReadingWorld(content: ContentLibrary) {
  const discord: LoopbackDiscord = await startLoopbackDiscord();
  const guild = discord.seedGuild({ name: 'Politics' });
  const channel = discord.addChannel(guild, { name: 'politics' });
  const members = {
    alice: discord.addMember(guild, { username: 'alice' }),
    bob: discord.addMember(guild, { username: 'bob' }),
    mod: discord.addMember(guild, { username: 'mod', permissions: ['ManageThreads'] }),
    admin: discord.addMember(guild, { username: 'admin', admin: true }),
  };
  const db = new Database(':memory:');
  migrate(db, migrations);
  const clock = new ManualClock(Date.UTC(2026, 10, 26, 12));
  const logger = createLogger({ level: 'silent' });
  const launch = async (library: ContentLibrary) => {
    const started = createBot({
      token: discord.token,
      apiUrl: discord.apiUrl,
      db,
      content: library,
      logger,
      clock,
      schedule: 'manual',
    });
    await started.start();
    return started;
  };
  let bot: Bot = await launch(content);
  await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands, guild.id);
  return {
    discord,
    guild,
    channel,
    members,
    clock,
    db,
    get bot() {
      return bot;
    },
    async restart(library: ContentLibrary = content) {
      await bot.stop();
      bot = await launch(library);
    },
    async stop() {
      await bot.stop();
      await discord.close();
      db.close();
    },
  };
}
