import type { Database } from 'better-sqlite3';
import type { AnswerGate } from '../core/answer-rules.js';
import {
  parseRoundQuestion,
  type QuizRound,
  type ResultsState,
  type RoundQuestion,
  type RoundState,
} from '../core/round.js';
import type { LocalDate } from '../core/time.js';

interface RoundRow {
  id: number;
  guild_id: string;
  local_date: string;
  channel_id: string;
  question_id: string;
  question: string;
  state: string;
  scheduled_at: number;
  closes_at: number;
  late: number;
  ping_role_id: string | null;
  message_id: string | null;
  posted_at: number | null;
  attempts: number;
  retry_at: number | null;
  last_error: string | null;
  failure: string | null;
  closed_at: number | null;
  players: number | null;
  results_state: string | null;
  results_message_id: string | null;
  created_at: number;
}

export interface NewRound {
  guildId: string;
  localDate: LocalDate;
  channelId: string;
  question: RoundQuestion;
  scheduledAt: number;
  closesAt: number;
  late: boolean;
  pingRoleId: string | null;
  now: number;
}

export type RoundCreation = { kind: 'created'; round: QuizRound } | { kind: 'exists'; round: QuizRound };

/** The few fields the answer path needs, kept in memory per round. */
export interface RoundGate extends AnswerGate {
  id: number;
}

export interface QuizRoundRepository {
  /** Records the round unless the server already has one for that date (then returns that one). */
  create(round: NewRound): RoundCreation;
  byId(id: number): QuizRound | undefined;
  byDate(guildId: string, localDate: LocalDate): QuizRound | undefined;
  gate(id: number): RoundGate | undefined;
  /** The server's most recent round, whatever its state. */
  latest(guildId: string): QuizRound | undefined;
  /** Rounds still posting, and open rounds whose close time has come, oldest date first. */
  due(now: number): QuizRound[];
  /** Closed rounds whose results are not published yet. */
  resultsPending(): QuizRound[];
  /** Question id -> last local date it was asked in the server (failed rounds were never asked). */
  history(guildId: string): Map<string, LocalDate>;
  latestClosedDate(guildId: string): LocalDate | null;
  markPosted(id: number, messageId: string, postedAt: number): boolean;
  recordAttemptFailure(id: number, error: string, retryAt: number): void;
  markFailed(id: number, reason: string): boolean;
  markResults(id: number, state: ResultsState, messageId: string | null, error: string | null): void;
  /**
   * Puts a failed round whose answers are still open back to posting, with the same id and question,
   * so messages, nonces and answers of its earlier attempts still belong to it. It is marked late.
   */
  retryFailed(retry: FailedRoundRetry): boolean;
}

export interface FailedRoundRetry {
  guildId: string;
  localDate: LocalDate;
  channelId: string;
  pingRoleId: string | null;
  now: number;
}

const roundStates: readonly string[] = ['posting', 'open', 'closed', 'failed'];
const resultsStates: readonly string[] = ['pending', 'published', 'failed'];

/** Called for a stored round that cannot be read; it is then left out rather than crashed on. */
export type CorruptRoundReport = (roundId: number, reason: string) => void;

function toRound(row: RoundRow, report: CorruptRoundReport): QuizRound | undefined {
  const question = parseRoundQuestion(row.question);
  if (!question) {
    report(row.id, 'the stored question snapshot is unreadable');
    return undefined;
  }
  if (!roundStates.includes(row.state)) {
    report(row.id, `unknown state ${JSON.stringify(row.state)}`);
    return undefined;
  }
  const resultsState =
    row.results_state !== null && resultsStates.includes(row.results_state)
      ? (row.results_state as ResultsState)
      : null;
  return {
    id: row.id,
    guildId: row.guild_id,
    localDate: row.local_date,
    channelId: row.channel_id,
    question,
    state: row.state as RoundState,
    scheduledAt: row.scheduled_at,
    closesAt: row.closes_at,
    late: row.late === 1,
    pingRoleId: row.ping_role_id,
    messageId: row.message_id,
    postedAt: row.posted_at,
    attempts: row.attempts,
    retryAt: row.retry_at,
    lastError: row.last_error,
    failure: row.failure,
    closedAt: row.closed_at,
    players: row.players,
    resultsState,
    resultsMessageId: row.results_message_id,
    createdAt: row.created_at,
  };
}

export function createQuizRoundRepository(db: Database, report: CorruptRoundReport): QuizRoundRepository {
  const insert = db.prepare(
    `INSERT INTO quiz_rounds
       (guild_id, local_date, channel_id, question_id, question, state, scheduled_at, closes_at, late,
        ping_role_id, created_at)
     VALUES (@guildId, @localDate, @channelId, @questionId, @question, 'posting', @scheduledAt, @closesAt, @late,
        @pingRoleId, @now)
     ON CONFLICT (guild_id, local_date) DO NOTHING`,
  );
  const selectById = db.prepare<[number], RoundRow>('SELECT * FROM quiz_rounds WHERE id = ?');
  const selectByDate = db.prepare<[string, string], RoundRow>(
    'SELECT * FROM quiz_rounds WHERE guild_id = ? AND local_date = ?',
  );
  const selectGate = db.prepare<
    [number],
    { id: number; guild_id: string; state: string; closes_at: number; question: string }
  >('SELECT id, guild_id, state, closes_at, question FROM quiz_rounds WHERE id = ?');
  const selectLatest = db.prepare<[string], RoundRow>(
    'SELECT * FROM quiz_rounds WHERE guild_id = ? ORDER BY local_date DESC LIMIT 1',
  );
  const selectDue = db.prepare<[number], RoundRow>(
    `SELECT * FROM quiz_rounds
      WHERE state IN ('posting', 'open') AND (state = 'posting' OR closes_at <= ?)
      ORDER BY local_date, id`,
  );
  const selectResultsPending = db.prepare<[], RoundRow>(
    `SELECT * FROM quiz_rounds WHERE results_state = 'pending' ORDER BY id`,
  );
  const selectHistory = db.prepare<[string], { question_id: string; asked: string }>(
    `SELECT question_id, MAX(local_date) AS asked FROM quiz_rounds
      WHERE guild_id = ? AND state <> 'failed' GROUP BY question_id`,
  );
  const selectLatestClosed = db.prepare<[string], { local_date: string }>(
    `SELECT local_date FROM quiz_rounds WHERE guild_id = ? AND state = 'closed' ORDER BY local_date DESC LIMIT 1`,
  );
  const updatePosted = db.prepare<[string, number, number]>(
    `UPDATE quiz_rounds SET state = 'open', message_id = ?, posted_at = ?, retry_at = NULL
      WHERE id = ? AND state = 'posting'`,
  );
  const updateAttempt = db.prepare<[string, number, number]>(
    `UPDATE quiz_rounds SET attempts = attempts + 1, last_error = ?, retry_at = ? WHERE id = ? AND state = 'posting'`,
  );
  const updateFailed = db.prepare<[string, number]>(
    `UPDATE quiz_rounds SET state = 'failed', failure = ?, retry_at = NULL WHERE id = ? AND state = 'posting'`,
  );
  const updateResults = db.prepare<[string, string | null, string | null, number]>(
    `UPDATE quiz_rounds SET results_state = ?, results_message_id = ?, last_error = COALESCE(?, last_error)
      WHERE id = ?`,
  );
  const updateRetry = db.prepare<[FailedRoundRetry]>(
    `UPDATE quiz_rounds
        SET state = 'posting', failure = NULL, last_error = NULL, attempts = 0, retry_at = NULL, late = 1,
            channel_id = @channelId, ping_role_id = @pingRoleId
      WHERE guild_id = @guildId AND local_date = @localDate AND state = 'failed' AND closes_at > @now`,
  );

  const read = (row: RoundRow | undefined) => (row ? toRound(row, report) : undefined);
  const readAll = (rows: RoundRow[]) => rows.flatMap((row) => toRound(row, report) ?? []);

  function byDate(guildId: string, localDate: LocalDate): QuizRound | undefined {
    return read(selectByDate.get(guildId, localDate));
  }

  return {
    create(round) {
      const result = insert.run({
        guildId: round.guildId,
        localDate: round.localDate,
        channelId: round.channelId,
        questionId: round.question.id,
        question: JSON.stringify(round.question),
        scheduledAt: round.scheduledAt,
        closesAt: round.closesAt,
        late: round.late ? 1 : 0,
        pingRoleId: round.pingRoleId,
        now: round.now,
      });
      const stored = byDate(round.guildId, round.localDate);
      if (!stored) throw new Error(`the round of ${round.guildId} on ${round.localDate} cannot be read back`);
      return result.changes > 0 ? { kind: 'created', round: stored } : { kind: 'exists', round: stored };
    },
    byId(id) {
      return read(selectById.get(id));
    },
    byDate,
    gate(id) {
      const row = selectGate.get(id);
      if (!row || !roundStates.includes(row.state)) return undefined;
      const question = parseRoundQuestion(row.question);
      if (!question) return undefined;
      return {
        id: row.id,
        guildId: row.guild_id,
        state: row.state as RoundState,
        closesAt: row.closes_at,
        choiceCount: question.choices.length,
      };
    },
    latest(guildId) {
      return read(selectLatest.get(guildId));
    },
    due(now) {
      return readAll(selectDue.all(now));
    },
    resultsPending() {
      return readAll(selectResultsPending.all());
    },
    history(guildId) {
      return new Map(selectHistory.all(guildId).map((row) => [row.question_id, row.asked]));
    },
    latestClosedDate(guildId) {
      return selectLatestClosed.get(guildId)?.local_date ?? null;
    },
    markPosted(id, messageId, postedAt) {
      return updatePosted.run(messageId, postedAt, id).changes > 0;
    },
    recordAttemptFailure(id, error, retryAt) {
      updateAttempt.run(error.slice(0, 500), retryAt, id);
    },
    markFailed(id, reason) {
      return updateFailed.run(reason.slice(0, 500), id).changes > 0;
    },
    markResults(id, state, messageId, error) {
      updateResults.run(state, messageId, error === null ? null : error.slice(0, 500), id);
    },
    retryFailed(retry) {
      return updateRetry.run(retry).changes > 0;
    },
  };
}
