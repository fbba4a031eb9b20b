import cron, { type ScheduledTask as CronTask } from 'node-cron';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

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
          logger.error({ err: error, task: task.name }, 'scheduled task failed');
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
      job ??= cron.schedule('* * * * *', () => void runDue(), { name: 'roundtable-minute-tick' });
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
