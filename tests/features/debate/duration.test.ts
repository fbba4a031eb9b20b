import { describe, expect, test } from 'vitest';
import {
  checkDebateDuration,
  checkExtension,
  defaultDebateDuration,
  formatDuration,
  formatSlowmode,
  parseDuration,
} from '../../../src/features/debate/core/duration.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('durations', () => {
  test.each([
    ['90', 90 * minute],
    ['90m', 90 * minute],
    ['2h', 2 * hour],
    ['1h30m', 90 * minute],
    ['1d 12h', 36 * hour],
    ['1.5 hours', 90 * minute],
    ['7 days', 7 * day],
    ['1 week', 7 * day],
    ['2 hours and 15 minutes', 135 * minute],
  ])('GIVEN %j THEN it reads as the right length', (text, milliseconds) => {
    expect(parseDuration(text)).toEqual({ kind: 'ok', milliseconds });
  });

  test.each(['', 'soon', '2 fortnights', '1h x', '-5m', 'h', '1'.repeat(50)])(
    'GIVEN %j THEN it is invalid',
    (text) => {
      expect(parseDuration(text)).toEqual({ kind: 'invalid' });
    },
  );

  test('GIVEN no duration THEN a debate runs 24 hours', () => {
    expect(checkDebateDuration(undefined)).toEqual({ kind: 'ok', milliseconds: defaultDebateDuration });
  });

  test('GIVEN less than 10 minutes or more than 7 days THEN the duration is refused', () => {
    expect(checkDebateDuration('9m').kind).toBe('too-short');
    expect(checkDebateDuration('10m')).toEqual({ kind: 'ok', milliseconds: 10 * minute });
    expect(checkDebateDuration('7d')).toEqual({ kind: 'ok', milliseconds: 7 * day });
    expect(checkDebateDuration('7d 1m').kind).toBe('too-long');
  });

  test('GIVEN an extension THEN the close moves later, but never past 7 days from now', () => {
    expect(checkExtension('2h', 10 * hour, 0)).toEqual({ kind: 'ok', closesAt: 12 * hour });
    expect(checkExtension('7d', 10 * hour, 0)).toEqual({ kind: 'too-far', latest: 7 * day });
    expect(checkExtension('nonsense', 10 * hour, 0)).toEqual({ kind: 'invalid' });
  });

  test('GIVEN lengths THEN they read in plain words', () => {
    expect(formatDuration(day + 2 * hour)).toBe('1 day 2 hours');
    expect(formatDuration(45 * minute)).toBe('45 minutes');
    expect(formatSlowmode(0)).toBe('off');
    expect(formatSlowmode(30)).toBe('30 seconds');
    expect(formatSlowmode(90)).toBe('1 minute 30 seconds');
  });
});
