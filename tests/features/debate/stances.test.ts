import { describe, expect, test } from 'vitest';
import {
  classifyStanceClick,
  computeStanceShift,
  type StanceRecord,
} from '../../../src/features/debate/core/stances.js';
import type { Stance } from '../../../src/features/debate/core/types.js';

function member(opening: Stance, current: Stance = opening): StanceRecord {
  return { opening, current };
}

function repeat(count: number, record: StanceRecord): StanceRecord[] {
  return Array.from({ length: count }, () => ({ ...record }));
}

describe('stance clicks', () => {
  test('GIVEN no stance yet THEN the click is the opening stance', () => {
    expect(classifyStanceClick(undefined, 'against')).toEqual({ kind: 'opening', stance: 'against' });
  });

  test('GIVEN a stance THEN a different click changes the current stance and keeps the opening one', () => {
    expect(classifyStanceClick(member('for', 'undecided'), 'against')).toEqual({
      kind: 'changed',
      from: 'undecided',
      to: 'against',
      opening: 'for',
    });
  });

  test('GIVEN a stance THEN clicking it again changes nothing', () => {
    expect(classifyStanceClick(member('for', 'against'), 'against')).toEqual({
      kind: 'unchanged',
      stance: 'against',
    });
  });
});

describe('stance shift, Oxford-style', () => {
  test('GIVEN nobody took a stance THEN there is no result', () => {
    const shift = computeStanceShift([]);
    expect(shift.result).toEqual({ kind: 'no-stances' });
    expect(shift.total).toBe(0);
  });

  test('GIVEN undecided members moving to Against THEN Against wins with its gain in percentage points', () => {
    const shift = computeStanceShift([
      ...repeat(4, member('for')),
      ...repeat(3, member('against')),
      ...repeat(2, member('undecided', 'against')),
      member('undecided'),
    ]);
    expect(shift.opening).toEqual({ for: 4, against: 3, undecided: 3 });
    expect(shift.closing).toEqual({ for: 4, against: 5, undecided: 1 });
    expect(shift.gainPoints).toEqual({ for: 0, against: 20, undecided: -20 });
    expect(shift.changedMinds).toBe(2);
    expect(shift.result).toEqual({ kind: 'winner', side: 'against', gainPoints: 20, otherGainPoints: 0 });
  });

  test('GIVEN the side ahead at the close lost ground THEN the side that gained the most wins, not the majority', () => {
    const shift = computeStanceShift([
      ...repeat(6, member('for')),
      member('for', 'undecided'),
      ...repeat(2, member('against')),
      member('undecided', 'against'),
    ]);
    expect(shift.closing.for).toBeGreaterThan(shift.closing.against);
    expect(shift.result).toEqual({ kind: 'winner', side: 'against', gainPoints: 10, otherGainPoints: -10 });
  });

  test('GIVEN both sides lost ground THEN the side that lost less wins', () => {
    const shift = computeStanceShift([
      ...repeat(2, member('for', 'undecided')),
      member('against', 'undecided'),
      ...repeat(3, member('for')),
      ...repeat(4, member('against')),
    ]);
    expect(shift.result).toEqual({ kind: 'winner', side: 'against', gainPoints: -10, otherGainPoints: -20 });
  });

  test('GIVEN both sides gained equally THEN it is a tie', () => {
    const shift = computeStanceShift([
      member('undecided', 'for'),
      member('undecided', 'against'),
      member('for'),
    ]);
    expect(shift.result).toEqual({ kind: 'tie', gainPoints: 33.3 });
  });

  test('GIVEN members swapping sides in equal numbers THEN the room did not move although minds changed', () => {
    const shift = computeStanceShift([member('for', 'against'), member('against', 'for')]);
    expect(shift.result).toEqual({ kind: 'no-movement' });
    expect(shift.changedMinds).toBe(2);
  });

  test('GIVEN any room THEN opening and closing counts add up to the number of members', () => {
    const stances: Stance[] = ['for', 'against', 'undecided'];
    const records = Array.from({ length: 30 }, (_, index) =>
      member(stances[index % 3] as Stance, stances[(index * 7) % 3] as Stance),
    );
    const shift = computeStanceShift(records);
    const sum = (counts: Record<Stance, number>) => counts.for + counts.against + counts.undecided;
    expect(sum(shift.opening)).toBe(30);
    expect(sum(shift.closing)).toBe(30);
  });
});
