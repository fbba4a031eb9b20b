import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBroadcast } from '../../bench/benchmarks/broadcast.js';
import { runBurst } from '../../bench/benchmarks/burst.js';
import { runMemory } from '../../bench/benchmarks/memory.js';
import { runStartup } from '../../bench/benchmarks/startup.js';
import { runStorage } from '../../bench/benchmarks/storage.js';
import type { BenchContext } from '../../bench/lib/context.js';
import type { BenchmarkReport } from '../../bench/lib/report.js';

// Keeps the benchmark scripts from rotting: tiny sizes, no timing asserted (benchmarks are not tests).
const workDir = mkdtempSync(path.join(tmpdir(), 'roundtable-bench-smoke-'));
const context: BenchContext = { smoke: true, runner: 'tsx', cpuProfile: false, workDir, log: () => {} };

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function expectWellFormed(report: BenchmarkReport, name: string): void {
  expect(report.name).toBe(name);
  expect(report.figures.length).toBeGreaterThan(0);
  for (const entry of report.figures) {
    expect(Number.isFinite(entry.value), `${entry.name} is a number`).toBe(true);
    if (entry.baseline) expect(Number.isFinite(entry.baseline.value), `${entry.name} baseline`).toBe(true);
  }
}

function goal(report: BenchmarkReport, description: string) {
  const found = report.goals.find((entry) => entry.description.startsWith(description));
  if (!found) throw new Error(`no goal "${description}" in ${report.name}`);
  return found;
}

describe('benchmark smoke mode', () => {
  it('GIVEN a small answer burst THEN every click is answered and every answer stored once', {
    timeout: 90_000,
  }, async () => {
    const report = await runBurst(context);
    expectWellFormed(report, 'burst');
    expect(
      goal(report, 'every answer stored once').met,
      goal(report, 'every answer stored once').detail,
    ).toBe(true);
  });

  it('GIVEN a small broadcast under enforced rate limits THEN each server gets its question once', {
    timeout: 60_000,
  }, async () => {
    const report = await runBroadcast(context);
    expectWellFormed(report, 'broadcast');
    expect(goal(report, 'none posted twice').met, goal(report, 'none posted twice').detail).toBe(true);
    expect(goal(report, 'no request answered 429 more than once').met).toBe(true);
  });

  it('GIVEN a small world THEN memory is read from both clients after ready and after interactions', {
    timeout: 90_000,
  }, async () => {
    const report = await runMemory(context);
    expectWellFormed(report, 'memory');
    expect(report.notes).toContain('0 interactions failed');
  });

  it('GIVEN a small answer history THEN every timed insert is recorded', { timeout: 60_000 }, async () => {
    const report = await runStorage(context);
    expectWellFormed(report, 'storage');
    expect(goal(report, 'an answer insert').detail).toMatch(/(\d+)\/\1 recorded/);
  });

  it('GIVEN generated story packs THEN both processes reach ready', { timeout: 90_000 }, async () => {
    const report = await runStartup(context);
    expectWellFormed(report, 'startup');
  });
});
