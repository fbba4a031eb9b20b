import type { Migration } from '../migrate.js';
import { coreMigration } from './001-core.js';
import { quizMigration } from './002-quiz.js';
import { debateMigration } from './003-debate.js';
import { contentCacheMigration } from './004-content-cache.js';
import { errorReportsMigration } from './005-error-reports.js';

/** Every schema step in order. Append new steps; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  coreMigration,
  quizMigration,
  debateMigration,
  contentCacheMigration,
  errorReportsMigration,
];
