import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelRef } from '@roundtable/loopback-discord';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DebateWorld, eventually, startDebateWorld } from './debate-world.js';

let directory: string;
let world: DebateWorld;
let thread: ChannelRef;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'roundtable-debate-count-'));
  world = await startDebateWorld({ databasePath: join(directory, 'roundtable.db') });
  const { mod, channel } = world.server;
  await world.discord.slash(
    'debate start',
    { motion: 'This house would make voting compulsory' },
    { as: mod, channel },
  );
  thread = world.newestThread(channel);
});

afterAll(async () => {
  await world?.stop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

function counted(userId = world.server.alice.id): number {
  return world.debates
    .listMessageTallies(world.debateIn(thread).id)
    .filter((tally) => tally.userId === userId)
    .reduce((sum, tally) => sum + tally.count, 0);
}

function totalChanges(): number {
  return (world.db.prepare('SELECT total_changes() AS changes').get() as { changes: number }).changes;
}

async function postInThreadAndWait(expected: number): Promise<void> {
  await world.discord.postMessage(thread, world.server.alice, `Argument number ${expected}.`);
  await eventually(() => counted() === expected, `${expected} counted messages`);
}

describe('counting debate messages', () => {
  test('GIVEN messages in a debate thread THEN they count, also after the bot restarts', async () => {
    await postInThreadAndWait(1);
    await world.restart();
    await postInThreadAndWait(2);
  });

  test('GIVEN another connection holding the write lock THEN messages outside debate threads are passed over without touching the database', async () => {
    const { alice, bob, channel } = world.server;
    const other = new Database(join(directory, 'roundtable.db'));
    world.db.pragma('busy_timeout = 100');
    const before = totalChanges();
    other.exec('BEGIN IMMEDIATE');
    try {
      await world.discord.postMessage(channel, alice, 'Not a debate.');
      await world.discord.postMessage(channel, bob, 'Still not a debate.');
      await world.discord.postMessage(channel, alice, 'Chatting away.');
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    await postInThreadAndWait(3);
    expect(totalChanges() - before).toBe(1);
    expect(world.logs.filter((line) => line.msg === 'could not count a debate message')).toEqual([]);
  });

  test('GIVEN the debate closed and reopened THEN messages count only while it is open', async () => {
    const { mod, bob } = world.server;
    world.waitOutCooldown();
    await world.discord.slash('debate close', {}, { as: mod, channel: thread });
    await world.discord.postMessage(thread, bob, 'Said after the close.');
    world.waitOutCooldown();
    await world.discord.slash('debate reopen', {}, { as: mod, channel: thread });
    await postInThreadAndWait(4);
    expect(counted(bob.id)).toBe(0);
    expect(world.problems().filter((line) => line.level >= 50)).toEqual([]);
  });
});
