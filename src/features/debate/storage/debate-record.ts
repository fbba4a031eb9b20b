import type { DebateFormat, DebateStatus, ThreadModeration } from '../core/types.js';

/** One debate as stored. Times are milliseconds since the epoch. */
export interface DebateRecord {
  id: number;
  guildId: string;
  parentChannelId: string;
  threadId: string;
  cardMessageId: string | null;
  motion: string;
  promptId: string | null;
  storyId: string | null;
  format: DebateFormat;
  status: DebateStatus;
  startedBy: string;
  startedAt: number;
  durationMs: number;
  closesAt: number;
  closedAt: number | null;
  /** `null` when the debate closed on its own at the closing time. */
  closedBy: string | null;
  closeReason: string | null;
  /** The slowmode the debate runs with. */
  debateSlowmode: number;
  /** The thread's state before the debate changed it: restored at the end. */
  original: ThreadModeration;
  /** What the bot last set: a different current value means a moderator changed it by hand. */
  applied: ThreadModeration;
  restoredAt: number | null;
  cardClosedAt: number | null;
  threadSummaryAt: number | null;
  parentSummaryAt: number | null;
  /** Why Discord refused work on this debate (permission removed, thread deleted). */
  fault: string | null;
  faultAt: number | null;
}

/** A row of the `debates` table. */
export interface DebateRow {
  id: number;
  guild_id: string;
  parent_channel_id: string;
  thread_id: string;
  card_message_id: string | null;
  motion: string;
  prompt_id: string | null;
  story_id: string | null;
  format: DebateFormat;
  status: DebateStatus;
  started_by: string;
  started_at: number;
  duration_ms: number;
  closes_at: number;
  closed_at: number | null;
  closed_by: string | null;
  close_reason: string | null;
  debate_slowmode: number;
  original_slowmode: number;
  original_locked: number;
  applied_slowmode: number;
  applied_locked: number;
  restored_at: number | null;
  card_closed_at: number | null;
  thread_summary_at: number | null;
  parent_summary_at: number | null;
  fault: string | null;
  fault_at: number | null;
}

/** A stored row as the rest of the feature sees it. */
export function toRecord(row: DebateRow): DebateRecord {
  return {
    id: row.id,
    guildId: row.guild_id,
    parentChannelId: row.parent_channel_id,
    threadId: row.thread_id,
    cardMessageId: row.card_message_id,
    motion: row.motion,
    promptId: row.prompt_id,
    storyId: row.story_id,
    format: row.format,
    status: row.status,
    startedBy: row.started_by,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    closeReason: row.close_reason,
    debateSlowmode: row.debate_slowmode,
    original: { slowmodeSeconds: row.original_slowmode, locked: row.original_locked === 1 },
    applied: { slowmodeSeconds: row.applied_slowmode, locked: row.applied_locked === 1 },
    restoredAt: row.restored_at,
    cardClosedAt: row.card_closed_at,
    threadSummaryAt: row.thread_summary_at,
    parentSummaryAt: row.parent_summary_at,
    fault: row.fault,
    faultAt: row.fault_at,
  };
}
