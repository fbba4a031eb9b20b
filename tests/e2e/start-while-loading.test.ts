import { type LoopbackDiscord, startLoopbackDiscord } from '@roundtable/loopback-discord';
import Database from 'better-sqlite3';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type Bot, createBot } from '../../src/app/bot.js';
import { commands } from '../../src/app/commands.js';
import type { ContentLibrary } from '../../src/features/story-packs/core/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { migrate } from '../../src/platform/database/migrate.js';
import { migrations } from '../../src/platform/database/migrations/index.js';
import { deployCommands } from '../../src/platform/discord/deploy.js';
import { createLogger } from '../../src/platform/logger.js';
import { type LogLine, loadStoryPacks, seedPolitics } from '../support/harness.js';

let discord: LoopbackDiscord;
let db: Database.Database;
let bot: Bot | undefined;
let logs: LogLine[];

beforeEach(async () => {
  discord = await startLoopbackDiscord({ timeouts: { acknowledgeMs: 1_500 } });
  db = new Database(':memory:');
  migrate(db, migrations);
  logs = [];
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await discord.close();
  db.close();
});

/** A bot whose story packs load only when the test says so, with a scheduled task that records its runs. */
function startBotWithPendingContent() {
  let settle: (library: ContentLibrary | undefined) => void = () => undefined;
  const content = new Promise<ContentLibrary | undefined>((resolve) => {
    settle = resolve;
  });
  const started = createBot({
    token: discord.token,
    apiUrl: discord.apiUrl,
    db,
    content,
    logger: createLogger({
      level: 'info',
      secrets: [discord.token],
      destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
    }),
    clock: new ManualClock(Date.parse('2026-11-26T12:00:00Z')),
    schedule: 'manual',
  });
  bot = started;
  const scheduledRuns: number[] = [];
  started.scheduler.add({ name: 'probe', run: async (now) => void scheduledRuns.push(now) });
  let startFinished = false;
  const starting = started.start().then(() => {
    startFinished = true;
  });
  return { bot: started, settle, starting, scheduledRuns, startFinished: () => startFinished };
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('start-up while the story packs load', () => {
  test('GIVEN a slash command that arrives after READY but before the packs have loaded THEN it waits for them and is answered, and scheduled work runs only after they load', async () => {
    const { channel, alice } = seedPolitics(discord);
    const library = await loadStoryPacks();
    const pending = startBotWithPendingContent();
    await waitUntil(() => pending.bot.client.isReady());
    await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands);

    const reply = discord.slash('summary', { story: 'us-japan-alliance' }, { as: alice, channel });
    await expect(
      discord.waitForRequest('POST /interactions/:id/:token/callback', undefined, 300),
    ).rejects.toThrow();
    expect(pending.scheduledRuns).toEqual([]);
    expect(pending.startFinished()).toBe(false);
    expect(logs.some((line) => line.msg === 'connected to Discord')).toBe(false);

    pending.settle(library);
    const answered = await reply;
    expect(answered.embeds[0]?.title).toBe(library.getStory('us-japan-alliance')?.title);
    await pending.starting;
    expect(pending.scheduledRuns).toHaveLength(1);
    expect(logs.find((line) => line.msg === 'connected to Discord')).toMatchObject({
      guilds: 1,
      stories: library.stories.length,
    });
  });

  test('GIVEN story packs that will not load THEN start-up ends without scheduled work and interactions are never handled', async () => {
    const { channel, alice } = seedPolitics(discord);
    const pending = startBotWithPendingContent();
    await waitUntil(() => pending.bot.client.isReady());
    await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands);

    pending.settle(undefined);
    await pending.starting;
    await expect(
      discord.slash('summary', { story: 'us-japan-alliance' }, { as: alice, channel }),
    ).rejects.toThrow();
    expect(discord.requestsTo('POST /interactions/:id/:token/callback')).toEqual([]);
    expect(pending.scheduledRuns).toEqual([]);
    expect(logs.some((line) => line.msg === 'connected to Discord')).toBe(false);
  });
});
