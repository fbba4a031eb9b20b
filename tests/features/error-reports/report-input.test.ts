import { describe, expect, test } from 'vitest';
import {
  checkReportLink,
  checkReportText,
  decideRate,
  reportRateLimit,
} from '../../../src/features/error-reports/core/report-input.js';

describe('checkReportText', () => {
  test('GIVEN 10 to 1000 characters THEN the cleaned text is kept', () => {
    expect(checkReportText('  The date\u200B is   wrong.\n')).toEqual({
      kind: 'ok',
      text: 'The date is wrong.',
    });
    expect(checkReportText('x'.repeat(1000))).toEqual({ kind: 'ok', text: 'x'.repeat(1000) });
  });

  test('GIVEN fewer than 10 characters once invisible ones are removed THEN it is too short', () => {
    expect(checkReportText('wrong')).toEqual({ kind: 'too-short' });
    expect(checkReportText(`\u202E${'\u200F'.repeat(30)}abc`)).toEqual({ kind: 'too-short' });
    expect(checkReportText(undefined)).toEqual({ kind: 'too-short' });
  });

  test('GIVEN more than 1000 characters as sent THEN it is too long, whatever cleaning would leave', () => {
    expect(checkReportText(' '.repeat(995) + 'too long')).toEqual({ kind: 'too-long', length: 1003 });
  });
});

describe('checkReportLink', () => {
  test.each([
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['https://www.japantimes.co.jp/news/x', { kind: 'ok', url: 'https://www.japantimes.co.jp/news/x' }],
    ['HTTP://Example.org/A', { kind: 'ok', url: 'http://example.org/A' }],
    ['javascript:alert(1)', { kind: 'invalid', problem: 'not-a-web-address' }],
    ['ftp://example.org/file', { kind: 'invalid', problem: 'not-a-web-address' }],
    ['www.example.org', { kind: 'invalid', problem: 'not-a-web-address' }],
    ['https://localhost/x', { kind: 'invalid', problem: 'not-a-web-address' }],
    ['https://exa mple.org', { kind: 'invalid', problem: 'not-a-web-address' }],
    ['https://example.org/\u202Egpj.exe', { kind: 'invalid', problem: 'not-a-web-address' }],
    ['https://bbc.co.uk@evil.example/', { kind: 'invalid', problem: 'credentials' }],
    [`https://example.org/${'a'.repeat(500)}`, { kind: 'invalid', problem: 'too-long' }],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(checkReportLink(input)).toEqual(expected);
  });
});

describe('decideRate', () => {
  const now = 1_000_000_000;
  const minute = 60_000;

  test('GIVEN fewer than three reports in the last ten minutes THEN another is allowed', () => {
    expect(decideRate([now - 9 * minute, now - minute], now)).toEqual({ kind: 'allowed' });
    expect(decideRate([now - 20 * minute, now - 11 * minute, now - 10 * minute, now - minute], now)).toEqual({
      kind: 'allowed',
    });
  });

  test('GIVEN three reports in the last ten minutes THEN another is refused until the oldest leaves the window', () => {
    const times = [now - minute, now - 8 * minute, now - 2 * minute];
    expect(decideRate(times, now)).toEqual({
      kind: 'limited',
      retryAt: now - 8 * minute + reportRateLimit.windowMs,
    });
    expect(decideRate(times, now + 2 * minute)).toEqual({ kind: 'allowed' });
  });
});
