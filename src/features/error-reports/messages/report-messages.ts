import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import type { ReportLinkCheck, ReportTextCheck } from '../core/report-input.js';
import { type RateLimit, reportLinkMax, reportRateLimit, reportTextLimits } from '../core/report-input.js';

/** What the form asks, kept short enough for Discord's modal labels (45) and descriptions (100). */
export const reportFormText = {
  title: 'Report an error',
  whatLabel: 'What is wrong?',
  whatDescription:
    'Say what is wrong and, if you know it, what is right. The story’s authors read every report.',
  linkLabel: 'A source that shows it (optional)',
  linkDescription: 'A web address starting with https://',
} as const;

function minutes(milliseconds: number): string {
  const count = Math.round(milliseconds / 60_000);
  return count === 1 ? 'minute' : `${count} minutes`;
}

/** The refusal at the limit: plain, with when the member may send another. */
export function rateLimitedMessage(retryAt: number, limit: RateLimit = reportRateLimit): string {
  return `You have sent ${limit.reports} error reports in the last ${minutes(limit.windowMs)}, the most Roundtable takes from one member. This one was not saved; you can send another ${discordTimestamp(retryAt, 'R')}.`;
}

export function textRefusal(check: Exclude<ReportTextCheck, { kind: 'ok' }>): string {
  if (check.kind === 'too-short')
    return `Say in at least ${reportTextLimits.min} characters what is wrong, so that the authors can check it. Nothing was saved.`;
  return `Keep the report to ${reportTextLimits.max} characters (this one has ${check.length}). Nothing was saved.`;
}

export function linkRefusal(check: Extract<ReportLinkCheck, { kind: 'invalid' }>): string {
  if (check.problem === 'too-long')
    return `The source link can have at most ${reportLinkMax} characters. Nothing was saved.`;
  if (check.problem === 'credentials')
    return 'The source link must not contain a user name or password. Give the plain address of the page. Nothing was saved.';
  return 'The source link must be a web address starting with https:// (or http://), such as https://www.example.org/article. Leave it empty if you have none. Nothing was saved.';
}

/** The private thanks once the report is stored. */
export function acknowledgement(storyTitle: string, postedToModLog: boolean): string {
  const moderators = postedToModLog ? ' It is also in this server’s mod log for the moderators.' : '';
  return `Thank you. Your report on “${storyTitle}” is saved for the story’s authors, who check every report.${moderators}`;
}
