import cron, { type ScheduledTask as CronTask } from 'node-cron';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/** Work that is due at some minute: posting a quiz, closing a debate. Must be idempotent. */
export interface ScheduledTask {
  name: string;
  run(now: number): Promise<void>;
}

export interface Scheduler {
  add(task: ScheduledTask): void;
  /** Runs every task once, one after another; a failing task is logged and does not stop the others. */
  runDue(): Promise<void>;
  /** Starts the minute tick (node-cron) against the real clock. */
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(clock: Clock, logger: Logger): Scheduler {
  const tasks: ScheduledTask[] = [];
  let job: CronTask | undefined;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;

  async function runOnce(): Promise<void> {
    for (const task of tasks) {
      if (stopped) return;
      try {
        await task.run(clock.now());
      } catch (error) {
        logger.error({ err: error, task: task.name }, 'scheduled task failed');
      }
    }
  }

  function runDue(): Promise<void> {
    current = current.then(runOnce);
    return current;
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
      await current;
    },
  };
}
