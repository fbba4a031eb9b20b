import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoopbackDiscord, LoopbackMessage, MemberRef } from '@roundtable/loopback-discord';
import { afterAll, describe, expect, test } from 'vitest';
import { createQuizStorage } from '../../src/features/quiz/storage/index.js';
import { type LockChange, openDatabase } from '../../src/platform/database/database.js';
import { databaseBusyMessage } from '../../src/platform/router/router.js';
import { startWorld } from '../support/harness.js';

const clickers = 200;
const holdMs = 4_000;
const batches = 20;
const workDirectory = mkdtempSync(join(tmpdir(), 'roundtable-foreign-lock-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** A second process, as an operator's sqlite3 shell or a backup tool would be: holds the write lock. */
const lockHolderSource = `
const Database = require(process.env.DRIVER);
const db = new Database(process.env.DATABASE);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\\n');
}, Number(process.env.HOLD_MS));
`;

function holdWriteLock(path: string): {
  child: ChildProcess;
  locked: Promise<void>;
  released: Promise<void>;
} {
  const child = spawn(process.execPath, ['-e', lockHolderSource], {
    env: {
      PATH: process.env.PATH ?? '',
      DRIVER: createRequire(import.meta.url).resolve('better-sqlite3'),
      DATABASE: path,
      HOLD_MS: String(holdMs),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const seen = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(word)) resolve();
      };
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.once('exit', (code) => {
        check();
        reject(new Error(`the lock holder exited with ${code} before "${word}"`));
      });
    });
  return { child, locked: seen('locked'), released: seen('released') };
}

function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + 1_420_070_400_000n);
}

function seed(discord: LoopbackDiscord) {
  const guild = discord.seedGuild({ name: 'Busy' });
  const later = discord.seedGuild({ name: 'Later' });
  return {
    guild,
    quiz: discord.addChannel(guild, { name: 'quiz' }),
    admin: discord.addMember(guild, { username: 'admin', permissions: ['ManageGuild'] }),
    members: Array.from({ length: clickers }, (_, index) =>
      discord.addMember(guild, { username: `member-${index + 1}` }),
    ),
    later: {
      guild: later,
      quiz: discord.addChannel(later, { name: 'quiz' }),
      admin: discord.addMember(later, { username: 'later-admin', permissions: ['ManageGuild'] }),
    },
  };
}

describe('another process holds the write lock', () => {
  test(`GIVEN a second process holding BEGIN IMMEDIATE for ${holdMs / 1000} s WHEN ${clickers} members click an answer meanwhile and a quiz is due THEN every click is acknowledged within 3 s, none is confirmed without being stored, the event loop never stalls 250 ms, and the due quiz posts at the next tick`, async () => {
    const changes: LockChange[] = [];
    const databasePath = join(workDirectory, 'roundtable.db');
    const db = openDatabase(databasePath, { onLockChange: (change) => changes.push(change) });
    const world = await startWorld({
      seed,
      database: db,
      start: '2026-11-26T08:58:00Z',
      botOptions: { quizCountEditIntervalMs: 60_000 },
    });
    try {
      const { discord, guild, quiz, admin, members, later } = world;
      await discord.slash(
        'quiz setup',
        { channel: quiz.id, time: '09:00', timezone: 'UTC' },
        { as: admin, channel: quiz },
      );
      await discord.slash(
        'quiz setup',
        { channel: later.quiz.id, time: '09:01', timezone: 'UTC' },
        { as: later.admin, channel: later.quiz },
      );
      await world.tick('2026-11-26T09:00:00Z');
      const storage = createQuizStorage(db);
      const round = storage.rounds.byDate(guild.id, '2026-11-26');
      const question = discord
        .messagesIn(quiz)
        .find((message) => message.buttons.some((button) => button.customId?.includes(':answer:')));
      if (!round || !question) throw new Error('the quiz question was not posted');
      const answerButtons = question.buttons.filter((button) => button.customId?.includes(':answer:'));
      const firstLog = world.logs.length;
      const firstRequest = discord.requests.length;

      // Enabled ahead: the monitor records nothing for its first interval.
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      await sleep(50);
      const holder = holdWriteLock(databasePath);
      await holder.locked;
      const heldAt = performance.now();

      type Click = { member: MemberRef; choice: number; reply: LoopbackMessage; storedThen: boolean };
      const clicks: Promise<Click>[] = [];
      const perBatch = clickers / batches;
      for (let batch = 0; batch < batches; batch += 1) {
        for (const [offset, member] of members.slice(batch * perBatch, (batch + 1) * perBatch).entries()) {
          const choice = (batch + offset) % answerButtons.length;
          clicks.push(
            discord
              .click(question as LoopbackMessage, answerButtons[choice]?.customId ?? '', { as: member })
              .then((reply) => ({
                member,
                choice,
                reply,
                // Read the moment the member sees the reply: a confirmation must already be stored.
                storedThen: storage.answers.choiceOf(round.id, member.id) === choice,
              })),
          );
        }
        if (batch === batches / 2) {
          // Halfway through the lock the minute tick comes: the second server's quiz is due at 09:01.
          await world.tick('2026-11-26T09:01:00Z');
        }
        await sleep((holdMs - 300) / batches);
      }
      const answered = await Promise.all(clicks);
      const clicksTookMs = performance.now() - heldAt;
      await holder.released;
      await sleep(150);
      loopDelay.disable();

      // Acknowledged in time, by the loopback Discord's clock.
      const callbacks = discord.requests
        .slice(firstRequest)
        .filter((request) => request.route === 'POST /interactions/:interaction/:token/callback');
      expect(callbacks).toHaveLength(clickers);
      const latencies = callbacks.map((request) => {
        const id = /\/interactions\/(\d+)\//.exec(request.path)?.[1] ?? '0';
        return request.at - snowflakeTime(id);
      });
      expect(callbacks.every((request) => request.status === 204)).toBe(true);
      expect(Math.max(...latencies)).toBeLessThan(3_000);

      // Never "Locked in" without the row; "busy" means nothing was stored.
      const confirmed = answered.filter((click) => click.reply.content.startsWith('Locked in'));
      const busy = answered.filter((click) => click.reply.content === databaseBusyMessage);
      expect(confirmed.length + busy.length).toBe(clickers);
      expect(confirmed.every((click) => click.storedThen)).toBe(true);
      expect(busy.length).toBeGreaterThan(clickers / 2);
      for (const click of busy) expect(storage.answers.choiceOf(round.id, click.member.id)).toBeUndefined();

      const maxDelayMs = loopDelay.max / 1e6;
      expect(maxDelayMs).toBeLessThan(250);
      expect(changes).toEqual([
        { kind: 'locked', code: 'SQLITE_BUSY' },
        expect.objectContaining({ kind: 'released' }),
      ]);

      // The tick that found the database locked is a warning; the next one posts the second quiz.
      const lines = world.logs.slice(firstLog);
      expect(lines.filter((line) => line.level >= 50)).toEqual([]);
      expect(lines.filter((line) => line.msg.includes('runs again at the next tick'))).toHaveLength(1);
      expect(storage.rounds.byDate(later.guild.id, '2026-11-26')).toBeUndefined();
      await world.tick('2026-11-26T09:02:00Z');
      expect(storage.rounds.byDate(later.guild.id, '2026-11-26')?.state).toBe('open');

      // Members told to try again do, and are counted.
      for (const click of busy) {
        const again = await discord.click(
          question as LoopbackMessage,
          answerButtons[click.choice]?.customId ?? '',
          {
            as: click.member,
          },
        );
        expect(again.content).toMatch(/^Locked in/);
      }
      expect(storage.answers.count(round.id)).toBe(clickers);

      const sorted = [...latencies].sort((left, right) => left - right);
      const released = changes[1] as Extract<LockChange, { kind: 'released' }>;
      console.log(
        `[reliability] foreign lock: ${holdMs / 1000} s BEGIN IMMEDIATE by a second process; ${clickers} clicks over ${(clicksTookMs / 1000).toFixed(1)} s: ${confirmed.length} stored and confirmed, ${busy.length} answered "try again" (all stored on the retry); acknowledgement p50 ${sorted[Math.floor(clickers / 2)]} ms, max ${sorted.at(-1)} ms (loopback clock); event-loop delay max ${maxDelayMs.toFixed(0)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms; the connection refused ${released.refused} statements during ${released.lockedMs} ms; the tick at 09:01 found the database locked and the quiz posted at 09:02`,
      );
    } finally {
      await world.stop();
    }
  }, 40_000);
});
