import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { createScheduler } from '../../src/platform/scheduler.js';

function quietLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

test('GIVEN a slow task THEN the other tasks of the same tick run without waiting for it', async () => {
  const { logger } = quietLogger();
  const scheduler = createScheduler(new ManualClock(0), logger);
  const slow = deferred();
  const ran: string[] = [];
  scheduler.add({ name: 'slow', run: () => slow.promise.then(() => void ran.push('slow')) });
  scheduler.add({ name: 'fast', run: async () => void ran.push('fast') });
  const tick = scheduler.runDue();
  await new Promise((resolve) => setImmediate(resolve));
  expect(ran).toEqual(['fast']);
  slow.resolve();
  await tick;
  expect(ran).toEqual(['fast', 'slow']);
});

test('GIVEN a failing task THEN it is logged and the others still run', async () => {
  const { logger, lines } = quietLogger();
  const scheduler = createScheduler(new ManualClock(0), logger);
  let ran = false;
  scheduler.add({ name: 'broken', run: async () => Promise.reject(new Error('boom')) });
  scheduler.add({
    name: 'fine',
    run: async () => {
      ran = true;
    },
  });
  await scheduler.runDue();
  expect(ran).toBe(true);
  expect(lines.join('')).toContain('scheduled task failed');
});

test('GIVEN ticks arriving while a run is still going THEN they coalesce into one more run', async () => {
  const { logger } = quietLogger();
  const clock = new ManualClock(0);
  const scheduler = createScheduler(clock, logger);
  const gate = deferred();
  const seen: number[] = [];
  scheduler.add({
    name: 'record',
    run: async (now) => {
      seen.push(now);
      if (seen.length === 1) await gate.promise;
    },
  });
  const first = scheduler.runDue();
  clock.advance(60_000);
  const second = scheduler.runDue();
  const third = scheduler.runDue();
  expect(third).toBe(second);
  gate.resolve();
  await Promise.all([first, second, third]);
  expect(seen).toEqual([0, 60_000]);
});

test('GIVEN a stop during a run THEN stop waits for it and no further run starts', async () => {
  const { logger } = quietLogger();
  const scheduler = createScheduler(new ManualClock(0), logger);
  const gate = deferred();
  let runs = 0;
  scheduler.add({
    name: 'count',
    run: async () => {
      runs += 1;
      await gate.promise;
    },
  });
  void scheduler.runDue();
  void scheduler.runDue();
  const stopping = scheduler.stop();
  gate.resolve();
  await stopping;
  expect(runs).toBe(1);
});
