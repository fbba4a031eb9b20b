/** How much of a date is known: `"1951"` is a year, `"1951-09"` a month, `"1951-09-08"` a day. */
export type DatePrecision = 'year' | 'month' | 'day';

/**
 * A calendar date known to a given precision, as written in a story pack.
 * `month` is present from month precision on, `day` only at day precision.
 * `iso` is the text as written (`"1951"`, `"1951-09"` or `"1951-09-08"`).
 */
export interface PrecisionDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: DatePrecision;
  readonly iso: string;
}

/** A date known to the day (`as_of`, `valid_until`, a source's `published`). */
export interface DayDate extends PrecisionDate {
  readonly month: number;
  readonly day: number;
  readonly precision: 'day';
}

export type PrecisionDateParse = { kind: 'ok'; date: PrecisionDate } | { kind: 'invalid'; reason: string };
export type DayDateParse = { kind: 'ok'; date: DayDate } | { kind: 'invalid'; reason: string };

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** True when `text` is written as `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`, whether or not the date exists. */
export function hasPrecisionDateShape(text: string): boolean {
  return DATE_SHAPE.test(text);
}

/** Parses `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`, rejecting dates that do not exist. */
export function parsePrecisionDate(text: string): PrecisionDateParse {
  const match = DATE_SHAPE.exec(text);
  if (!match) {
    return {
      kind: 'invalid',
      reason: `${JSON.stringify(text)} is not a date; write "YYYY", "YYYY-MM" or "YYYY-MM-DD", e.g. "1951-09-08"`,
    };
  }
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  if (year < 1) {
    return { kind: 'invalid', reason: `${JSON.stringify(text)} is not a real date: there is no year 0` };
  }
  if (monthText === undefined) {
    return { kind: 'ok', date: Object.freeze({ year, precision: 'year', iso: text }) };
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) {
    return {
      kind: 'invalid',
      reason: `${JSON.stringify(text)} is not a real date: there is no month ${month}`,
    };
  }
  if (dayText === undefined) {
    return { kind: 'ok', date: Object.freeze({ year, month, precision: 'month', iso: text }) };
  }
  const day = Number(dayText);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return {
      kind: 'invalid',
      reason: `${JSON.stringify(text)} is not a real date: ${monthName(month)} ${year} has ${lastDay} days`,
    };
  }
  return { kind: 'ok', date: Object.freeze({ year, month, day, precision: 'day', iso: text }) };
}

/** Parses a full date `"YYYY-MM-DD"`, rejecting dates that do not exist. */
export function parseDayDate(text: string): DayDateParse {
  const parsed = parsePrecisionDate(text);
  if (parsed.kind === 'invalid') {
    if (DATE_SHAPE.test(text)) return parsed;
    return {
      kind: 'invalid',
      reason: `${JSON.stringify(text)} is not a date; write a full date "YYYY-MM-DD", e.g. "2026-11-25"`,
    };
  }
  if (!isDayDate(parsed.date)) {
    return {
      kind: 'invalid',
      reason: `${JSON.stringify(text)} is not precise enough; write a full date "YYYY-MM-DD"`,
    };
  }
  return { kind: 'ok', date: parsed.date };
}

export function isDayDate(date: PrecisionDate): date is DayDate {
  return date.precision === 'day';
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/**
 * Orders dates by the first day of the period they name; on a tie the less precise date comes first
 * (`"1951"` before `"1951-01"` before `"1951-01-01"`). Usable directly with `Array.prototype.sort`.
 */
export function compareDates(left: PrecisionDate, right: PrecisionDate): number {
  return (
    left.year - right.year ||
    (left.month ?? 0) - (right.month ?? 0) ||
    (left.day ?? 0) - (right.day ?? 0) ||
    PRECISION_RANK[left.precision] - PRECISION_RANK[right.precision]
  );
}

/** True when the whole period named by `date` lies after `day` (`"2026"` is not after 2026-11-25). */
export function isAfterDay(date: PrecisionDate, day: DayDate): boolean {
  return (date.year - day.year || (date.month ?? 1) - day.month || (date.day ?? 1) - day.day) > 0;
}

/** True when `day` lies before the first day of the period named by `date`. */
export function isBeforeStartOf(day: DayDate, date: PrecisionDate): boolean {
  return isAfterDay(date, day);
}

/** `1951`, `September 1951` or `8 September 1951`. */
export function formatDate(date: PrecisionDate): string {
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${monthName(date.month)} ${date.year}`;
  return `${date.day} ${monthName(date.month)} ${date.year}`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** The calendar day of `instant` in the machine's time zone. */
export function dayDateOf(instant: Date): DayDate {
  const year = instant.getFullYear();
  const month = instant.getMonth() + 1;
  const day = instant.getDate();
  const iso = `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
  return Object.freeze({ year, month, day, precision: 'day', iso });
}

/** Accepts a `Date` (its local calendar day) or a `"YYYY-MM-DD"` string; throws on an invalid string. */
export function toDayDate(value: Date | string | DayDate): DayDate {
  if (value instanceof Date) return dayDateOf(value);
  if (typeof value !== 'string') return value;
  const parsed = parseDayDate(value);
  if (parsed.kind === 'invalid') throw new TypeError(parsed.reason);
  return parsed.date;
}
