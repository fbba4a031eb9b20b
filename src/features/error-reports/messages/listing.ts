import type { StoredErrorReport } from '../core/types.js';

/** A report as `npm run content:reports -- --json` prints it. */
export interface ReportRecord {
  id: number;
  storyId: string;
  itemIds: readonly string[];
  view: string;
  guildId: string | null;
  channelId: string | null;
  memberId: string;
  text: string;
  link: string | null;
  createdAt: string;
  modLog: { messageId: string | null; failure: string | null };
}

export function toReportRecord(report: StoredErrorReport): ReportRecord {
  return {
    id: report.id,
    storyId: report.storyId,
    itemIds: report.itemIds,
    view: report.view,
    guildId: report.guildId,
    channelId: report.channelId,
    memberId: report.memberId,
    text: report.text,
    link: report.link,
    createdAt: new Date(report.createdAt).toISOString(),
    modLog: { messageId: report.modLogMessageId, failure: report.modLogFailure },
  };
}

/** `2026-11-26 12:00 UTC` */
function when(milliseconds: number): string {
  return `${new Date(milliseconds).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function modLogState(report: StoredErrorReport): string {
  if (report.modLogMessageId !== null) return 'posted to the mod log';
  if (report.modLogFailure !== null) return `not posted to a mod log: ${report.modLogFailure}`;
  return 'not posted to a mod log';
}

function reportLines(report: StoredErrorReport): string[] {
  const items = report.itemIds.length === 0 ? 'the story as a whole' : `items ${report.itemIds.join(', ')}`;
  const place =
    report.guildId === null
      ? 'in a direct message'
      : `in server ${report.guildId}${report.channelId === null ? '' : `, channel ${report.channelId}`}`;
  return [
    `#${report.id}  ${when(report.createdAt)}  ${report.storyId} (${report.view}): ${items}`,
    `  from member ${report.memberId} ${place}; ${modLogState(report)}`,
    `  What is wrong: ${report.text}`,
    ...(report.link === null ? [] : [`  Source: ${report.link}`]),
  ];
}

/** The listing for pack authors, newest first, with a count line. */
export function formatReportListing(reports: readonly StoredErrorReport[], databasePath: string): string {
  if (reports.length === 0) return `No error reports in ${databasePath}.`;
  const stories = new Set(reports.map((report) => report.storyId)).size;
  const heading = `${reports.length} error ${reports.length === 1 ? 'report' : 'reports'} on ${stories} ${stories === 1 ? 'story' : 'stories'} in ${databasePath}, newest first:`;
  return [heading, ...reports.flatMap((report) => ['', ...reportLines(report)])].join('\n');
}
