/**
 * The real Roundtable bot in its own process, for crash tests: configured from the environment like
 * `npm start` (DISCORD_TOKEN, DISCORD_API_URL, DATABASE_PATH, CONTENT_DIR, LOG_LEVEL), with the database
 * opened by `openDatabase` (WAL, synchronous NORMAL). Its clock starts at BOT_CLOCK_START (ms) and moves
 * only when the parent sends `{ kind: 'tick', now }` over IPC; each tick runs the scheduled work once,
 * as the minute cron does, and is answered with `{ kind: 'ticked', now }`.
 */
import { createBot } from '../../../src/app/bot.js';
import { loadContent } from '../../../src/features/story-packs/core/index.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { openDatabase } from '../../../src/platform/database/database.js';
import { parseEnv } from '../../../src/platform/env.js';
import { createLogger } from '../../../src/platform/logger.js';

export type ParentMessage = { kind: 'tick'; now: number };
export type ChildMessage = { kind: 'ready' } | { kind: 'ticked'; now: number };

function send(message: ChildMessage): void {
  process.send?.(message);
}

const parsed = parseEnv(process.env);
if (parsed.kind === 'invalid') {
  console.error(parsed.problems.join('\n'));
  process.exit(2);
}
const env = parsed.env;
const clock = new ManualClock(Number(process.env.BOT_CLOCK_START ?? Date.now()));
const logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.DISCORD_TOKEN] });
// The packs are checked against the real day, as at a production start: the bot's clock is simulated and
// may start before the packs' latest dates (their corrections).
const content = await loadContent(env.CONTENT_DIR, { today: new Date() });
if (content.kind === 'invalid') {
  console.error('the story packs are invalid');
  process.exit(2);
}
const db = openDatabase(env.DATABASE_PATH);
const bot = createBot({
  token: env.DISCORD_TOKEN,
  apiUrl: env.DISCORD_API_URL,
  db,
  content: content.library,
  logger,
  clock,
  schedule: 'manual',
  options: { contentStaleDays: env.CONTENT_STALE_DAYS, quizCountEditIntervalMs: 1_000 },
});

let ticks = Promise.resolve();
process.on('message', (message: ParentMessage) => {
  if (message.kind !== 'tick') return;
  ticks = ticks.then(async () => {
    clock.set(message.now);
    await bot.scheduler.runDue();
    send({ kind: 'ticked', now: message.now });
  });
});
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

await bot.start();
send({ kind: 'ready' });
