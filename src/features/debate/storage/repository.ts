import type { Database } from 'better-sqlite3';
import { rescheduleRounds, type ScheduledRound } from '../core/rounds.js';
import { classifyStanceClick, type StanceClick, type StanceRecord } from '../core/stances.js';
import type { MessageStance, MessageTally } from '../core/summary.js';
import type { DebateFormat, Stance, ThreadModeration } from '../core/types.js';
import { type DebateRecord, type DebateRow, toRecord } from './debate-record.js';

export type { DebateRecord } from './debate-record.js';

export interface NewDebate {
  guildId: string;
  parentChannelId: string;
  threadId: string;
  motion: string;
  promptId: string | null;
  storyId: string | null;
  format: DebateFormat;
  startedBy: string;
  startedAt: number;
  closesAt: number;
  debateSlowmode: number;
  original: ThreadModeration;
  rounds: ReadonlyArray<{ number: number; name: string; startsAt: number }>;
}

export type FinishStep = 'restored' | 'card-closed' | 'thread-summary' | 'parent-summary';

export interface DebateRepository {
  create(debate: NewDebate): DebateRecord;
  get(id: number): DebateRecord | undefined;
  findByThread(threadId: string): DebateRecord | undefined;
  setCardMessage(id: number, messageId: string): void;
  /** Open debates whose closing time has come. */
  listDueToClose(now: number): DebateRecord[];
  /** Closed debates with restore or summary work still to do. */
  listUnfinished(): DebateRecord[];
  listOpen(guildId: string): DebateRecord[];
  /** The threads of all open debates, in every server. */
  listOpenThreadIds(): string[];
  listFaulted(guildId: string, limit: number): DebateRecord[];
  countByGuild(guildId: string): { total: number; open: number };
  /** Marks an open debate closed; false when it was already closed. */
  close(id: number, closure: { closedAt: number; closedBy: string | null; reason: string | null }): boolean;
  markFinished(id: number, step: FinishStep, at: number): void;
  /** Opens a closed debate again until `closesAt`; finishing work starts over. False when it was open. */
  reopen(id: number, change: { closesAt: number; original: ThreadModeration }): boolean;
  /** Moves the close; unannounced rounds keep their share of the remaining time. */
  extend(id: number, closesAt: number, now: number): DebateRecord | undefined;
  recordApplied(id: number, applied: Partial<ThreadModeration> & { debateSlowmode?: number }): void;
  /** Records why Discord refused work on the debate; true when this is its first fault. */
  markFault(id: number, fault: string, at: number): boolean;
  clearFault(id: number): void;

  listRounds(debateId: number): ScheduledRound[];
  /** Open `rounds` debates with a round whose start has come and that is not yet announced. */
  listWithRoundsDue(now: number): DebateRecord[];
  markRoundsAnnounced(debateId: number, numbers: readonly number[], at: number): void;

  getStance(debateId: number, userId: string): StanceRecord | undefined;
  /** Records a stance click atomically and says what it did. */
  recordStance(debateId: number, userId: string, choice: Stance, now: number): StanceClick;
  listStances(debateId: number): Array<StanceRecord & { userId: string }>;

  /** Counts one message by `userId` in `threadId` if it holds an open debate; true when counted. */
  countMessage(threadId: string, userId: string): boolean;
  listMessageTallies(debateId: number): MessageTally[];
}

const finishColumns: Record<FinishStep, string> = {
  restored: 'restored_at',
  'card-closed': 'card_closed_at',
  'thread-summary': 'thread_summary_at',
  'parent-summary': 'parent_summary_at',
};

export function createDebateRepository(db: Database): DebateRepository {
  const insertDebate = db.prepare(
    `INSERT INTO debates (guild_id, parent_channel_id, thread_id, motion, prompt_id, story_id, format, status,
       started_by, started_at, duration_ms, closes_at, debate_slowmode, original_slowmode, original_locked,
       applied_slowmode, applied_locked)
     VALUES (@guildId, @parentChannelId, @threadId, @motion, @promptId, @storyId, @format, 'open',
       @startedBy, @startedAt, @durationMs, @closesAt, @debateSlowmode, @originalSlowmode, @originalLocked,
       @originalSlowmode, @originalLocked)`,
  );
  const insertRound = db.prepare<[number, number, string, number]>(
    'INSERT INTO debate_rounds (debate_id, number, name, starts_at) VALUES (?, ?, ?, ?)',
  );
  const selectById = db.prepare<[number], DebateRow>('SELECT * FROM debates WHERE id = ?');
  const selectByThread = db.prepare<[string], DebateRow>('SELECT * FROM debates WHERE thread_id = ?');
  const updateCard = db.prepare<[string, number]>('UPDATE debates SET card_message_id = ? WHERE id = ?');
  const selectDue = db.prepare<[number], DebateRow>(
    "SELECT * FROM debates WHERE status = 'open' AND closes_at <= ? ORDER BY closes_at, id",
  );
  const selectUnfinished = db.prepare<[], DebateRow>(
    `SELECT * FROM debates WHERE status = 'closed' AND (restored_at IS NULL OR card_closed_at IS NULL
       OR thread_summary_at IS NULL OR parent_summary_at IS NULL) ORDER BY closed_at, id`,
  );
  const selectOpenInGuild = db.prepare<[string], DebateRow>(
    "SELECT * FROM debates WHERE guild_id = ? AND status = 'open' ORDER BY closes_at, id",
  );
  const selectOpenThreadIds = db.prepare<[], { thread_id: string }>(
    "SELECT thread_id FROM debates WHERE status = 'open'",
  );
  const selectFaulted = db.prepare<[string, number], DebateRow>(
    'SELECT * FROM debates WHERE guild_id = ? AND fault IS NOT NULL ORDER BY fault_at DESC, id DESC LIMIT ?',
  );
  const countGuild = db.prepare<[string], { total: number; open: number }>(
    "SELECT COUNT(*) AS total, COALESCE(SUM(status = 'open'), 0) AS open FROM debates WHERE guild_id = ?",
  );
  const updateClose = db.prepare<[number, string | null, string | null, number]>(
    "UPDATE debates SET status = 'closed', closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ? AND status = 'open'",
  );
  const finishStatements = new Map(
    Object.entries(finishColumns).map(([step, column]) => [
      step as FinishStep,
      db.prepare<[number, number]>(`UPDATE debates SET ${column} = COALESCE(${column}, ?) WHERE id = ?`),
    ]),
  );
  const updateReopen = db.prepare(
    `UPDATE debates SET status = 'open', closes_at = @closesAt, closed_at = NULL, closed_by = NULL,
       close_reason = NULL, original_slowmode = @originalSlowmode, original_locked = @originalLocked,
       applied_slowmode = @originalSlowmode, applied_locked = @originalLocked, restored_at = NULL,
       card_closed_at = NULL, thread_summary_at = NULL, parent_summary_at = NULL, fault = NULL, fault_at = NULL
     WHERE id = @id AND status = 'closed'`,
  );
  const updateCloseTime = db.prepare<[number, number]>(
    "UPDATE debates SET closes_at = ? WHERE id = ? AND status = 'open'",
  );
  const updateRoundStart = db.prepare<[number, number, number]>(
    'UPDATE debate_rounds SET starts_at = ? WHERE debate_id = ? AND number = ? AND announced_at IS NULL',
  );
  const updateAppliedSlowmode = db.prepare<[number, number]>(
    'UPDATE debates SET applied_slowmode = ? WHERE id = ?',
  );
  const updateAppliedLocked = db.prepare<[number, number]>(
    'UPDATE debates SET applied_locked = ? WHERE id = ?',
  );
  const updateDebateSlowmode = db.prepare<[number, number]>(
    'UPDATE debates SET debate_slowmode = ? WHERE id = ?',
  );
  const updateFault = db.prepare<[string, number, number]>(
    'UPDATE debates SET fault = ?, fault_at = ? WHERE id = ? AND fault IS NULL',
  );
  const updateClearFault = db.prepare<[number]>(
    'UPDATE debates SET fault = NULL, fault_at = NULL WHERE id = ?',
  );
  const selectRounds = db.prepare<
    [number],
    { number: number; name: string; starts_at: number; announced_at: number | null }
  >('SELECT number, name, starts_at, announced_at FROM debate_rounds WHERE debate_id = ? ORDER BY number');
  const selectWithRoundsDue = db.prepare<[number], DebateRow>(
    `SELECT * FROM debates WHERE status = 'open' AND format = 'rounds' AND id IN (
       SELECT debate_id FROM debate_rounds WHERE announced_at IS NULL AND starts_at <= ?) ORDER BY id`,
  );
  const updateRoundAnnounced = db.prepare<[number, number, number]>(
    'UPDATE debate_rounds SET announced_at = COALESCE(announced_at, ?) WHERE debate_id = ? AND number = ?',
  );
  const selectStance = db.prepare<[number, string], { opening: Stance; current: Stance }>(
    'SELECT opening, current FROM debate_stances WHERE debate_id = ? AND user_id = ?',
  );
  const insertStance = db.prepare<[number, string, Stance, Stance, number, number]>(
    `INSERT INTO debate_stances (debate_id, user_id, opening, current, opened_at, changed_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const updateStance = db.prepare<[Stance, number, number, string]>(
    'UPDATE debate_stances SET current = ?, changed_at = ? WHERE debate_id = ? AND user_id = ?',
  );
  const selectStances = db.prepare<[number], { user_id: string; opening: Stance; current: Stance }>(
    'SELECT user_id, opening, current FROM debate_stances WHERE debate_id = ? ORDER BY opened_at, user_id',
  );
  const upsertMessage = db.prepare<[{ userId: string; threadId: string }]>(
    `INSERT INTO debate_messages (debate_id, user_id, stance, messages)
     SELECT debates.id, @userId, COALESCE(debate_stances.current, 'none'), 1
     FROM debates LEFT JOIN debate_stances
       ON debate_stances.debate_id = debates.id AND debate_stances.user_id = @userId
     WHERE debates.thread_id = @threadId AND debates.status = 'open'
     ON CONFLICT (debate_id, user_id, stance) DO UPDATE SET messages = messages + 1`,
  );
  const selectTallies = db.prepare<[number], { user_id: string; stance: MessageStance; messages: number }>(
    'SELECT user_id, stance, messages FROM debate_messages WHERE debate_id = ? ORDER BY user_id, stance',
  );

  function get(id: number): DebateRecord | undefined {
    const row = selectById.get(id);
    return row ? toRecord(row) : undefined;
  }

  function listRounds(debateId: number): ScheduledRound[] {
    return selectRounds.all(debateId).map((row) => ({
      number: row.number,
      name: row.name,
      startsAt: row.starts_at,
      announcedAt: row.announced_at,
    }));
  }

  const create = db.transaction((debate: NewDebate): DebateRecord => {
    const result = insertDebate.run({
      guildId: debate.guildId,
      parentChannelId: debate.parentChannelId,
      threadId: debate.threadId,
      motion: debate.motion,
      promptId: debate.promptId,
      storyId: debate.storyId,
      format: debate.format,
      startedBy: debate.startedBy,
      startedAt: debate.startedAt,
      durationMs: debate.closesAt - debate.startedAt,
      closesAt: debate.closesAt,
      debateSlowmode: debate.debateSlowmode,
      originalSlowmode: debate.original.slowmodeSeconds,
      originalLocked: debate.original.locked ? 1 : 0,
    });
    const id = Number(result.lastInsertRowid);
    for (const round of debate.rounds) insertRound.run(id, round.number, round.name, round.startsAt);
    return get(id)!;
  });

  const extend = db.transaction((id: number, closesAt: number, now: number): DebateRecord | undefined => {
    const debate = get(id);
    if (debate?.status !== 'open') return undefined;
    updateCloseTime.run(closesAt, id);
    for (const round of rescheduleRounds(listRounds(id), now, debate.closesAt, closesAt)) {
      updateRoundStart.run(round.startsAt, id, round.number);
    }
    return get(id);
  });

  const recordStance = db.transaction(
    (debateId: number, userId: string, choice: Stance, now: number): StanceClick => {
      const existing = selectStance.get(debateId, userId);
      const click = classifyStanceClick(existing, choice);
      if (click.kind === 'opening') insertStance.run(debateId, userId, choice, choice, now, now);
      else if (click.kind === 'changed') updateStance.run(choice, now, debateId, userId);
      return click;
    },
  );

  const markRoundsAnnounced = db.transaction((debateId: number, numbers: readonly number[], at: number) => {
    for (const number of numbers) updateRoundAnnounced.run(at, debateId, number);
  });

  const recordApplied = db.transaction(
    (id: number, applied: Partial<ThreadModeration> & { debateSlowmode?: number }) => {
      if (applied.slowmodeSeconds !== undefined) updateAppliedSlowmode.run(applied.slowmodeSeconds, id);
      if (applied.locked !== undefined) updateAppliedLocked.run(applied.locked ? 1 : 0, id);
      if (applied.debateSlowmode !== undefined) updateDebateSlowmode.run(applied.debateSlowmode, id);
    },
  );

  return {
    create: (debate) => create.immediate(debate),
    get,
    findByThread(threadId) {
      const row = selectByThread.get(threadId);
      return row ? toRecord(row) : undefined;
    },
    setCardMessage(id, messageId) {
      updateCard.run(messageId, id);
    },
    listDueToClose: (now) => selectDue.all(now).map(toRecord),
    listUnfinished: () => selectUnfinished.all().map(toRecord),
    listOpen: (guildId) => selectOpenInGuild.all(guildId).map(toRecord),
    listOpenThreadIds: () => selectOpenThreadIds.all().map((row) => row.thread_id),
    listFaulted: (guildId, limit) => selectFaulted.all(guildId, limit).map(toRecord),
    countByGuild: (guildId) => countGuild.get(guildId) ?? { total: 0, open: 0 },
    close(id, closure) {
      return updateClose.run(closure.closedAt, closure.closedBy, closure.reason, id).changes === 1;
    },
    markFinished(id, step, at) {
      finishStatements.get(step)?.run(at, id);
    },
    reopen(id, change) {
      return (
        updateReopen.run({
          id,
          closesAt: change.closesAt,
          originalSlowmode: change.original.slowmodeSeconds,
          originalLocked: change.original.locked ? 1 : 0,
        }).changes === 1
      );
    },
    extend: (id, closesAt, now) => extend.immediate(id, closesAt, now),
    recordApplied: (id, applied) => recordApplied(id, applied),
    markFault(id, fault, at) {
      return updateFault.run(fault, at, id).changes === 1;
    },
    clearFault(id) {
      updateClearFault.run(id);
    },
    listRounds,
    listWithRoundsDue: (now) => selectWithRoundsDue.all(now).map(toRecord),
    markRoundsAnnounced: (debateId, numbers, at) => markRoundsAnnounced(debateId, numbers, at),
    getStance(debateId, userId) {
      return selectStance.get(debateId, userId);
    },
    recordStance: (debateId, userId, choice, now) => recordStance.immediate(debateId, userId, choice, now),
    listStances: (debateId) =>
      selectStances
        .all(debateId)
        .map((row) => ({ userId: row.user_id, opening: row.opening, current: row.current })),
    countMessage(threadId, userId) {
      return upsertMessage.run({ userId, threadId }).changes > 0;
    },
    listMessageTallies: (debateId) =>
      selectTallies
        .all(debateId)
        .map((row) => ({ userId: row.user_id, stance: row.stance, count: row.messages })),
  };
}
