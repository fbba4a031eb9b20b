import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compareDates,
  dayDateOf,
  formatDate,
  isAfterDay,
  type PrecisionDate,
  parseDayDate,
  parsePrecisionDate,
  toDayDate,
} from '../../../src/features/story-packs/core/index.js';

function date(text: string): PrecisionDate {
  const parsed = parsePrecisionDate(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.date;
}

describe('parsePrecisionDate', () => {
  test('GIVEN a year, a month and a day THEN each keeps its precision and text', () => {
    expect(parsePrecisionDate('1951')).toEqual({
      kind: 'ok',
      date: { year: 1951, precision: 'year', iso: '1951' },
    });
    expect(parsePrecisionDate('1951-09')).toEqual({
      kind: 'ok',
      date: { year: 1951, month: 9, precision: 'month', iso: '1951-09' },
    });
    expect(parsePrecisionDate('1951-09-08')).toEqual({
      kind: 'ok',
      date: { year: 1951, month: 9, day: 8, precision: 'day', iso: '1951-09-08' },
    });
  });

  test('GIVEN days that do not exist THEN the reason names the month length', () => {
    expect(parsePrecisionDate('2025-02-30')).toEqual({
      kind: 'invalid',
      reason: '"2025-02-30" is not a real date: February 2025 has 28 days',
    });
    expect(parsePrecisionDate('1900-02-29')).toEqual({
      kind: 'invalid',
      reason: '"1900-02-29" is not a real date: February 1900 has 28 days',
    });
    expect(parsePrecisionDate('2024-02-29').kind).toBe('ok');
    expect(parsePrecisionDate('2025-04-31').kind).toBe('invalid');
    expect(parsePrecisionDate('2025-01-00').kind).toBe('invalid');
  });

  test('GIVEN month 13 or 00 THEN the month is named', () => {
    expect(parsePrecisionDate('2025-13-01')).toEqual({
      kind: 'invalid',
      reason: '"2025-13-01" is not a real date: there is no month 13',
    });
    expect(parsePrecisionDate('2025-00').kind).toBe('invalid');
  });

  test('GIVEN other shapes THEN the accepted shapes are explained', () => {
    for (const text of ['25-01-2025', '2025-1-5', '2025/01/05', '2025-01-05T00:00', ' 2025', '', '0000']) {
      expect(parsePrecisionDate(text).kind, text).toBe('invalid');
    }
    expect(parsePrecisionDate('2025-1-5')).toEqual({
      kind: 'invalid',
      reason: '"2025-1-5" is not a date; write "YYYY", "YYYY-MM" or "YYYY-MM-DD", e.g. "1951-09-08"',
    });
  });

  test('GIVEN any year, month and day numbers THEN the date parses exactly when the calendar has it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const calendar = new Date(Date.UTC(year, month - 1, day));
          const exists =
            month >= 1 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day && day >= 1;
          expect(parsePrecisionDate(text).kind).toBe(exists ? 'ok' : 'invalid');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseDayDate', () => {
  test('GIVEN a month or a year THEN a full date is asked for', () => {
    expect(parseDayDate('2025-01')).toEqual({
      kind: 'invalid',
      reason: '"2025-01" is not precise enough; write a full date "YYYY-MM-DD"',
    });
    expect(parseDayDate('soon')).toEqual({
      kind: 'invalid',
      reason: '"soon" is not a date; write a full date "YYYY-MM-DD", e.g. "2026-11-25"',
    });
    expect(parseDayDate('2025-02-29')).toEqual({
      kind: 'invalid',
      reason: '"2025-02-29" is not a real date: February 2025 has 28 days',
    });
    expect(parseDayDate('2025-01-31').kind).toBe('ok');
  });
});

describe('compareDates', () => {
  test('GIVEN mixed precisions THEN a period sorts at its start, the less precise first on a tie', () => {
    const texts = ['1960-01-19', '1951-09-08', '1952', '1951-09', '1951', '1951-09-01', '1951-10'];
    const sorted = texts
      .map(date)
      .sort(compareDates)
      .map((parsed) => parsed.iso);
    expect(sorted).toEqual(['1951', '1951-09', '1951-09-01', '1951-09-08', '1951-10', '1952', '1960-01-19']);
  });
});

describe('isAfterDay', () => {
  const today = toDayDate('2026-11-25');

  test('GIVEN periods that have begun THEN they are not after today', () => {
    for (const text of ['2026', '2026-11', '2026-11-25', '1951'])
      expect(isAfterDay(date(text), today), text).toBe(false);
  });

  test('GIVEN periods that begin later THEN they are after today', () => {
    for (const text of ['2027', '2026-12', '2026-11-26'])
      expect(isAfterDay(date(text), today), text).toBe(true);
  });
});

describe('formatDate', () => {
  test('GIVEN each precision THEN it reads as written by hand', () => {
    expect(formatDate(date('1951'))).toBe('1951');
    expect(formatDate(date('1951-09'))).toBe('September 1951');
    expect(formatDate(date('1951-09-08'))).toBe('8 September 1951');
  });
});

describe('today', () => {
  test('GIVEN a Date THEN its local calendar day is used', () => {
    expect(dayDateOf(new Date(2026, 10, 25, 23, 59)).iso).toBe('2026-11-25');
    expect(toDayDate(new Date(2026, 0, 5, 0, 1)).iso).toBe('2026-01-05');
  });

  test('GIVEN an impossible day string THEN it is refused', () => {
    expect(() => toDayDate('2026-02-30')).toThrow('February 2026 has 28 days');
  });
});
