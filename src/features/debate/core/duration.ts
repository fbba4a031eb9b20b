const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export const minimumDebateDuration = 10 * minute;
export const maximumDebateDuration = 7 * day;
export const defaultDebateDuration = day;
export const maximumSlowmodeSeconds = 21_600;

const units: ReadonlyArray<[RegExp, number]> = [
  [/^(w|wk|wks|weeks?)$/, 7 * day],
  [/^(d|days?)$/, day],
  [/^(h|hr|hrs|hours?)$/, hour],
  [/^(m|min|mins|minutes?)$/, minute],
];

export type DurationParse = { kind: 'ok'; milliseconds: number } | { kind: 'invalid' };

/**
 * Reads a duration such as `90`, `90m`, `2h`, `1h30m`, `1d 12h` or `1.5 hours`.
 * A bare number is minutes.
 */
export function parseDuration(input: string): DurationParse {
  const text = input.trim().toLowerCase();
  if (text.length === 0 || text.length > 40) return { kind: 'invalid' };
  const token = /(\d+(?:\.\d+)?)\s*([a-z]*)\s*(?:,|and)?\s*/gy;
  let total = 0;
  let consumed = 0;
  let tokens = 0;
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    if (match[0].length === 0) break;
    const amount = Number(match[1]);
    const unitText = match[2] ?? '';
    const unit = unitText === '' ? minute : units.find(([pattern]) => pattern.test(unitText))?.[1];
    if (unit === undefined || !Number.isFinite(amount)) return { kind: 'invalid' };
    total += amount * unit;
    consumed = token.lastIndex;
    tokens += 1;
  }
  if (tokens === 0 || consumed !== text.length) return { kind: 'invalid' };
  return { kind: 'ok', milliseconds: Math.round(total / minute) * minute };
}

export type DebateDurationCheck =
  | { kind: 'ok'; milliseconds: number }
  | { kind: 'invalid' }
  | { kind: 'too-short'; minimum: number }
  | { kind: 'too-long'; maximum: number };

/** A debate runs from 10 minutes to 7 days. */
export function checkDebateDuration(input: string | null | undefined): DebateDurationCheck {
  if (input === null || input === undefined) return { kind: 'ok', milliseconds: defaultDebateDuration };
  const parsed = parseDuration(input);
  if (parsed.kind === 'invalid') return parsed;
  if (parsed.milliseconds < minimumDebateDuration)
    return { kind: 'too-short', minimum: minimumDebateDuration };
  if (parsed.milliseconds > maximumDebateDuration)
    return { kind: 'too-long', maximum: maximumDebateDuration };
  return parsed;
}

export type ExtensionCheck =
  | { kind: 'ok'; closesAt: number }
  | { kind: 'invalid' }
  | { kind: 'too-far'; latest: number };

/** Moves a closing time later; the new closing time may be at most 7 days from now. */
export function checkExtension(input: string, closesAt: number, now: number): ExtensionCheck {
  const parsed = parseDuration(input);
  if (parsed.kind === 'invalid' || parsed.milliseconds < minute) return { kind: 'invalid' };
  const next = Math.max(closesAt, now) + parsed.milliseconds;
  const latest = now + maximumDebateDuration;
  if (next > latest) return { kind: 'too-far', latest };
  return { kind: 'ok', closesAt: next };
}

/** `1 day 2 hours`, `45 minutes`, `7 days`. */
export function formatDuration(milliseconds: number): string {
  const totalMinutes = Math.max(0, Math.round(milliseconds / minute));
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

/** `30 seconds`, `2 minutes`, `1 hour 30 minutes`, `off`. */
export function formatSlowmode(seconds: number): string {
  if (seconds <= 0) return 'off';
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const rest = seconds % 60;
  const base = formatDuration(Math.floor(seconds / 60) * minute);
  return rest === 0 ? base : `${base} ${rest} ${rest === 1 ? 'second' : 'seconds'}`;
}
