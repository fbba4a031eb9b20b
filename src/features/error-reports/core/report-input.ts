import { cleanText } from '../../../platform/text.js';

/** How long what is wrong may be, in characters: the modal enforces it and the submit checks it again. */
export const reportTextLimits = { min: 10, max: 1000 } as const;

/** The longest source link taken. */
export const reportLinkMax = 500;

/** At most this many reports by one member within the window; more are refused and not stored. */
export const reportRateLimit = { reports: 3, windowMs: 10 * 60_000 } as const;

export type RateLimit = { readonly reports: number; readonly windowMs: number };

export type ReportTextCheck =
  | { kind: 'ok'; text: string }
  | { kind: 'too-short' }
  | { kind: 'too-long'; length: number };

/**
 * What is wrong, as typed: at most 1000 characters as sent, and at least 10 once control, invisible
 * and repeated space characters are removed. The cleaned text is what is kept.
 */
export function checkReportText(raw: string | undefined): ReportTextCheck {
  const typed = raw ?? '';
  if (typed.length > reportTextLimits.max) return { kind: 'too-long', length: typed.length };
  const text = cleanText(typed);
  if (text.length < reportTextLimits.min) return { kind: 'too-short' };
  if (text.length > reportTextLimits.max) return { kind: 'too-long', length: text.length };
  return { kind: 'ok', text };
}

export type ReportLinkCheck =
  | { kind: 'none' }
  | { kind: 'ok'; url: string }
  | { kind: 'invalid'; problem: 'too-long' | 'not-a-web-address' | 'credentials' };

/**
 * The optional source link: empty is none; otherwise one http(s) address naming a site, without a user
 * name or password in it (`https://bbc.co.uk@example.com` leads somewhere else than it reads).
 */
export function checkReportLink(raw: string | undefined): ReportLinkCheck {
  const typed = (raw ?? '').trim();
  if (typed === '') return { kind: 'none' };
  if (typed.length > reportLinkMax) return { kind: 'invalid', problem: 'too-long' };
  if (/[\s\p{Cc}\p{Cf}]/u.test(typed) || !/^https?:\/\//i.test(typed))
    return { kind: 'invalid', problem: 'not-a-web-address' };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { kind: 'invalid', problem: 'not-a-web-address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { kind: 'invalid', problem: 'not-a-web-address' };
  if (!url.hostname.includes('.') || url.hostname.endsWith('.'))
    return { kind: 'invalid', problem: 'not-a-web-address' };
  if (url.username !== '' || url.password !== '') return { kind: 'invalid', problem: 'credentials' };
  if (url.href.length > reportLinkMax) return { kind: 'invalid', problem: 'too-long' };
  return { kind: 'ok', url: url.href };
}

export type RateDecision = { kind: 'allowed' } | { kind: 'limited'; retryAt: number };

/**
 * Whether a member may send another report at `now`, given when they sent their reports of the last
 * window: refused at the limit, until the oldest of those leaves the window.
 */
export function decideRate(
  recentTimes: readonly number[],
  now: number,
  limit: RateLimit = reportRateLimit,
): RateDecision {
  const inWindow = recentTimes.filter((time) => time > now - limit.windowMs).sort((a, b) => a - b);
  if (inWindow.length < limit.reports) return { kind: 'allowed' };
  const freedBy = inWindow[inWindow.length - limit.reports] ?? now;
  return { kind: 'limited', retryAt: freedBy + limit.windowMs };
}
