import { describe, expect, test } from 'vitest';
import {
  findRoundsDue,
  rescheduleRounds,
  roundEndsAt,
  type ScheduledRound,
  scheduleRounds,
} from '../../../src/features/debate/core/rounds.js';

const minute = 60_000;
const start = Date.UTC(2026, 10, 25, 18, 0);

function scheduled(closesAt: number): ScheduledRound[] {
  return scheduleRounds(start, closesAt).map((round) => ({ ...round, announcedAt: null }));
}

describe('round schedule', () => {
  test('GIVEN a 90-minute debate THEN three rounds of 30 minutes each', () => {
    expect(scheduleRounds(start, start + 90 * minute)).toEqual([
      { number: 1, name: 'Opening statements', startsAt: start },
      { number: 2, name: 'Rebuttals', startsAt: start + 30 * minute },
      { number: 3, name: 'Closing statements', startsAt: start + 60 * minute },
    ]);
  });

  test('GIVEN a 10-minute debate THEN rounds start in order, on whole seconds, before the close', () => {
    const rounds = scheduleRounds(start, start + 10 * minute);
    const starts = rounds.map((round) => round.startsAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const startsAt of starts) expect(startsAt % 1_000).toBe(0);
    expect(starts.at(-1)).toBeLessThan(start + 10 * minute);
  });

  test('GIVEN the clock past round 2 THEN round 2 is due and round 3 is not', () => {
    const rounds = scheduled(start + 90 * minute);
    rounds[0] = { ...rounds[0]!, announcedAt: start };
    const due = findRoundsDue(rounds, start + 31 * minute, start + 90 * minute);
    expect(due.announce?.number).toBe(2);
    expect(due.skipped).toEqual([]);
  });

  test('GIVEN the bot was offline through two rounds THEN only the latest is announced and the other is skipped', () => {
    const rounds = scheduled(start + 90 * minute);
    const due = findRoundsDue(rounds, start + 70 * minute, start + 90 * minute);
    expect(due.announce?.number).toBe(3);
    expect(due.skipped.map((round) => round.number)).toEqual([1, 2]);
  });

  test('GIVEN the closing time has come THEN no round is announced', () => {
    const rounds = scheduled(start + 90 * minute);
    expect(findRoundsDue(rounds, start + 90 * minute, start + 90 * minute).announce).toBeUndefined();
  });

  test('GIVEN an extension THEN pending rounds keep their share of the remaining time and announced ones stay', () => {
    const rounds = scheduled(start + 90 * minute);
    rounds[0] = { ...rounds[0]!, announcedAt: start };
    const now = start + 10 * minute;
    const moved = rescheduleRounds(rounds, now, start + 90 * minute, start + 170 * minute);
    expect(moved[0]).toEqual(rounds[0]);
    expect(moved[1]?.startsAt).toBe(now + 40 * minute);
    expect(moved[2]?.startsAt).toBe(now + 100 * minute);
  });

  test('GIVEN rounds THEN each ends when the next starts, the last at the close', () => {
    const rounds = scheduleRounds(start, start + 90 * minute);
    expect(roundEndsAt(rounds, 1, start + 90 * minute)).toBe(start + 30 * minute);
    expect(roundEndsAt(rounds, 3, start + 90 * minute)).toBe(start + 90 * minute);
  });
});
