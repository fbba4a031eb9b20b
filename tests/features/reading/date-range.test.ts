import { describe, expect, test } from 'vitest';
import {
  dateInputProblem,
  decodeRangeEnd,
  describeRange,
  encodeRangeEnd,
  isWithinRange,
  parseDateInput,
  parseDateRange,
} from '../../../src/features/reading/core/date-range.js';
import { type PrecisionDate, parsePrecisionDate } from '../../../src/features/story-packs/core/index.js';

function date(text: string): PrecisionDate {
  const parsed = parsePrecisionDate(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.date;
}

describe('date range input', () => {
  test.each([
    ['1951', '1951'],
    ['1951-9', '1951-09'],
    ['1951/09/08', '1951-09-08'],
    [' 1960-1-19 ', '1960-01-19'],
  ])('GIVEN %j THEN it reads as %s at that precision', (input, iso) => {
    expect(parseDateInput(input)).toMatchObject({ kind: 'ok', date: { iso } });
  });

  test.each([
    ['March 2020', '2020-03'],
    ['8 Sept 1951', '1951-09-08'],
    ['Sept 1951', '1951-09'],
    ['September 8, 1951', '1951-09-08'],
    ['2020-03', '2020-03'],
    ['08/09/1951', '1951-09-08'],
    ['2020年3月', '2020-03'],
    ['1951年9月8日', '1951-09-08'],
    ['1951年', '1951'],
    ['２０２０年３月', '2020-03'],
  ])('GIVEN %j as people type it THEN it reads as %s, keeping the precision typed', (input, iso) => {
    expect(parseDateInput(input)).toMatchObject({ kind: 'ok', date: { iso } });
  });

  test.each([
    ['March', '“March” has no year'],
    ['last year', '“last year” changes with the day it is read; write the date itself'],
    ['1951 to 1960', 'I could not read “1951 to 1960” as a date'],
    ['1951-02-30', '“1951-02-30” is not a real date: February 1951 has 28 days'],
  ])('GIVEN %j THEN the reason says what is wrong without the accepted forms', (input, reason) => {
    expect(parseDateInput(input)).toEqual({ kind: 'invalid', reason });
  });

  test('GIVEN a date not read THEN the answer names the option and gives the accepted forms once', () => {
    const parsed = parseDateRange('March 2020', 'soon');
    if (parsed.kind !== 'invalid') throw new Error('expected invalid');
    const message = dateInputProblem(parsed.option, parsed.reason);
    expect(message).toBe(
      '`to` should be a year, a month or a day, like 1951, March 2020, 8 Sept 1951 or 2020年3月: I could not read “soon” as a date.',
    );
    expect(message.match(/1951/g)).toHaveLength(2);
  });

  test.each(['last year', '51', '1951-13', '1951-02-30'])(
    'GIVEN %j THEN it is refused with a reason',
    (input) => {
      expect(parseDateInput(input)).toMatchObject({ kind: 'invalid' });
    },
  );

  test('GIVEN from after to THEN the range is reported as reversed', () => {
    expect(parseDateRange('1960', '1951')).toMatchObject({
      kind: 'reversed',
      from: { iso: '1960' },
      to: { iso: '1951' },
    });
  });

  test('GIVEN the same month as from and to THEN the range is that month', () => {
    const parsed = parseDateRange('1960-01', '1960-01');
    expect(parsed.kind).toBe('ok');
  });

  test('GIVEN a malformed to THEN the option is named', () => {
    expect(parseDateRange('1951', 'soon')).toMatchObject({ kind: 'invalid', option: 'to', input: 'soon' });
  });

  test('GIVEN empty options THEN the range is open', () => {
    expect(parseDateRange(null, '  ')).toEqual({ kind: 'ok', range: {} });
  });
});

describe('events within a range', () => {
  test('GIVEN a range starting mid-month THEN an event dated only to that month is still inside', () => {
    expect(isWithinRange(date('1951-09'), { from: date('1951-09-08') })).toBe(true);
  });

  test('GIVEN a range ending in 1960 THEN a 1960-06-23 event is inside and a 1961 event is not', () => {
    const range = { from: date('1951'), to: date('1960') };
    expect(isWithinRange(date('1960-06-23'), range)).toBe(true);
    expect(isWithinRange(date('1961'), range)).toBe(false);
    expect(isWithinRange(date('1950-12-31'), range)).toBe(false);
  });

  test('GIVEN ranges THEN they are described in words', () => {
    expect(describeRange({ from: date('1951'), to: date('1960-03') })).toBe('from 1951 to March 1960');
    expect(describeRange({ to: date('1960') })).toBe('up to 1960');
  });
});

describe('range ends in custom ids', () => {
  test.each(['1951', '1951-09', '1951-09-08'])('GIVEN %s THEN encoding and decoding give it back', (text) => {
    expect(decodeRangeEnd(encodeRangeEnd(date(text)))).toEqual(date(text));
  });

  test('GIVEN an open end THEN it encodes as empty and decodes as open', () => {
    expect(encodeRangeEnd(undefined)).toBe('');
    expect(decodeRangeEnd('')).toBeUndefined();
  });

  test('GIVEN a tampered end THEN it decodes as invalid', () => {
    expect(decodeRangeEnd('19511340')).toBe('invalid');
    expect(decodeRangeEnd('abc')).toBe('invalid');
  });
});
