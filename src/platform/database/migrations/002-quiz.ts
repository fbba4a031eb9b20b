import type { Migration } from '../migrate.js';

/**
 * The daily quiz. A round is unique per server and local date and is recorded before its message is
 * sent. Answers are unique per round and member. At close each answer becomes a row of
 * `quiz_scores`, and `quiz_totals` keeps running sums per member for every week, month and all time,
 * so leaderboards read a few index entries instead of aggregating answers.
 */
export const quizMigration: Migration = {
  version: 2,
  name: 'daily quiz',
  up: `
    CREATE TABLE quiz_configs (
      guild_id         TEXT PRIMARY KEY,
      channel_id       TEXT NOT NULL,
      post_time        TEXT NOT NULL,
      time_zone        TEXT NOT NULL,
      duration_minutes INTEGER NOT NULL,
      ping_role_id     TEXT,
      paused           INTEGER NOT NULL DEFAULT 0,
      active_since     INTEGER NOT NULL,
      updated_at       INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE quiz_rounds (
      id                 INTEGER PRIMARY KEY,
      guild_id           TEXT NOT NULL,
      local_date         TEXT NOT NULL,
      channel_id         TEXT NOT NULL,
      question_id        TEXT NOT NULL,
      question           TEXT NOT NULL,
      state              TEXT NOT NULL CHECK (state IN ('posting', 'open', 'closed', 'failed')),
      scheduled_at       INTEGER NOT NULL,
      closes_at          INTEGER NOT NULL,
      late               INTEGER NOT NULL DEFAULT 0,
      ping_role_id       TEXT,
      message_id         TEXT,
      posted_at          INTEGER,
      attempts           INTEGER NOT NULL DEFAULT 0,
      retry_at           INTEGER,
      last_error         TEXT,
      failure            TEXT,
      closed_at          INTEGER,
      players            INTEGER,
      results_state      TEXT CHECK (results_state IN ('pending', 'published', 'failed')),
      results_message_id TEXT,
      created_at         INTEGER NOT NULL,
      UNIQUE (guild_id, local_date)
    ) STRICT;
    CREATE INDEX quiz_rounds_unfinished ON quiz_rounds (closes_at) WHERE state IN ('posting', 'open');
    CREATE INDEX quiz_rounds_results_pending ON quiz_rounds (id) WHERE results_state = 'pending';

    CREATE TABLE quiz_answers (
      round_id    INTEGER NOT NULL,
      user_id     TEXT NOT NULL,
      choice      INTEGER NOT NULL,
      answered_at INTEGER NOT NULL,
      PRIMARY KEY (round_id, user_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE quiz_scores (
      guild_id   TEXT NOT NULL,
      user_id    TEXT NOT NULL,
      local_date TEXT NOT NULL,
      round_id   INTEGER NOT NULL,
      choice     INTEGER NOT NULL,
      correct    INTEGER NOT NULL,
      points     INTEGER NOT NULL,
      streak     INTEGER NOT NULL,
      PRIMARY KEY (guild_id, user_id, local_date)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX quiz_scores_by_date ON quiz_scores (guild_id, local_date);

    CREATE TABLE quiz_totals (
      guild_id     TEXT NOT NULL,
      period       TEXT NOT NULL CHECK (period IN ('week', 'month', 'all')),
      period_start TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      points       INTEGER NOT NULL,
      answered     INTEGER NOT NULL,
      correct      INTEGER NOT NULL,
      PRIMARY KEY (guild_id, period, period_start, user_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX quiz_totals_ranking
      ON quiz_totals (guild_id, period, period_start, points DESC, correct DESC, user_id);

    CREATE TABLE quiz_streaks (
      guild_id          TEXT NOT NULL,
      user_id           TEXT NOT NULL,
      current           INTEGER NOT NULL,
      last_correct_date TEXT,
      best              INTEGER NOT NULL,
      PRIMARY KEY (guild_id, user_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
