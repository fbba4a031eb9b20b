import { describe, expect, test } from 'vitest';
import {
  currentStreak,
  type MemberStreak,
  periodKey,
  pointsFor,
  type RoundAnswer,
  scoreRound,
  streakBonus,
} from '../../../src/features/quiz/core/scoring.js';
import { addDays } from '../../../src/features/quiz/core/time.js';

type Outcome = 'correct' | 'wrong' | 'missed';

/** Plays one member through the server's rounds (by local date), as closing does. */
function play(rounds: ReadonlyArray<readonly [string, Outcome]>) {
  let streak: MemberStreak | undefined;
  let previousRoundDate: string | null = null;
  const points: number[] = [];
  for (const [localDate, outcome] of rounds) {
    const answers: RoundAnswer[] =
      outcome === 'missed' ? [] : [{ userId: 'm', choice: outcome === 'correct' ? 2 : 0 }];
    const scored = scoreRound({
      localDate,
      previousRoundDate,
      answerIndex: 2,
      answers,
      streaks: new Map(streak ? [['m', streak]] : []),
    });
    const result = scored[0];
    if (result) {
      streak = result.streak;
      points.push(result.points);
    }
    previousRoundDate = localDate;
  }
  return { streak, points, current: streak ? currentStreak(streak, previousRoundDate) : 0 };
}

function daily(start: string, outcomes: readonly Outcome[]): Array<readonly [string, Outcome]> {
  return outcomes.map((outcome, index) => [addDays(start, index), outcome] as const);
}

describe('scoring rule', () => {
  test('GIVEN consecutive correct answers THEN points are 10, 12, 14, 16, 18 then capped at 20', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 30].map((streak) => pointsFor(true, streak))).toEqual([
      10, 12, 14, 16, 18, 20, 20, 20,
    ]);
    expect(streakBonus(1)).toBe(0);
    expect(pointsFor(false, 5)).toBe(0);
  });

  test('GIVEN a wrong answer THEN it scores nothing and the streak starts again', () => {
    const result = play(daily('2026-11-01', ['correct', 'correct', 'wrong', 'correct']));
    expect(result.points).toEqual([10, 12, 0, 10]);
    expect(result.streak).toEqual({ current: 1, lastCorrectDate: '2026-11-04', best: 2 });
  });

  test('GIVEN daily correct answers across a month end THEN the streak carries on', () => {
    const result = play(daily('2026-01-29', ['correct', 'correct', 'correct', 'correct']));
    expect(result.streak).toEqual({ current: 4, lastCorrectDate: '2026-02-01', best: 4 });
    expect(result.points).toEqual([10, 12, 14, 16]);
  });

  test('GIVEN daily correct answers across a year end THEN the streak carries on', () => {
    const result = play(daily('2026-12-30', ['correct', 'correct', 'correct']));
    expect(result.streak).toEqual({ current: 3, lastCorrectDate: '2027-01-01', best: 3 });
  });

  test('GIVEN a round missed on New Year’s Day THEN the streak ends and restarts', () => {
    const result = play(daily('2026-12-30', ['correct', 'correct', 'missed', 'correct']));
    expect(result.streak).toEqual({ current: 1, lastCorrectDate: '2027-01-02', best: 2 });
    expect(result.points).toEqual([10, 12, 10]);
  });

  test('GIVEN the member missed the latest round THEN their current streak is 0 but the best stays', () => {
    const result = play(daily('2026-02-27', ['correct', 'correct', 'correct', 'missed']));
    expect(result.current).toBe(0);
    expect(result.streak?.best).toBe(3);
  });

  test('GIVEN days without a round between two rounds THEN the streak is neither broken nor extended', () => {
    const result = play([
      ['2026-03-30', 'correct'],
      ['2026-03-31', 'correct'],
      ['2026-04-03', 'correct'],
    ]);
    expect(result.streak).toEqual({ current: 3, lastCorrectDate: '2026-04-03', best: 3 });
  });

  test('GIVEN several members in one round THEN each is scored against the right answer', () => {
    const scored = scoreRound({
      localDate: '2026-11-02',
      previousRoundDate: '2026-11-01',
      answerIndex: 1,
      answers: [
        { userId: 'a', choice: 1 },
        { userId: 'b', choice: 0 },
        { userId: 'c', choice: 1 },
      ],
      streaks: new Map([['a', { current: 4, lastCorrectDate: '2026-11-01', best: 4 }]]),
    });
    expect(scored.map((entry) => [entry.userId, entry.correct, entry.points, entry.streak.current])).toEqual([
      ['a', true, 18, 5],
      ['b', false, 0, 0],
      ['c', true, 10, 1],
    ]);
  });
});

describe('leaderboard periods', () => {
  test('GIVEN dates around a year end THEN week keys are the Monday and month keys the 1st', () => {
    expect(periodKey('week', '2026-12-31')).toBe('2026-12-28');
    expect(periodKey('week', '2027-01-03')).toBe('2026-12-28');
    expect(periodKey('week', '2027-01-04')).toBe('2027-01-04');
    expect(periodKey('month', '2027-01-03')).toBe('2027-01-01');
    expect(periodKey('all', '2027-01-03')).toBe('');
  });
});
