import type { Database } from 'better-sqlite3';
import type { CreditTally } from '../core/summary.js';

export type ModerationAction =
  | 'debate-started'
  | 'debate-closed'
  | 'debate-reopened'
  | 'debate-extended'
  | 'slowmode'
  | 'lock'
  | 'unlock'
  | 'warning'
  | 'escalation'
  | 'report'
  | 'fault';

/** One moderation event, stored before it is posted to the mod log. */
export interface ModerationEntry {
  guildId: string;
  debateId: number | null;
  action: ModerationAction;
  actorId: string | null;
  targetId: string | null;
  channelId: string | null;
  messageId: string | null;
  detail: string | null;
  createdAt: number;
}

export interface StoredModerationEntry extends ModerationEntry {
  id: number;
  postedMessageId: string | null;
  postFailure: string | null;
}

export interface NewWarning {
  debateId: number;
  guildId: string;
  userId: string;
  moderatorId: string;
  reason: string;
  createdAt: number;
}

export interface NewReport {
  guildId: string;
  channelId: string;
  messageId: string;
  authorId: string;
  reporterId: string;
  debateId: number | null;
  reason: string;
  createdAt: number;
}

export interface NewCredit {
  debateId: number;
  guildId: string;
  messageId: string;
  authorId: string;
  creditorId: string;
  explanation: string;
  createdAt: number;
}

export interface MemberDebateStats {
  debates: number;
  messages: number;
  creditsReceived: number;
  creditsGiven: number;
  warnings: number;
}

export interface ModerationRepository {
  /** Stores a warning; returns its id and the member's warnings in that debate, this one included. */
  addWarning(warning: NewWarning): { id: number; count: number };
  recordEscalation(warningId: number, outcome: string): void;
  countWarnings(debateId: number): number;
  hasReported(messageId: string, reporterId: string): boolean;
  /** Stores a report once per member and message. */
  addReport(report: NewReport): 'recorded' | 'duplicate';
  countReports(debateId: number): number;
  hasCredited(messageId: string, creditorId: string): boolean;
  /** Stores a credit once per member and message. */
  addCredit(credit: NewCredit): 'recorded' | 'duplicate';
  listCreditTallies(debateId: number): CreditTally[];
  memberStats(guildId: string, userId: string): MemberDebateStats;
  /** Members whose messages were credited most in the server. */
  topCreditedMembers(guildId: string, limit: number): Array<{ userId: string; credits: number }>;
  log(entry: ModerationEntry): number;
  markPosted(entryId: number, messageId: string): void;
  markPostFailed(entryId: number, failure: string): void;
  listLog(guildId: string, limit: number): StoredModerationEntry[];
  /** True the first time for this member in this server: tell them once where to set a mod log. */
  claimModLogHint(guildId: string, userId: string, now: number): boolean;
}

interface LogRow {
  id: number;
  guild_id: string;
  debate_id: number | null;
  action: ModerationAction;
  actor_id: string | null;
  target_id: string | null;
  channel_id: string | null;
  message_id: string | null;
  detail: string | null;
  created_at: number;
  posted_message_id: string | null;
  post_failure: string | null;
}

export function createModerationRepository(db: Database): ModerationRepository {
  const insertWarning = db.prepare<[NewWarning]>(
    `INSERT INTO debate_warnings (debate_id, guild_id, user_id, moderator_id, reason, created_at)
     VALUES (@debateId, @guildId, @userId, @moderatorId, @reason, @createdAt)`,
  );
  const countMemberWarnings = db.prepare<[number, string], { count: number }>(
    'SELECT COUNT(*) AS count FROM debate_warnings WHERE debate_id = ? AND user_id = ?',
  );
  const updateEscalation = db.prepare<[string, number]>(
    'UPDATE debate_warnings SET escalation = ? WHERE id = ?',
  );
  const countDebateWarnings = db.prepare<[number], { count: number }>(
    'SELECT COUNT(*) AS count FROM debate_warnings WHERE debate_id = ?',
  );
  const selectReport = db.prepare<[string, string], { found: number }>(
    'SELECT 1 AS found FROM message_reports WHERE message_id = ? AND reporter_id = ?',
  );
  const insertReport = db.prepare<[NewReport]>(
    `INSERT INTO message_reports (guild_id, channel_id, message_id, author_id, reporter_id, debate_id, reason, created_at)
     VALUES (@guildId, @channelId, @messageId, @authorId, @reporterId, @debateId, @reason, @createdAt)
     ON CONFLICT (message_id, reporter_id) DO NOTHING`,
  );
  const countDebateReports = db.prepare<[number], { count: number }>(
    'SELECT COUNT(*) AS count FROM message_reports WHERE debate_id = ?',
  );
  const selectCredit = db.prepare<[string, string], { found: number }>(
    'SELECT 1 AS found FROM debate_credits WHERE message_id = ? AND creditor_id = ?',
  );
  const insertCredit = db.prepare<[NewCredit]>(
    `INSERT INTO debate_credits (debate_id, guild_id, message_id, author_id, creditor_id, explanation, created_at)
     VALUES (@debateId, @guildId, @messageId, @authorId, @creditorId, @explanation, @createdAt)
     ON CONFLICT (message_id, creditor_id) DO NOTHING`,
  );
  const selectCreditTallies = db.prepare<
    [number],
    { message_id: string; author_id: string; credits: number }
  >(
    `SELECT message_id, author_id, COUNT(*) AS credits FROM debate_credits WHERE debate_id = ?
     GROUP BY message_id, author_id ORDER BY credits DESC, message_id`,
  );
  const selectMemberStats = db.prepare<[{ guildId: string; userId: string }], MemberDebateStats>(
    `SELECT
       (SELECT COUNT(*) FROM (
          SELECT debate_stances.debate_id FROM debate_stances JOIN debates ON debates.id = debate_stances.debate_id
          WHERE debates.guild_id = @guildId AND debate_stances.user_id = @userId
          UNION
          SELECT debate_messages.debate_id FROM debate_messages JOIN debates ON debates.id = debate_messages.debate_id
          WHERE debates.guild_id = @guildId AND debate_messages.user_id = @userId)) AS debates,
       (SELECT COALESCE(SUM(messages), 0) FROM debate_messages JOIN debates ON debates.id = debate_messages.debate_id
          WHERE debates.guild_id = @guildId AND debate_messages.user_id = @userId) AS messages,
       (SELECT COUNT(*) FROM debate_credits WHERE guild_id = @guildId AND author_id = @userId) AS creditsReceived,
       (SELECT COUNT(*) FROM debate_credits WHERE guild_id = @guildId AND creditor_id = @userId) AS creditsGiven,
       (SELECT COUNT(*) FROM debate_warnings WHERE guild_id = @guildId AND user_id = @userId) AS warnings`,
  );
  const selectTopCredited = db.prepare<[string, number], { author_id: string; credits: number }>(
    `SELECT author_id, COUNT(*) AS credits FROM debate_credits WHERE guild_id = ?
     GROUP BY author_id ORDER BY credits DESC, author_id LIMIT ?`,
  );
  const insertLog = db.prepare<[ModerationEntry]>(
    `INSERT INTO moderation_log (guild_id, debate_id, action, actor_id, target_id, channel_id, message_id, detail, created_at)
     VALUES (@guildId, @debateId, @action, @actorId, @targetId, @channelId, @messageId, @detail, @createdAt)`,
  );
  const updatePosted = db.prepare<[string, number]>(
    'UPDATE moderation_log SET posted_message_id = ?, post_failure = NULL WHERE id = ?',
  );
  const updatePostFailure = db.prepare<[string, number]>(
    'UPDATE moderation_log SET post_failure = ? WHERE id = ?',
  );
  const selectLog = db.prepare<[string, number], LogRow>(
    'SELECT * FROM moderation_log WHERE guild_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  const insertHint = db.prepare<[string, string, number]>(
    'INSERT INTO moderation_log_hints (guild_id, user_id, shown_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );

  const addWarning = db.transaction((warning: NewWarning) => {
    const id = Number(insertWarning.run(warning).lastInsertRowid);
    const count = countMemberWarnings.get(warning.debateId, warning.userId)?.count ?? 1;
    return { id, count };
  });

  return {
    addWarning: (warning) => addWarning.immediate(warning),
    recordEscalation(warningId, outcome) {
      updateEscalation.run(outcome, warningId);
    },
    countWarnings: (debateId) => countDebateWarnings.get(debateId)?.count ?? 0,
    hasReported: (messageId, reporterId) => selectReport.get(messageId, reporterId) !== undefined,
    addReport: (report) => (insertReport.run(report).changes === 1 ? 'recorded' : 'duplicate'),
    countReports: (debateId) => countDebateReports.get(debateId)?.count ?? 0,
    hasCredited: (messageId, creditorId) => selectCredit.get(messageId, creditorId) !== undefined,
    addCredit: (credit) => (insertCredit.run(credit).changes === 1 ? 'recorded' : 'duplicate'),
    listCreditTallies: (debateId) =>
      selectCreditTallies
        .all(debateId)
        .map((row) => ({ messageId: row.message_id, authorId: row.author_id, credits: row.credits })),
    memberStats: (guildId, userId) =>
      selectMemberStats.get({ guildId, userId }) ?? {
        debates: 0,
        messages: 0,
        creditsReceived: 0,
        creditsGiven: 0,
        warnings: 0,
      },
    topCreditedMembers: (guildId, limit) =>
      selectTopCredited.all(guildId, limit).map((row) => ({ userId: row.author_id, credits: row.credits })),
    log: (entry) => Number(insertLog.run(entry).lastInsertRowid),
    markPosted(entryId, messageId) {
      updatePosted.run(messageId, entryId);
    },
    markPostFailed(entryId, failure) {
      updatePostFailure.run(failure, entryId);
    },
    listLog: (guildId, limit) =>
      selectLog.all(guildId, limit).map((row) => ({
        id: row.id,
        guildId: row.guild_id,
        debateId: row.debate_id,
        action: row.action,
        actorId: row.actor_id,
        targetId: row.target_id,
        channelId: row.channel_id,
        messageId: row.message_id,
        detail: row.detail,
        createdAt: row.created_at,
        postedMessageId: row.posted_message_id,
        postFailure: row.post_failure,
      })),
    claimModLogHint: (guildId, userId, now) => insertHint.run(guildId, userId, now).changes === 1,
  };
}
