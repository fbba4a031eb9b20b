import { daysInMonth } from '../../story-packs/core/dates.js';
import { formatDate, type PrecisionDate, parsePrecisionDate } from '../../story-packs/core/index.js';

/** A range of dates chosen by a member; either end may be open. */
export interface DateRange {
  from?: PrecisionDate;
  to?: PrecisionDate;
}

export type DateRangeParse =
  | { kind: 'ok'; range: DateRange }
  | { kind: 'invalid'; option: 'from' | 'to'; input: string; reason: string }
  | { kind: 'reversed'; from: PrecisionDate; to: PrecisionDate };

const looseDate = /^\s*(\d{4})(?:\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?)?\s*$/;

/** Reads `1951`, `1951-9`, `1951-09-08` or `1951/09/08` as a date at the precision given. */
export function parseDateInput(
  input: string,
): { kind: 'ok'; date: PrecisionDate } | { kind: 'invalid'; reason: string } {
  const match = looseDate.exec(input);
  if (!match)
    return { kind: 'invalid', reason: 'write a year, a month or a day: 1951, 1951-09 or 1951-09-08' };
  const [, year, month, day] = match;
  const iso = [year, month?.padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean).join('-');
  const parsed = parsePrecisionDate(iso);
  if (parsed.kind === 'invalid') return { kind: 'invalid', reason: `${iso} is not a real date` };
  return parsed;
}

/** An ordinal of the first day of the period a date names, only for comparing. */
function startOf(date: PrecisionDate): number {
  return dayNumber(date.year, date.month ?? 1, date.day ?? 1);
}

function endOf(date: PrecisionDate): number {
  const month = date.month ?? 12;
  return dayNumber(date.year, month, date.day ?? daysInMonth(date.year, month));
}

function dayNumber(year: number, month: number, day: number): number {
  return (year * 12 + month) * 32 + day;
}

export function parseDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
): DateRangeParse {
  const range: DateRange = {};
  if (from !== null && from !== undefined && from.trim() !== '') {
    const parsed = parseDateInput(from);
    if (parsed.kind === 'invalid')
      return { kind: 'invalid', option: 'from', input: from, reason: parsed.reason };
    range.from = parsed.date;
  }
  if (to !== null && to !== undefined && to.trim() !== '') {
    const parsed = parseDateInput(to);
    if (parsed.kind === 'invalid') return { kind: 'invalid', option: 'to', input: to, reason: parsed.reason };
    range.to = parsed.date;
  }
  if (range.from && range.to && startOf(range.from) > endOf(range.to))
    return { kind: 'reversed', from: range.from, to: range.to };
  return { kind: 'ok', range };
}

/** True when the period a date names overlaps the range (a month event is in a range that starts mid-month). */
export function isWithinRange(date: PrecisionDate, range: DateRange): boolean {
  if (range.from && endOf(date) < startOf(range.from)) return false;
  if (range.to && startOf(date) > endOf(range.to)) return false;
  return true;
}

export function isOpenRange(range: DateRange): boolean {
  return range.from === undefined && range.to === undefined;
}

/** `from 1951 to March 1960`, `from 1951`, `up to 1960`. */
export function describeRange(range: DateRange): string {
  if (range.from && range.to) return `from ${formatDate(range.from)} to ${formatDate(range.to)}`;
  if (range.from) return `from ${formatDate(range.from)}`;
  if (range.to) return `up to ${formatDate(range.to)}`;
  return 'all dates';
}

/** Compact form for a custom id: `19510908`, `195109`, `1951`, or empty for an open end. */
export function encodeRangeEnd(date: PrecisionDate | undefined): string {
  return date ? date.iso.replaceAll('-', '') : '';
}

export function decodeRangeEnd(text: string): PrecisionDate | undefined | 'invalid' {
  if (text === '') return undefined;
  const match = /^(\d{4})(\d{2})?(\d{2})?$/.exec(text);
  if (!match) return 'invalid';
  const [, year, month, day] = match;
  const parsed = parsePrecisionDate([year, month, day].filter(Boolean).join('-'));
  return parsed.kind === 'ok' ? parsed.date : 'invalid';
}
