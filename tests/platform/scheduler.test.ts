import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test, vi } from 'vitest';
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

test('GIVEN a task that finds the database locked by another program THEN it is a warning, not an error, and the next tick runs it again', async () => {
  const { logger, lines } = quietLogger();
  const scheduler = createScheduler(new ManualClock(0), logger);
  let attempts = 0;
  scheduler.add({
    name: 'post',
    run: async () => {
      attempts += 1;
      if (attempts === 1) throw new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    },
  });
  await scheduler.runDue();
  const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string; task?: string });
  expect(entries).toEqual([
    expect.objectContaining({
      level: 40,
      task: 'post',
      msg: expect.stringContaining('runs again at the next tick'),
    }),
  ]);
  await scheduler.runDue();
  expect(attempts).toBe(2);
  expect(lines).toHaveLength(1);
});

describe('the minute tick (node-cron) when the event loop stalls', () => {
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** A scheduler started on fake timers at 08:59:30 UTC, counting runs, with the console watched. */
  function startAt(time: string) {
    vi.useFakeTimers({ now: Date.parse(time), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const printed: string[] = [];
    for (const method of consoleMethods)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    const { logger, lines } = quietLogger();
    const scheduler = createScheduler({ now: () => Date.now() }, logger);
    const runs: string[] = [];
    scheduler.add({ name: 'record', run: async (now) => void runs.push(new Date(now).toISOString()) });
    scheduler.start();
    return { scheduler, runs, lines, printed };
  }

  test('GIVEN the beat for 09:00 fires 40 s late (node-cron would skip the minute after 1 s) THEN the work runs then, with nothing on the console', async () => {
    const { scheduler, runs, lines, printed } = startAt('2026-11-26T08:59:30Z');
    vi.setSystemTime(Date.parse('2026-11-26T09:00:10Z'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(runs).toEqual(['2026-11-26T09:00:40.000Z']);
    expect(printed).toEqual([]);
    expect(lines).toEqual([]);
    await scheduler.stop();
  });

  test('GIVEN the event loop stalled past a whole minute THEN the missed minute runs at once, is logged as JSON, and node-cron prints nothing', async () => {
    const { scheduler, runs, lines, printed } = startAt('2026-11-26T08:59:30Z');
    vi.setSystemTime(Date.parse('2026-11-26T09:01:15Z'));
    await vi.advanceTimersByTimeAsync(30_000);
    // 09:00 was missed (105 s late) and 09:01 is 45 s late: both catch up in one run, then one more queued.
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]).toBe('2026-11-26T09:01:45.000Z');
    expect(printed).toEqual([]);
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string; minute?: string });
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 40,
        minute: '2026-11-26T09:00:00.000Z',
        msg: expect.stringContaining('missed'),
      }),
    );
    // Then back on the minute.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(runs.at(-1)).toBe('2026-11-26T09:02:00.000Z');
    expect(printed).toEqual([]);
    await scheduler.stop();
  });
});
