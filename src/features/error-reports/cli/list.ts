import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readEnvOrExit } from '../../../platform/env.js';
import { formatReportListing, toReportRecord } from '../messages/listing.js';
import { createErrorReportRepository } from '../storage/repository.js';

const usage = `Usage:
  npm run content:reports                      list every error report, newest first
  npm run content:reports -- --story <id>      only the reports on one story
  npm run content:reports -- --json            the same as JSON, one array
The database is DATABASE_PATH (default ./data/roundtable.db); it is opened read-only.`;

interface Options {
  json: boolean;
  storyId?: string;
}

function parseArgs(args: readonly string[]): Options | undefined {
  const options: Options = { json: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const next = args[index + 1];
    if (arg === '--json') options.json = true;
    else if (arg === '--story' && next !== undefined && !next.startsWith('-')) {
      options.storyId = next;
      index += 1;
    } else return undefined;
  }
  return options;
}

function hasReportsTable(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'error_reports'").get() !==
    undefined
  );
}

function run(args: readonly string[]): number {
  const options = parseArgs(args);
  if (options === undefined) {
    console.error(usage);
    return 2;
  }
  const { DATABASE_PATH: databasePath } = readEnvOrExit(['DATABASE_PATH'], 'No error reports were listed');
  const print = (reports: Parameters<typeof formatReportListing>[0]) =>
    console.log(
      options.json
        ? JSON.stringify(reports.map(toReportRecord), null, 2)
        : formatReportListing(reports, databasePath),
    );
  if (!existsSync(databasePath)) {
    if (options.json) print([]);
    else console.log(`No error reports: there is no database at ${databasePath} yet.`);
    return 0;
  }
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    if (!hasReportsTable(db)) {
      print([]);
      return 0;
    }
    const filter = options.storyId === undefined ? {} : { storyId: options.storyId };
    print(createErrorReportRepository(db).list(filter));
    return 0;
  } finally {
    db.close();
  }
}

process.exitCode = run(process.argv.slice(2));
