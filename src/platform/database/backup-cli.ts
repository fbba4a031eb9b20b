import { readEnvOrExit } from '../env.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const usage = `Usage:
  npm run backup -- <backup-file>             copy the database (DATABASE_PATH) while the bot runs
  npm run backup -- --restore <backup-file>   put a backup in place of the database (stop the bot first)`;

async function run(args: readonly string[]): Promise<number> {
  const { DATABASE_PATH: databasePath } = readEnvOrExit(
    ['DATABASE_PATH'],
    'Nothing was backed up or restored',
  );
  const [first, second] = args;
  if (first === '--restore' && second) {
    const restored = restoreDatabase(second, databasePath);
    if (restored.kind === 'refused') {
      console.error(`Nothing restored: ${restored.reason}.`);
      return 1;
    }
    console.log(
      `Restored ${second} to ${restored.path} (schema version ${restored.schemaVersion}). Start the bot to bring it up to date.`,
    );
    return 0;
  }
  if (!first || first.startsWith('-') || second) {
    console.error(usage);
    return 2;
  }
  const written = await backupDatabase(databasePath, first);
  if (written.kind === 'refused') {
    console.error(`No backup written: ${written.reason}.`);
    return 1;
  }
  console.log(
    `Backed up ${databasePath} to ${written.path}: ${written.pages} pages, integrity ok, schema version ${written.schemaVersion}.`,
  );
  return 0;
}

process.exitCode = await run(process.argv.slice(2));
