import { formatContentReport, loadContent } from '../features/story-packs/core/index.js';
import { createContentCacheRepository } from '../features/story-packs/storage/parse-cache-repository.js';
import { startBackgroundCheckpoints } from '../platform/database/checkpoints.js';
import { openDatabase } from '../platform/database/database.js';
import { allEnvKeys, readEnvOrExit } from '../platform/env.js';
import { createLogger } from '../platform/logger.js';
import { createBot } from './bot.js';

export async function main(): Promise<void> {
  const env = readEnvOrExit(allEnvKeys, 'Roundtable cannot start');
  const logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.DISCORD_TOKEN] });
  const db = openDatabase(env.DATABASE_PATH);
  const checkpoints = startBackgroundCheckpoints(db, {
    onError: (message) => logger.warn({ message }, 'background WAL checkpoint failed'),
  });
  const loading = loadContent(env.CONTENT_DIR, {
    today: new Date(),
    parseCache: createContentCacheRepository(db),
  });
  const bot = createBot({
    token: env.DISCORD_TOKEN,
    apiUrl: env.DISCORD_API_URL,
    db,
    content: loading.then((loaded) => (loaded.kind === 'ok' ? loaded.library : undefined)),
    logger,
    options: { contentStaleDays: env.CONTENT_STALE_DAYS },
  });
  const starting = bot.start().then(
    () => ({ kind: 'started' }) as const,
    (error: unknown) => ({ kind: 'failed', error }) as const,
  );
  const content = await loading;
  if (content.kind === 'invalid') {
    console.error(formatContentReport(content));
    console.error(
      'Roundtable refuses to start with invalid story packs. Fix them and run `npm run content:check`.',
    );
    await bot.stop();
    await checkpoints?.stop();
    db.close();
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await bot.stop();
      await checkpoints?.stop();
    } finally {
      db.close();
      logger.flush();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  const started = await starting;
  if (started.kind === 'failed') throw started.error;
}
