import { describe, expect, test } from 'vitest';
import {
  assessFreshness,
  dayInstantSeconds,
  daysSince,
  staleWarning,
} from '../../../src/features/reading/core/freshness.js';
import { factsCheckedLines } from '../../../src/features/reading/messages/page-view.js';
import { parseDayDate } from '../../../src/features/story-packs/core/index.js';

function day(text: string) {
  const parsed = parseDayDate(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.date;
}

const checked = day('2026-10-11');

describe('freshness of facts', () => {
  test('GIVEN facts checked 45 days ago and a 30-day limit THEN the plain warning says so', () => {
    const now = Date.UTC(2026, 10, 25, 9, 30);
    expect(daysSince(checked, now)).toBe(45);
    expect(staleWarning(assessFreshness(checked, now, 30))).toBe(
      'Facts last checked 45 days ago; some may have changed.',
    );
  });

  test('GIVEN facts checked exactly the limit of days ago THEN there is no warning yet', () => {
    const now = Date.UTC(2026, 10, 10, 23, 0);
    expect(assessFreshness(checked, now, 30)).toEqual({ kind: 'fresh', daysSinceCheck: 30 });
  });

  test('GIVEN a checked day THEN its Discord timestamp is noon UTC that day', () => {
    expect(new Date(dayInstantSeconds(checked) * 1000).toISOString()).toBe('2026-10-11T12:00:00.000Z');
  });

  test('GIVEN stale facts THEN one line gives the warning with the count of days and the day, said once', () => {
    const lines = factsCheckedLines(checked, { now: Date.UTC(2026, 10, 25), staleAfterDays: 30 });
    const seconds = dayInstantSeconds(checked);
    expect(lines).toBe(`⚠️ **Facts last checked 45 days ago (<t:${seconds}:D>); some may have changed.**`);
    expect(lines).not.toContain(':R>');
  });

  test('GIVEN fresh facts THEN one line gives the day and how long ago, with no warning', () => {
    const lines = factsCheckedLines(checked, { now: Date.UTC(2026, 9, 12), staleAfterDays: 30 });
    const seconds = dayInstantSeconds(checked);
    expect(lines).toBe(`Facts checked <t:${seconds}:D> (<t:${seconds}:R>).`);
  });
});
