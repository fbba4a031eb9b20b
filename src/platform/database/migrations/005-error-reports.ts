import type { Migration } from '../migrate.js';

export const errorReportsMigration: Migration = {
  version: 5,
  name: 'reports of mistakes in the story packs, sent by members from reading answers',
  up: `
    CREATE TABLE error_reports (
      id                 INTEGER PRIMARY KEY,
      story_id           TEXT NOT NULL,
      item_ids           TEXT NOT NULL DEFAULT '[]'
                           CHECK (json_valid(item_ids) AND json_type(item_ids) = 'array'),
      view               TEXT NOT NULL
                           CHECK (view IN ('summary', 'timeline', 'factcheck', 'corrections', 'debate')),
      guild_id           TEXT,
      channel_id         TEXT,
      member_id          TEXT NOT NULL,
      text               TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      link               TEXT CHECK (link IS NULL OR length(link) <= 500),
      created_at         INTEGER NOT NULL,
      mod_log_message_id TEXT,
      mod_log_failure    TEXT
    ) STRICT;
    CREATE INDEX error_reports_by_member ON error_reports (member_id, created_at);
    CREATE INDEX error_reports_by_story ON error_reports (story_id, created_at);
  `,
};
