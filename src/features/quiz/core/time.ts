/** A calendar day in some time zone, written `YYYY-MM-DD`. */
export type LocalDate = string;

/** A wall-clock time written `HH:MM` (24-hour). */
export type LocalTime = string;

export const minuteMs = 60_000;
export const dayMs = 86_400_000;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const localTimePattern = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time at `instant` (ms) in `timeZone`. */
export function localPartsAt(instant: number, timeZone: string): LocalParts {
  const parts: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case 'year':
        parts.year = Number(part.value);
        break;
      case 'month':
        parts.month = Number(part.value);
        break;
      case 'day':
        parts.day = Number(part.value);
        break;
      case 'hour':
        parts.hour = Number(part.value);
        break;
      case 'minute':
        parts.minute = Number(part.value);
        break;
    }
  }
  return parts;
}

/** The wall clock at `instant` read as if it were UTC, to the minute. */
function wallClockAt(instant: number, timeZone: string): number {
  const parts = localPartsAt(instant, timeZone);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Tokyo: +9 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const minute = Math.floor(instant / minuteMs) * minuteMs;
  return wallClockAt(minute, timeZone) - minute;
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day in `timeZone` at `instant`. */
export function localDateAt(instant: number, timeZone: string): LocalDate {
  const parts = localPartsAt(instant, timeZone);
  return formatLocalDate(parts.year, parts.month, parts.day);
}

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } | undefined {
  const match = localDatePattern.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

export function parseLocalTime(time: string): { hour: number; minute: number } | undefined {
  const match = localTimePattern.exec(time.trim());
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function requireDate(date: LocalDate): { year: number; month: number; day: number } {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new RangeError(`not a calendar date: ${date}`);
  return parsed;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = requireDate(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return formatLocalDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Day of the week, Monday = 1 ... Sunday = 7 (ISO). */
export function isoWeekday(date: LocalDate): number {
  const { year, month, day } = requireDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday that starts the ISO week holding `date`. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function startOfMonth(date: LocalDate): LocalDate {
  const { year, month } = requireDate(date);
  return formatLocalDate(year, month, 1);
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `date`.
 * A time that occurs twice (clocks turned back) resolves to its first occurrence; a time that does
 * not exist (clocks turned forward) resolves to the first minute after the gap.
 */
export function instantOfLocalTime(date: LocalDate, time: LocalTime, timeZone: string): number {
  const { year, month, day } = requireDate(date);
  const clock = parseLocalTime(time);
  if (!clock) throw new RangeError(`not a time of day: ${time}`);
  const wall = Date.UTC(year, month - 1, day, clock.hour, clock.minute);
  const offsets = [
    ...new Set([
      offsetAt(wall - dayMs, timeZone),
      offsetAt(wall, timeZone),
      offsetAt(wall + dayMs, timeZone),
    ]),
  ];
  const exact = offsets
    .map((offset) => wall - offset)
    .filter((candidate) => wallClockAt(candidate, timeZone) === wall)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return exact[0];
  const candidates = offsets.map((offset) => wall - offset);
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  if (wallClockAt(high, timeZone) <= wall) return high;
  while (high - low > minuteMs) {
    const middle = low + Math.floor((high - low) / 2 / minuteMs) * minuteMs;
    if (wallClockAt(middle, timeZone) > wall) high = middle;
    else low = middle;
  }
  return high;
}

const offsetLike = /^(?:utc|gmt|z)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;
const abbreviations: Readonly<Record<string, readonly string[]>> = {
  est: ['America/New_York', 'America/Toronto'],
  edt: ['America/New_York', 'America/Toronto'],
  et: ['America/New_York', 'America/Toronto'],
  cst: ['America/Chicago', 'America/Mexico_City', 'Asia/Shanghai'],
  cdt: ['America/Chicago'],
  ct: ['America/Chicago'],
  mst: ['America/Denver', 'America/Phoenix'],
  mdt: ['America/Denver'],
  mt: ['America/Denver'],
  pst: ['America/Los_Angeles', 'America/Vancouver'],
  pdt: ['America/Los_Angeles', 'America/Vancouver'],
  pt: ['America/Los_Angeles', 'America/Vancouver'],
  akst: ['America/Anchorage'],
  hst: ['Pacific/Honolulu'],
  bst: ['Europe/London'],
  gmt: ['Europe/London', 'UTC'],
  wet: ['Europe/Lisbon'],
  cet: ['Europe/Paris', 'Europe/Berlin'],
  cest: ['Europe/Paris', 'Europe/Berlin'],
  eet: ['Europe/Athens', 'Europe/Helsinki'],
  msk: ['Europe/Moscow'],
  ist: ['Asia/Kolkata', 'Europe/Dublin'],
  pkt: ['Asia/Karachi'],
  sgt: ['Asia/Singapore'],
  hkt: ['Asia/Hong_Kong'],
  jst: ['Asia/Tokyo'],
  kst: ['Asia/Seoul'],
  aest: ['Australia/Sydney', 'Australia/Brisbane'],
  aedt: ['Australia/Sydney'],
  acst: ['Australia/Adelaide'],
  awst: ['Australia/Perth'],
  nzst: ['Pacific/Auckland'],
  nzdt: ['Pacific/Auckland'],
};

/** Well-known zones offered first when a name has to be guessed. */
const popularZones = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Europe/Moscow',
];

let zoneList: readonly string[] | undefined;

/** Every IANA zone the runtime knows, for autocomplete and suggestions. */
export function knownTimeZones(): readonly string[] {
  zoneList ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zoneList;
}

function resolvedZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export type TimeZoneCheck =
  | { kind: 'valid'; timeZone: string }
  | { kind: 'invalid'; reason: string; suggestions: string[] };

function zonesWithOffset(offsetMs: number, at: number): string[] {
  const matching = knownTimeZones().filter((zone) => offsetAt(at, zone) === offsetMs);
  const popular = popularZones.filter((zone) => matching.includes(zone));
  const cities = matching.filter((zone) => zone.includes('/') && !zone.startsWith('Etc/'));
  return [...new Set([...popular, ...cities])].slice(0, 5);
}

function zonesNamed(text: string): string[] {
  const wanted = text.toLowerCase().replace(/\s+/g, '_');
  if (wanted.length < 2) return [];
  const zones = knownTimeZones();
  const city = (zone: string) => (zone.split('/').at(-1) ?? zone).toLowerCase();
  const exact = zones.filter((zone) => city(zone) === wanted);
  const partial = zones.filter((zone) => zone.toLowerCase().includes(wanted));
  return [...new Set([...exact, ...partial])].slice(0, 5);
}

/** Zones whose name contains `text` (case-insensitive), popular zones first; for autocomplete. */
export function searchTimeZones(text: string, limit = 25): string[] {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = knownTimeZones();
  if (wanted === '') return [...popularZones.slice(0, limit)];
  const abbreviation = abbreviations[wanted.replace(/\d.*$/, '')] ?? [];
  const matching = zones.filter((zone) => zone.toLowerCase().includes(wanted));
  const starts = matching.filter((zone) => (zone.split('/').at(-1) ?? '').toLowerCase().startsWith(wanted));
  return [...new Set([...abbreviation, ...starts, ...matching])].slice(0, limit);
}

/**
 * Accepts IANA names (`Asia/Tokyo`, `UTC`); refuses offsets, abbreviations and bare city names with
 * suggestions of the right names. `now` picks the offset used to suggest zones for `+09:00`.
 */
export function checkTimeZone(input: string, now: number): TimeZoneCheck {
  const name = input.trim();
  const shown = name.replace(/[`\\]/g, "'").slice(0, 60);
  if (name === '') return { kind: 'invalid', reason: 'The time zone is empty.', suggestions: [] };
  const offset = offsetLike.exec(name);
  if (offset) {
    const sign = offset[1] === '+' ? 1 : -1;
    const offsetMs = sign * (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * minuteMs;
    return {
      kind: 'invalid',
      reason: `\`${shown}\` is an offset from UTC, not a time zone: offsets change with daylight saving time, so the quiz would drift by an hour. Use the name of a place.`,
      suggestions: zonesWithOffset(offsetMs, now),
    };
  }
  const lower = name.toLowerCase();
  if (lower === 'utc' || lower === 'etc/utc' || lower === 'gmt' || lower === 'etc/gmt')
    return { kind: 'valid', timeZone: 'UTC' };
  const abbreviation = abbreviations[lower.replace(/\d.*$/, '')];
  if (!name.includes('/')) {
    const suggestions = abbreviation ? [...abbreviation] : zonesNamed(name);
    return {
      kind: 'invalid',
      reason: abbreviation
        ? `\`${shown}\` is an abbreviation, not a time zone name: abbreviations are ambiguous and do not follow daylight saving time.`
        : `\`${shown}\` is not a time zone name. Time zones are named Area/City, e.g. \`Asia/Tokyo\` or \`America/New_York\`.`,
      suggestions,
    };
  }
  const resolved = resolvedZone(name);
  if (!resolved) {
    const city = name.split('/').at(-1) ?? name;
    return {
      kind: 'invalid',
      reason: `\`${shown}\` is not a time zone I know.`,
      suggestions: zonesNamed(city),
    };
  }
  const listed = knownTimeZones().find((zone) => zone.toLowerCase() === lower);
  if (listed) return { kind: 'valid', timeZone: listed };
  if (name.split('/').every((part) => /^[A-Z]/.test(part))) return { kind: 'valid', timeZone: name };
  return { kind: 'valid', timeZone: resolved };
}

const validity = new Map<string, boolean>();

/** True when `timeZone` is accepted by {@link checkTimeZone} as written; validates stored configuration. */
export function isValidTimeZone(timeZone: string): boolean {
  let valid = validity.get(timeZone);
  if (valid === undefined) {
    const check = checkTimeZone(timeZone, 0);
    valid = check.kind === 'valid' && check.timeZone === timeZone;
    if (validity.size >= 1_000) validity.clear();
    validity.set(timeZone, valid);
  }
  return valid;
}
