import cron, { type ScheduledTask as CronTask } from 'node-cron';
import type { Clock } from './clock.js';
import { isDatabaseBusy } from './database/locks.js';
import type { Logger } from './logger.js';

/** node-cron's own messages, which it would otherwise print in colour on the console, as JSON lines. */
function cronLogger(logger: Logger) {
  const fields = { source: 'node-cron' };
  const failed = (message: string | Error, error?: Error) =>
    message instanceof Error
      ? { ...fields, err: message, text: message.message }
      : { ...fields, ...(error ? { err: error } : {}), text: message };
  return {
    info: (message: string) => logger.info(fields, message),
    warn: (message: string) => logger.warn(fields, message),
    error: (message: string | Error, error?: Error) => {
      const entry = failed(message, error);
      logger.error(entry, entry.text);
    },
    debug: (message: string | Error, error?: Error) => {
      const entry = failed(message, error);
      logger.debug(entry, entry.text);
    },
  };
}

/**
 * How late a minute's beat may fire and still count as that minute (node-cron's default is one second,
 * after which it skips the minute with a warning). The work is idempotent and catches up on whatever is
 * due, so a beat delayed by a stalled event loop runs late rather than not at all.
 */
const lateBeatToleranceMs = 55_000;

/** Work that is due at some minute: posting a quiz, closing a debate. Must be idempotent. */
export interface ScheduledTask {
  name: string;
  run(now: number): Promise<void>;
}

export interface Scheduler {
  add(task: ScheduledTask): void;
  /** Runs every task once, side by side; a failing or slow task does not stop or delay the others. */
  runDue(): Promise<void>;
  /** Starts the minute tick (node-cron) against the real clock. */
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(clock: Clock, logger: Logger): Scheduler {
  const tasks: ScheduledTask[] = [];
  let job: CronTask | undefined;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let stopped = false;

  async function runOnce(): Promise<void> {
    if (stopped) return;
    const now = clock.now();
    await Promise.all(
      tasks.map(async (task) => {
        try {
          await task.run(now);
        } catch (error) {
          if (isDatabaseBusy(error))
            logger.warn(
              { task: task.name, code: (error as { code?: string }).code },
              'scheduled task found the database locked by another program; it runs again at the next tick',
            );
          else logger.error({ err: error, task: task.name }, 'scheduled task failed');
        }
      }),
    );
  }

  /** Starts a run, or, while one is going, queues at most one more: slow runs never pile up ticks. */
  function runDue(): Promise<void> {
    if (!running) {
      running = runOnce().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return runDue();
    });
    return queued;
  }

  return {
    add(task) {
      tasks.push(task);
    },
    runDue,
    start() {
      stopped = false;
      if (job) return;
      job = cron.schedule('* * * * *', () => void runDue(), {
        name: 'roundtable-minute-tick',
        logger: cronLogger(logger),
        missedExecutionTolerance: lateBeatToleranceMs,
      });
      // A minute skipped anyway (the event loop was stalled for longer still): run now rather than wait for
      // the next minute. Listening also keeps node-cron from printing its own warning.
      job.on('execution:missed', (context) => {
        logger.warn(
          { minute: context.date.toISOString() },
          'minute tick missed; running the scheduled work now',
        );
        void runDue();
      });
    },
    async stop() {
      stopped = true;
      await job?.destroy();
      job = undefined;
      await queued;
      await running;
    },
  };
}
