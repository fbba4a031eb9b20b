import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { decideRate, type RateLimit, reportRateLimit } from '../core/report-input.js';
import { type NewErrorReport, reportViews, type StoredErrorReport } from '../core/types.js';

export type AddOutcome = { kind: 'stored'; id: number } | { kind: 'limited'; retryAt: number };

export interface ListFilter {
  /** Only the reports about this story. */
  readonly storyId?: string;
}

export interface ErrorReportRepository {
  /**
   * Stores the report unless its member has already sent `limit.reports` within the window: the count
   * and the insert are one transaction, so two submits at once cannot both pass the limit.
   */
  addWithinLimit(report: NewErrorReport, limit?: RateLimit): AddOutcome;
  /** When the member's reports since `since` were sent, oldest first. */
  recentTimes(memberId: string, since: number): number[];
  markPosted(id: number, messageId: string): void;
  markPostFailed(id: number, reason: string): void;
  /** Every report, newest first. */
  list(filter?: ListFilter): StoredErrorReport[];
}

interface ReportRow {
  id: number;
  story_id: string;
  item_ids: string;
  view: string;
  guild_id: string | null;
  channel_id: string | null;
  member_id: string;
  text: string;
  link: string | null;
  created_at: number;
  mod_log_message_id: string | null;
  mod_log_failure: string | null;
}

const itemIdsSchema = z.array(z.string());
const viewSchema = z.enum(reportViews);

function itemIdsOf(json: string): string[] {
  try {
    const parsed = itemIdsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function toReport(row: ReportRow): StoredErrorReport {
  const view = viewSchema.safeParse(row.view);
  return {
    id: row.id,
    storyId: row.story_id,
    itemIds: itemIdsOf(row.item_ids),
    view: view.success ? view.data : 'summary',
    guildId: row.guild_id,
    channelId: row.channel_id,
    memberId: row.member_id,
    text: row.text,
    link: row.link,
    createdAt: row.created_at,
    modLogMessageId: row.mod_log_message_id,
    modLogFailure: row.mod_log_failure,
  };
}

/** Reports of mistakes in the story packs, over prepared statements on `db`. */
export function createErrorReportRepository(db: Database): ErrorReportRepository {
  const insert = db.prepare<
    [string, string, string, string | null, string | null, string, string, string | null, number]
  >(
    `INSERT INTO error_reports
       (story_id, item_ids, view, guild_id, channel_id, member_id, text, link, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectTimes = db.prepare<[string, number], { created_at: number }>(
    'SELECT created_at FROM error_reports WHERE member_id = ? AND created_at > ? ORDER BY created_at',
  );
  const setPosted = db.prepare<[string, number]>(
    'UPDATE error_reports SET mod_log_message_id = ?, mod_log_failure = NULL WHERE id = ?',
  );
  const setFailure = db.prepare<[string, number]>(
    'UPDATE error_reports SET mod_log_failure = ? WHERE id = ?',
  );
  const selectAll = db.prepare<[], ReportRow>(
    'SELECT * FROM error_reports ORDER BY created_at DESC, id DESC',
  );
  const selectStory = db.prepare<[string], ReportRow>(
    'SELECT * FROM error_reports WHERE story_id = ? ORDER BY created_at DESC, id DESC',
  );

  function recentTimes(memberId: string, since: number): number[] {
    return selectTimes.all(memberId, since).map((row) => row.created_at);
  }

  const addWithinLimit = db.transaction((report: NewErrorReport, limit: RateLimit): AddOutcome => {
    const decision = decideRate(
      recentTimes(report.memberId, report.createdAt - limit.windowMs),
      report.createdAt,
      limit,
    );
    if (decision.kind === 'limited') return decision;
    const result = insert.run(
      report.storyId,
      JSON.stringify(report.itemIds),
      report.view,
      report.guildId,
      report.channelId,
      report.memberId,
      report.text,
      report.link,
      report.createdAt,
    );
    return { kind: 'stored', id: Number(result.lastInsertRowid) };
  });

  return {
    addWithinLimit: (report, limit = reportRateLimit) => addWithinLimit.immediate(report, limit),
    recentTimes,
    markPosted: (id, messageId) => void setPosted.run(messageId, id),
    markPostFailed: (id, reason) => void setFailure.run(reason.slice(0, 500), id),
    list: (filter = {}) =>
      (filter.storyId === undefined ? selectAll.all() : selectStory.all(filter.storyId)).map(toReport),
  };
}
