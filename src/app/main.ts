import { formatContentReport, loadContent } from '../features/story-packs/core/index.js';
import { createContentCacheRepository } from '../features/story-packs/storage/parse-cache-repository.js';
import { startBackgroundCheckpoints } from '../platform/database/checkpoints.js';
import { type Database, openDatabase } from '../platform/database/database.js';
import { DatabaseStartError } from '../platform/database/open-errors.js';
import { allEnvKeys, readEnvOrExit } from '../platform/env.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { createBot } from './bot.js';

/** Opens DATABASE_PATH; prints one line naming it, the problem and what to do, and exits when it cannot. */
function openDatabaseOrExit(path: string, logger: Logger): Database {
  try {
    return openDatabase(path, {
      onLockChange: (change) => {
        if (change.kind === 'locked')
          logger.warn(
            { code: change.code },
            'the database is locked by another program; writes are refused ("try again in a moment") until it is free',
          );
        else
          logger.info({ lockedMs: change.lockedMs, refused: change.refused }, 'the database is free again');
      },
    });
  } catch (error) {
    if (!(error instanceof DatabaseStartError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export async function main(): Promise<void> {
  const env = readEnvOrExit(allEnvKeys, 'Roundtable cannot start');
  const logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.DISCORD_TOKEN] });
  const db = openDatabaseOrExit(env.DATABASE_PATH, logger);
  const checkpoints = startBackgroundCheckpoints(db, {
    onError: (message) => logger.warn({ message }, 'background WAL checkpoint failed'),
  });
  const loading = loadContent(env.CONTENT_DIR, {
    today: new Date(),
    parseCache: createContentCacheRepository(db),
  });
  let stopping = false;
  const bot = createBot({
    token: env.DISCORD_TOKEN,
    apiUrl: env.DISCORD_API_URL,
    db,
    content: loading.then((loaded) => (loaded.kind === 'ok' ? loaded.library : undefined)),
    logger,
    options: { contentStaleDays: env.CONTENT_STALE_DAYS },
    // Nothing more will come from Discord: stop with a non-zero code so that a supervisor notices.
    onFatalGatewayClose: () => void shutdown('fatal gateway close', 1),
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

  async function shutdown(reason: string, exitCode = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal: reason, exitCode }, 'shutting down');
    try {
      await bot.stop();
      await checkpoints?.stop();
    } finally {
      db.close();
      logger.flush();
      process.exit(exitCode);
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  const started = await starting;
  if (started.kind === 'failed') throw started.error;
}
