import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import Database from 'better-sqlite3';
import { REST } from 'discord.js';
import { afterAll, describe, expect, test } from 'vitest';
import { commands } from '../../src/app/commands.js';
import { deployCommands } from '../../src/platform/discord/deploy.js';
import { startBotChild } from './support/bot-child.js';

const workDirectory = mkdtempSync(join(tmpdir(), 'roundtable-backup-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** Runs `npm run backup -- ...args` (its script, `tsx src/platform/database/backup-cli.ts`) against `databasePath`. */
function runBackupCli(
  databasePath: string,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const output: string[] = [];
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/platform/database/backup-cli.ts', ...args],
      {
        env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, output: output.join('') }));
  });
}

function countAnswers(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS total FROM quiz_answers').get() as { total: number }).total;
  } finally {
    db.close();
  }
}

describe('online backup and restore', () => {
  test('GIVEN the bot running and members answering WHEN `npm run backup -- <file>` runs THEN it writes one consistent, self-contained copy; restoring it after later answers brings the bot back to that copy', async () => {
    const discord = await startLoopbackDiscord({ token: 'backup-test-token' });
    const servers = ['One', 'Two', 'Three'].map((name) => {
      const guild = discord.seedGuild({ name });
      return {
        guild,
        quiz: discord.addChannel(guild, { name: 'quiz' }),
        admin: discord.addMember(guild, { username: `${name}-admin`, permissions: ['ManageGuild'] }),
        members: Array.from({ length: 80 }, (_, index) =>
          discord.addMember(guild, { username: `${name}-${index}` }),
        ),
      };
    });
    await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands);
    const databasePath = join(workDirectory, 'live', 'roundtable.db');
    const backupPath = join(workDirectory, 'roundtable-backup.db');
    const output: string[] = [];
    const postAt = Date.parse('2026-11-26T09:00:00Z');
    const startBot = () =>
      startBotChild({
        token: discord.token,
        apiUrl: discord.apiUrl,
        databasePath,
        clockStart: postAt,
        output,
      });
    let bot = await startBot();
    try {
      for (const server of servers)
        await discord.slash(
          'quiz setup',
          { channel: server.quiz.id, time: '09:00', timezone: 'Europe/London' },
          { as: server.admin, channel: server.quiz },
        );
      await bot.tick(postAt + 60_000);
      const questions = servers.map(
        (server) =>
          discord.messagesIn(server.quiz).find((message) => message.buttons.length > 0) as LoopbackMessage,
      );
      const click = (serverIndex: number, memberIndex: number) =>
        discord.click(questions[serverIndex] as LoopbackMessage, 1, {
          as: servers[serverIndex]?.members[memberIndex] as never,
        });

      for (let serverIndex = 0; serverIndex < 3; serverIndex += 1) await click(serverIndex, 0);
      const before = countAnswers(databasePath);
      let backupDone = false;
      const [backup] = await Promise.all([
        runBackupCli(databasePath, [backupPath]).finally(() => {
          backupDone = true;
        }),
        (async () => {
          for (let memberIndex = 1; memberIndex < 79 && !backupDone; memberIndex += 1)
            await Promise.all([0, 1, 2].map((serverIndex) => click(serverIndex, memberIndex)));
        })(),
      ]);
      const after = countAnswers(databasePath);
      expect(backup.code, backup.output).toBe(0);
      expect(backup.output).toMatch(/Backed up .* integrity ok, schema version \d+/);
      expect(existsSync(`${backupPath}-wal`)).toBe(false);
      expect(existsSync(`${backupPath}.partial`)).toBe(false);

      const copy = new Database(backupPath, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('foreign_key_check')).toEqual([]);
      const backedUp = (copy.prepare('SELECT COUNT(*) AS total FROM quiz_answers').get() as { total: number })
        .total;
      expect(backedUp).toBeGreaterThanOrEqual(before);
      expect(backedUp).toBeLessThanOrEqual(after);
      expect(
        (copy.prepare('SELECT COUNT(*) AS total FROM quiz_configs').get() as { total: number }).total,
      ).toBe(3);
      const orphans = copy
        .prepare(
          'SELECT COUNT(*) AS total FROM quiz_answers WHERE round_id NOT IN (SELECT id FROM quiz_rounds)',
        )
        .get() as { total: number };
      expect(orphans.total).toBe(0);
      copy.close();

      const again = await runBackupCli(databasePath, [backupPath]);
      expect(again.code).toBe(1);
      expect(again.output).toContain('already exists');

      for (let serverIndex = 0; serverIndex < 3; serverIndex += 1) await click(serverIndex, 79);
      expect(countAnswers(databasePath)).toBe(after + 3);
      await bot.kill();
      const restore = await runBackupCli(databasePath, ['--restore', backupPath]);
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toContain('Restored');
      expect(existsSync(`${databasePath}-wal`)).toBe(false);
      expect(countAnswers(databasePath)).toBe(backedUp);

      bot = await startBot();
      const status = await discord.slash(
        'quiz status',
        {},
        { as: servers[0]?.admin as never, channel: servers[0]?.quiz as never },
      );
      expect(status.content).toContain('open, answers close');
      const late = await click(0, 79);
      expect(late.content).toContain('Locked in');
      expect(countAnswers(databasePath)).toBe(backedUp + 1);
      console.log(
        `[reliability] backup: copied while ${after - before} answers were being written (${before} before, ${after} after, ${backedUp} in the copy); restore brought back exactly the copy`,
      );
    } finally {
      await bot.kill();
      await discord.close();
    }
  }, 60_000);

  test('GIVEN no database or a damaged backup THEN the command refuses with a reason and writes nothing', async () => {
    const missing = await runBackupCli(join(workDirectory, 'nowhere.db'), [join(workDirectory, 'out.db')]);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('there is no database at');
    expect(existsSync(join(workDirectory, 'out.db'))).toBe(false);
    const usage = await runBackupCli(join(workDirectory, 'nowhere.db'), []);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('Usage');
    const damaged = join(workDirectory, 'damaged.db');
    writeFileSync(damaged, 'not a database at all, just text');
    const target = join(workDirectory, 'target.db');
    const refused = await runBackupCli(target, ['--restore', damaged]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Nothing restored');
    expect(existsSync(target)).toBe(false);
  }, 30_000);
});
