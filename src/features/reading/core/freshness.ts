import type { DayDate } from '../../story-packs/core/index.js';

const dayInMilliseconds = 86_400_000;

export type Freshness = { kind: 'fresh'; daysSinceCheck: number } | { kind: 'stale'; daysSinceCheck: number };

/**
 * The instant used to show a calendar day as a Discord timestamp: noon UTC, so that readers from
 * UTC-11 to UTC+11 see the same calendar day that was written.
 */
export function dayInstantSeconds(day: DayDate): number {
  return Date.UTC(day.year, day.month - 1, day.day, 12) / 1000;
}

/** Whole days from the checked day to the day of `now` (both in UTC); never negative. */
export function daysSince(day: DayDate, now: number): number {
  const start = Date.UTC(day.year, day.month - 1, day.day);
  return Math.max(0, Math.floor((now - start) / dayInMilliseconds));
}

export function assessFreshness(asOf: DayDate, now: number, staleAfterDays: number): Freshness {
  const daysSinceCheck = daysSince(asOf, now);
  return daysSinceCheck > staleAfterDays
    ? { kind: 'stale', daysSinceCheck }
    : { kind: 'fresh', daysSinceCheck };
}

/**
 * The plain warning for readers: `Facts last checked 45 days ago; some may have changed.`, with the
 * day they were checked after the count when `checkedOn` is given: `45 days ago (25 November 2026)`.
 */
export function staleWarning(freshness: Freshness, checkedOn?: string): string | undefined {
  if (freshness.kind === 'fresh') return undefined;
  const days = freshness.daysSinceCheck;
  const on = checkedOn === undefined ? '' : ` (${checkedOn})`;
  return `Facts last checked ${days} ${days === 1 ? 'day' : 'days'} ago${on}; some may have changed.`;
}
