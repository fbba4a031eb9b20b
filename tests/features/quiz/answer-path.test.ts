import Database from 'better-sqlite3';
import { Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { answerReply } from '../../../src/features/quiz/commands/answer.js';
import type { QuizRound } from '../../../src/features/quiz/core/round.js';
import { createQuizFeature, type QuizFeature } from '../../../src/features/quiz/discord/feature.js';
import { createQuizStorage, type QuizStorage } from '../../../src/features/quiz/storage/index.js';
import { createContentLibrary } from '../../../src/features/story-packs/core/index.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { migrate } from '../../../src/platform/database/migrate.js';
import { migrations } from '../../../src/platform/database/migrations/index.js';
import { createLogger } from '../../../src/platform/logger.js';

const guildId = '100000000000000001';
const start = Date.parse('2026-11-25T09:00:00Z');
const closesAt = start + 12 * 3_600_000;

let db: Database.Database;
let storage: QuizStorage;
let service: QuizFeature;
let client: Client;
let round: QuizRound;
let clock: ManualClock;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, migrations);
  storage = createQuizStorage(db);
  clock = new ManualClock(start);
  client = new Client({ intents: [] });
  service = createQuizFeature({
    client,
    storage,
    content: createContentLibrary([]),
    clock,
    logger: createLogger({ level: 'silent' }),
    countEditIntervalMs: 60_000,
  });
  round = storage.rounds.create({
    guildId,
    localDate: '2026-11-25',
    channelId: '300000000000000001',
    question: {
      id: 'q-1',
      storyId: 'story',
      question: 'Which?',
      choices: ['one', 'two', 'three'],
      answerIndex: 1,
      explanation: 'Because.',
      source: { name: 'Source', url: 'https://example.org' },
      difficulty: 'easy',
    },
    scheduledAt: start,
    closesAt,
    late: false,
    pingRoleId: null,
    now: start,
  }).round;
  storage.rounds.markPosted(round.id, '400000000000000001', start);
});

afterEach(async () => {
  service.stop();
  await client.destroy();
  db.close();
});

describe('quiz answer path', () => {
  test('GIVEN a first click THEN it is recorded, a second is reported with the first choice', () => {
    expect(service.answer(round.id, 2, guildId, 'u1', start + 1)).toEqual({
      kind: 'recorded',
      choice: 2,
      closesAt,
    });
    expect(service.answer(round.id, 0, guildId, 'u1', start + 2)).toEqual({
      kind: 'already-answered',
      choice: 2,
      closesAt,
    });
    expect(storage.answers.count(round.id)).toBe(1);
  });

  test('GIVEN crafted ids THEN another server, an unknown round and an out-of-range choice change nothing', () => {
    expect(service.answer(round.id, 1, '100000000000000002', 'u1', start + 1)).toEqual({
      kind: 'other-server',
    });
    expect(service.answer(round.id, 1, null, 'u1', start + 1)).toEqual({ kind: 'other-server' });
    expect(service.answer(987_654, 1, guildId, 'u1', start + 1)).toEqual({ kind: 'unknown-round' });
    expect(service.answer(round.id, 3, guildId, 'u1', start + 1)).toEqual({ kind: 'unknown-choice' });
    expect(storage.answers.count(round.id)).toBe(0);
  });

  test('GIVEN the close time THEN a click is refused, telling a member who answered what they chose', () => {
    service.answer(round.id, 1, guildId, 'u1', start + 1);
    expect(service.answer(round.id, 0, guildId, 'u1', closesAt)).toEqual({
      kind: 'closed',
      closesAt,
      choice: 1,
    });
    expect(service.answer(round.id, 0, guildId, 'u2', closesAt)).toEqual({
      kind: 'closed',
      closesAt,
      choice: null,
    });
    expect(storage.answers.count(round.id)).toBe(1);
  });

  test('GIVEN another process closed the round THEN the cached gate does not let a late answer in', () => {
    service.answer(round.id, 1, guildId, 'u1', start + 1);
    storage.scores.close(round.id, start + 2);
    expect(service.answer(round.id, 1, guildId, 'u2', start + 3)).toEqual({
      kind: 'closed',
      closesAt,
      choice: null,
    });
    expect(service.answer(round.id, 1, guildId, 'u3', start + 4).kind).toBe('closed');
    expect(storage.answers.count(round.id)).toBe(1);
  });

  test('GIVEN another process retried a failed round THEN a gate cached as failed lets answers in again', () => {
    const failed = storage.rounds.create({
      guildId,
      localDate: '2026-11-26',
      channelId: '300000000000000001',
      question: round.question,
      scheduledAt: start + 86_400_000,
      closesAt: closesAt + 86_400_000,
      late: false,
      pingRoleId: null,
      now: start + 86_400_000,
    }).round;
    storage.rounds.markFailed(failed.id, 'Missing Access');
    const now = start + 86_400_000 + 60_000;
    expect(service.answer(failed.id, 1, guildId, 'u1', now)).toEqual({ kind: 'unknown-round' });
    const otherProcess = createQuizFeature({
      client,
      storage: createQuizStorage(db),
      content: createContentLibrary([]),
      clock,
      logger: createLogger({ level: 'silent' }),
      countEditIntervalMs: 60_000,
    });
    clock.set(now);
    expect(
      otherProcess.retryFailedRound(guildId, '2026-11-26', {
        channelId: '300000000000000001',
        pingRoleId: null,
      }),
    ).toBe(true);
    otherProcess.stop();
    expect(service.answer(failed.id, 1, guildId, 'u1', now + 1)).toEqual({
      kind: 'recorded',
      choice: 1,
      closesAt: failed.closesAt,
    });
  });

  test('GIVEN each outcome THEN the private reply names the letter and the results time, never correctness', () => {
    const replies = [
      answerReply({ kind: 'recorded', choice: 1, closesAt }),
      answerReply({ kind: 'already-answered', choice: 2, closesAt }),
      answerReply({ kind: 'closed', closesAt, choice: 0 }),
    ];
    expect(replies[0]).toBe(`Locked in **B**; results <t:${closesAt / 1000}:R>.`);
    expect(replies[1]).toContain('You already answered **C**');
    expect(replies[2]).toContain('You answered **A**');
    for (const reply of replies) expect(reply).not.toMatch(/correct|wrong/i);
  });
});
