import * as chrono from 'chrono-node';
import { z } from 'zod';
import { cleanText, escapeMarkdown } from '../../../platform/text.js';
import { daysInMonth, hasPrecisionDateShape } from '../../story-packs/core/dates.js';
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

/** The forms a member may type, for option descriptions and for the hint after a date not read. */
export const DATE_INPUT_EXAMPLES = '1951, March 2020, 8 Sept 1951 or 2020年3月';

/** Longest `from` or `to` accepted: room for `Wednesday 19 September 1951`. */
export const DATE_INPUT_MAX_LENGTH = 40;

/** What a `from` or `to` that was not read should be, said once, then why it was not read. */
export function dateInputProblem(option: 'from' | 'to', reason: string): string {
  return `\`${option}\` should be a year, a month or a day, like ${DATE_INPUT_EXAMPLES}: ${reason}.`;
}

/**
 * Forms chrono's locales do not read on their own, added as chrono parsers (its extension point): a
 * year and month in figures (`1951-9`, `2020/3`) and a Japanese year, or year and month (`1951年`,
 * `2020年3月`). Each gives only the parts written, so the precision stays the one typed.
 */
const yearAndMonthParsers: chrono.Parser[] = [
  {
    pattern: () => /(?<![\d\-/.])(\d{4})\s*[-/.]\s*(\d{1,2})(?![\d\-/.])/,
    extract: (_context, match) => yearAndMonth(match[1], match[2]),
  },
  {
    pattern: () => /(?<!\d)(\d{1,4})\s*年(?:\s*(\d{1,2})\s*月)?(?!\s*\d)/,
    extract: (_context, match) => yearAndMonth(match[1], match[2]),
  },
];

function yearAndMonth(year: string | undefined, month: string | undefined) {
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  return { year: Number(year), ...(month === undefined ? {} : { month: Number(month) }) };
}

function withYearAndMonth(base: chrono.Chrono): chrono.Chrono {
  const extended = base.clone();
  extended.parsers.push(...yearAndMonthParsers);
  return extended;
}

/** English with the day first (8/9/1951 is 8 September), then Japanese. */
const dateReaders = [withYearAndMonth(chrono.en.GB), withYearAndMonth(chrono.ja.casual)];

/**
 * Two reference days far apart: chrono fills the parts not written from the reference, and a text
 * read differently against each (`today`, `last year`) depends on the day it is read.
 */
const referenceDays = [new Date(Date.UTC(2000, 0, 1, 12)), new Date(Date.UTC(2010, 6, 15, 12))] as const;

type DateInputParse = { kind: 'ok'; date: PrecisionDate } | { kind: 'invalid'; reason: string };

/** The parts chrono says were written (year, month, day), as an ISO date at that precision. */
function writtenParts(result: chrono.ParsedResult): string | undefined {
  const start = result.start;
  if (!start.isCertain('year')) return undefined;
  const year = String(start.get('year')).padStart(4, '0');
  const month = start.isCertain('month') ? String(start.get('month')).padStart(2, '0') : undefined;
  const day =
    month !== undefined && start.isCertain('day') ? String(start.get('day')).padStart(2, '0') : undefined;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

/** The one date chrono reads in the whole of `text` (punctuation aside), or why there is none. */
function readWithChrono(text: string, shown: string): DateInputParse | undefined {
  for (const reader of dateReaders) {
    const [first, second] = referenceDays.map((day) => reader.parse(text, day));
    const result = first?.[0];
    if (result === undefined) continue;
    if ((first?.length ?? 0) > 1 || result.end)
      return { kind: 'invalid', reason: `${shown} holds more than one date` };
    const rest = text.slice(0, result.index) + text.slice(result.index + result.text.length);
    if (!/^[\s\p{P}]*$/u.test(rest)) continue;
    const iso = writtenParts(result);
    if (iso === undefined) return { kind: 'invalid', reason: `${shown} has no year` };
    const other = second?.[0];
    if (other === undefined || writtenParts(other) !== iso)
      return { kind: 'invalid', reason: `${shown} changes with the day it is read; write the date itself` };
    const parsed = parsePrecisionDate(iso);
    return parsed.kind === 'ok' ? parsed : { kind: 'invalid', reason: `${shown} is not a real date` };
  }
  return undefined;
}

/**
 * Reads a date as a member types it, at the precision written (year, month or day): as the packs
 * write dates (`1951`, `2020-03`, `1951-09-08`), else with chrono (`March 2020`, `8 Sept 1951`,
 * `1951/09/08`, `1951年9月8日`, `2020年3月`). The whole text must be one date. The reason for a refusal
 * says what was wrong, without repeating the accepted forms.
 */
export function parseDateInput(input: string): DateInputParse {
  const text = input.normalize('NFKC').trim();
  const written = parsePrecisionDate(text);
  if (written.kind === 'ok') return written;
  const shown = `“${escapeMarkdown(cleanText(text))}”`;
  if (hasPrecisionDateShape(text))
    return { kind: 'invalid', reason: written.reason.replace(JSON.stringify(text), shown) };
  return readWithChrono(text, shown) ?? { kind: 'invalid', reason: `I could not read ${shown} as a date` };
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

/** A range end as it travels in a custom id (see `encodeRangeEnd`), parsed back; empty for an open end. */
export const rangeEnd = z.string().transform((text, context) => {
  const date = decodeRangeEnd(text);
  if (date === 'invalid') {
    context.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return date;
});
