import type { Migration } from '../migrate.js';

export const debateMigration: Migration = {
  version: 3,
  name: 'debates, stances, moderation log, reports and credits',
  up: `
    CREATE TABLE debates (
      id                INTEGER PRIMARY KEY,
      guild_id          TEXT NOT NULL,
      parent_channel_id TEXT NOT NULL,
      thread_id         TEXT NOT NULL UNIQUE,
      card_message_id   TEXT,
      motion            TEXT NOT NULL,
      prompt_id         TEXT,
      story_id          TEXT,
      format            TEXT NOT NULL CHECK (format IN ('open', 'rounds')),
      status            TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      started_by        TEXT NOT NULL,
      started_at        INTEGER NOT NULL,
      duration_ms       INTEGER NOT NULL,
      closes_at         INTEGER NOT NULL,
      closed_at         INTEGER,
      closed_by         TEXT,
      close_reason      TEXT,
      debate_slowmode   INTEGER NOT NULL,
      original_slowmode INTEGER NOT NULL,
      original_locked   INTEGER NOT NULL CHECK (original_locked IN (0, 1)),
      applied_slowmode  INTEGER NOT NULL,
      applied_locked    INTEGER NOT NULL CHECK (applied_locked IN (0, 1)),
      restored_at       INTEGER,
      card_closed_at    INTEGER,
      thread_summary_at INTEGER,
      parent_summary_at INTEGER,
      fault             TEXT,
      fault_at          INTEGER
    ) STRICT;
    CREATE INDEX debates_by_status_and_close ON debates (status, closes_at);
    CREATE INDEX debates_by_guild ON debates (guild_id, started_at);

    CREATE TABLE debate_rounds (
      debate_id    INTEGER NOT NULL REFERENCES debates (id),
      number       INTEGER NOT NULL,
      name         TEXT NOT NULL,
      starts_at    INTEGER NOT NULL,
      announced_at INTEGER,
      PRIMARY KEY (debate_id, number)
    ) STRICT;
    CREATE INDEX debate_rounds_pending ON debate_rounds (announced_at, starts_at);

    CREATE TABLE debate_stances (
      debate_id  INTEGER NOT NULL REFERENCES debates (id),
      user_id    TEXT NOT NULL,
      opening    TEXT NOT NULL CHECK (opening IN ('for', 'against', 'undecided')),
      current    TEXT NOT NULL CHECK (current IN ('for', 'against', 'undecided')),
      opened_at  INTEGER NOT NULL,
      changed_at INTEGER NOT NULL,
      PRIMARY KEY (debate_id, user_id)
    ) STRICT;

    CREATE TABLE debate_messages (
      debate_id INTEGER NOT NULL REFERENCES debates (id),
      user_id   TEXT NOT NULL,
      stance    TEXT NOT NULL CHECK (stance IN ('for', 'against', 'undecided', 'none')),
      messages  INTEGER NOT NULL,
      PRIMARY KEY (debate_id, user_id, stance)
    ) STRICT;

    CREATE TABLE debate_warnings (
      id           INTEGER PRIMARY KEY,
      debate_id    INTEGER NOT NULL REFERENCES debates (id),
      guild_id     TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      moderator_id TEXT NOT NULL,
      reason       TEXT NOT NULL,
      created_at   INTEGER NOT NULL,
      escalation   TEXT
    ) STRICT;
    CREATE INDEX debate_warnings_by_member ON debate_warnings (debate_id, user_id);
    CREATE INDEX debate_warnings_by_guild ON debate_warnings (guild_id, user_id);

    CREATE TABLE message_reports (
      guild_id    TEXT NOT NULL,
      channel_id  TEXT NOT NULL,
      message_id  TEXT NOT NULL,
      author_id   TEXT NOT NULL,
      reporter_id TEXT NOT NULL,
      debate_id   INTEGER REFERENCES debates (id),
      reason      TEXT NOT NULL,
      created_at  INTEGER NOT NULL,
      PRIMARY KEY (message_id, reporter_id)
    ) STRICT;
    CREATE INDEX message_reports_by_debate ON message_reports (debate_id);

    CREATE TABLE debate_credits (
      debate_id   INTEGER NOT NULL REFERENCES debates (id),
      guild_id    TEXT NOT NULL,
      message_id  TEXT NOT NULL,
      author_id   TEXT NOT NULL,
      creditor_id TEXT NOT NULL,
      explanation TEXT NOT NULL,
      created_at  INTEGER NOT NULL,
      PRIMARY KEY (message_id, creditor_id)
    ) STRICT;
    CREATE INDEX debate_credits_by_debate ON debate_credits (debate_id);
    CREATE INDEX debate_credits_by_author ON debate_credits (guild_id, author_id);
    CREATE INDEX debate_credits_by_creditor ON debate_credits (guild_id, creditor_id);

    CREATE TABLE moderation_log (
      id                INTEGER PRIMARY KEY,
      guild_id          TEXT NOT NULL,
      debate_id         INTEGER REFERENCES debates (id),
      action            TEXT NOT NULL,
      actor_id          TEXT,
      target_id         TEXT,
      channel_id        TEXT,
      message_id        TEXT,
      detail            TEXT,
      created_at        INTEGER NOT NULL,
      posted_message_id TEXT,
      post_failure      TEXT
    ) STRICT;
    CREATE INDEX moderation_log_by_guild ON moderation_log (guild_id, created_at);

    CREATE TABLE moderation_log_hints (
      guild_id TEXT NOT NULL,
      user_id  TEXT NOT NULL,
      shown_at INTEGER NOT NULL,
      PRIMARY KEY (guild_id, user_id)
    ) STRICT;
  `,
};
