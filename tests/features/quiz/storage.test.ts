import Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import type { QuizConfig } from '../../../src/features/quiz/core/config.js';
import type { RoundQuestion } from '../../../src/features/quiz/core/round.js';
import { addDays } from '../../../src/features/quiz/core/time.js';
import { createQuizStorage, type QuizStorage } from '../../../src/features/quiz/storage/index.js';
import { migrate } from '../../../src/platform/database/migrate.js';
import { migrations } from '../../../src/platform/database/migrations/index.js';

const guildId = '100000000000000001';
const otherGuildId = '100000000000000002';
const hour = 3_600_000;
const question: RoundQuestion = {
  id: 'usj-q-treaty-year',
  storyId: 'us-japan-alliance',
  question: 'In which year was the current treaty signed?',
  choices: ['1951', '1960', '1972', '1996'],
  answerIndex: 1,
  explanation: 'Signed in January 1960.',
  source: { name: 'Treaty text', url: 'https://example.org/treaty' },
  difficulty: 'easy',
};

function memberId(index: number): string {
  return String(200000000000000000n + BigInt(index));
}

let db: Database.Database;
let storage: QuizStorage;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, migrations);
  storage = createQuizStorage(db);
});

function openRound(localDate: string, server = guildId, start = Date.parse(`${localDate}T09:00:00Z`)) {
  const created = storage.rounds.create({
    guildId: server,
    localDate,
    channelId: '300000000000000001',
    question,
    scheduledAt: start,
    closesAt: start + 12 * hour,
    late: false,
    pingRoleId: null,
    now: start,
  });
  storage.rounds.markPosted(created.round.id, `4000000000000${created.round.id}`.padEnd(18, '0'), start);
  return created.round;
}

describe('quiz answers storage', () => {
  test('GIVEN 1,000 answers to one round with duplicates mixed in THEN exactly one per member is kept, the first', () => {
    const round = openRound('2026-11-25');
    const members = 600;
    const attempts = fc.sample(
      fc.record({ member: fc.integer({ min: 0, max: members - 1 }), choice: fc.integer({ min: 0, max: 3 }) }),
      { numRuns: 1_000 - members, seed: 20261125 },
    );
    const everyone = Array.from({ length: members }, (_, member) => ({ member, choice: member % 4 }));
    const order = fc.sample(
      fc.shuffledSubarray([...everyone, ...attempts], { minLength: 1_000, maxLength: 1_000 }),
      {
        numRuns: 1,
        seed: 7,
      },
    )[0];
    expect(order).toHaveLength(1_000);
    const first = new Map<number, number>();
    const outcomes = { recorded: 0, 'already-answered': 0, closed: 0 };
    for (const attempt of order ?? []) {
      const result = storage.answers.record(
        round.id,
        memberId(attempt.member),
        attempt.choice,
        round.scheduledAt + 1,
      );
      outcomes[result.kind] += 1;
      if (!first.has(attempt.member)) {
        first.set(attempt.member, attempt.choice);
        expect(result).toEqual({ kind: 'recorded', choice: attempt.choice });
      } else {
        expect(result).toEqual({ kind: 'already-answered', choice: first.get(attempt.member) });
      }
    }
    expect(outcomes).toEqual({ recorded: members, 'already-answered': 1_000 - members, closed: 0 });
    expect(storage.answers.count(round.id)).toBe(members);
    const rows = db
      .prepare<[number], { user_id: string; choice: number }>(
        'SELECT user_id, choice FROM quiz_answers WHERE round_id = ?',
      )
      .all(round.id);
    expect(rows).toHaveLength(members);
    for (const row of rows)
      expect(row.choice).toBe(first.get(Number(BigInt(row.user_id) - 200000000000000000n)));
    const distribution = storage.answers.distribution(round.id, 4);
    expect(distribution.reduce((sum, count) => sum + count, 0)).toBe(members);
  });

  test('GIVEN a round past its close time or closed THEN an answer is refused as closed', () => {
    const round = openRound('2026-11-25');
    expect(storage.answers.record(round.id, memberId(1), 0, round.closesAt).kind).toBe('closed');
    storage.answers.record(round.id, memberId(2), 1, round.closesAt - 1);
    storage.scores.close(round.id, round.closesAt);
    expect(storage.answers.record(round.id, memberId(3), 1, round.closesAt - 1).kind).toBe('closed');
    expect(storage.answers.record(round.id, memberId(2), 0, round.closesAt - 1)).toEqual({
      kind: 'already-answered',
      choice: 1,
    });
    expect(storage.answers.record(987654, memberId(4), 1, round.closesAt - 1).kind).toBe('closed');
  });
});

describe('quiz rounds storage', () => {
  test('GIVEN a round recorded for a server and date THEN a second one for that date returns the first', () => {
    const first = openRound('2026-11-25');
    const again = storage.rounds.create({
      guildId,
      localDate: '2026-11-25',
      channelId: '300000000000000009',
      question: { ...question, id: 'other' },
      scheduledAt: 0,
      closesAt: 1,
      late: true,
      pingRoleId: null,
      now: 0,
    });
    expect(again.kind).toBe('exists');
    expect(again.round.id).toBe(first.id);
    expect(again.round.question.id).toBe(question.id);
    expect(openRound('2026-11-25', otherGuildId).id).not.toBe(first.id);
  });

  test('GIVEN a posting round THEN posting marks it open once, and a failure keeps the reason', () => {
    const created = storage.rounds.create({
      guildId,
      localDate: '2026-11-26',
      channelId: '300000000000000001',
      question,
      scheduledAt: 10,
      closesAt: 20,
      late: false,
      pingRoleId: null,
      now: 10,
    });
    expect(created.round.state).toBe('posting');
    storage.rounds.recordAttemptFailure(created.round.id, 'HTTP 503', 70_000);
    expect(storage.rounds.byId(created.round.id)).toMatchObject({
      attempts: 1,
      retryAt: 70_000,
      lastError: 'HTTP 503',
    });
    expect(storage.rounds.markFailed(created.round.id, 'Missing Access')).toBe(true);
    expect(storage.rounds.markPosted(created.round.id, '1', 11)).toBe(false);
    expect(storage.rounds.byId(created.round.id)).toMatchObject({
      state: 'failed',
      failure: 'Missing Access',
    });
    expect(storage.rounds.history(guildId).has(question.id)).toBe(false);
  });

  test('GIVEN a failed round WHEN retried while its answers are open THEN the same row, id and question post again, late, in the given channel', () => {
    const created = storage.rounds.create({
      guildId,
      localDate: '2026-11-26',
      channelId: '300000000000000001',
      question,
      scheduledAt: 10,
      closesAt: 20,
      late: false,
      pingRoleId: null,
      now: 10,
    });
    storage.rounds.recordAttemptFailure(created.round.id, 'HTTP 503', 15);
    storage.rounds.markFailed(created.round.id, 'Missing Access');
    const retry = {
      guildId,
      localDate: '2026-11-26',
      channelId: '300000000000000002',
      pingRoleId: '500000000000000001',
    };
    expect(storage.rounds.retryFailed({ ...retry, now: 20 })).toBe(false);
    expect(storage.rounds.retryFailed({ ...retry, localDate: '2026-11-27', now: 19 })).toBe(false);
    expect(storage.rounds.retryFailed({ ...retry, now: 19 })).toBe(true);
    expect(storage.rounds.byDate(guildId, '2026-11-26')).toEqual({
      ...created.round,
      channelId: '300000000000000002',
      pingRoleId: '500000000000000001',
      late: true,
    });
    expect(storage.rounds.retryFailed({ ...retry, now: 19 })).toBe(false);
  });

  test('GIVEN a stored snapshot that is not JSON THEN the round is reported and left out, others still read', () => {
    const reports: Array<[number, string]> = [];
    storage = createQuizStorage(db, (roundId, reason) => reports.push([roundId, reason]));
    const broken = openRound('2026-11-25');
    const healthy = openRound('2026-11-25', otherGuildId);
    db.prepare("UPDATE quiz_rounds SET question = '{' WHERE id = ?").run(broken.id);
    expect(storage.rounds.gate(broken.id)).toBeUndefined();
    expect(storage.rounds.due(healthy.closesAt).map((round) => round.id)).toEqual([healthy.id]);
    expect(storage.rounds.due(healthy.closesAt - 1)).toEqual([]);
    expect(reports).toEqual([[broken.id, 'the stored question snapshot is unreadable']]);
    expect(storage.scores.close(broken.id, broken.closesAt)).toEqual({ kind: 'unreadable' });
    expect(storage.scores.close(healthy.id, healthy.closesAt).kind).toBe('closed');
  });
});

describe('quiz scores storage', () => {
  function playRound(localDate: string, answers: ReadonlyArray<readonly [number, number]>, server = guildId) {
    const round = openRound(localDate, server);
    for (const [member, choice] of answers)
      storage.answers.record(round.id, memberId(member), choice, round.scheduledAt + 1);
    const closing = storage.scores.close(round.id, round.closesAt);
    expect(closing.kind).toBe('closed');
    return round;
  }

  test('GIVEN a closed round THEN closing it again changes nothing', () => {
    const round = playRound('2026-11-25', [[1, 1]]);
    expect(storage.scores.close(round.id, round.closesAt + 1)).toEqual({ kind: 'not-open' });
    expect(storage.scores.standing(guildId, memberId(1), 'all', '2026-11-25')?.points).toBe(10);
    expect(storage.rounds.byId(round.id)).toMatchObject({
      state: 'closed',
      players: 1,
      resultsState: 'pending',
    });
  });

  test('GIVEN three days of rounds THEN totals, ranks, streaks and periods follow the scoring rule', () => {
    playRound('2026-11-29', [
      [1, 1],
      [2, 1],
      [3, 0],
    ]);
    playRound('2026-11-30', [
      [1, 1],
      [2, 0],
      [3, 1],
    ]);
    playRound('2026-12-01', [
      [1, 1],
      [3, 1],
      [4, 1],
    ]);
    const all = storage.scores.leaderboard(guildId, 'all', '2026-12-01', 10);
    expect(all.map((row) => [row.userId, row.points, row.answered, row.correct, row.rank])).toEqual([
      [memberId(1), 36, 3, 3, 1],
      [memberId(3), 22, 3, 2, 2],
      [memberId(2), 10, 2, 1, 3],
      [memberId(4), 10, 1, 1, 3],
    ]);
    const week = storage.scores.leaderboard(guildId, 'week', '2026-12-01', 10);
    expect(week.map((row) => [row.userId, row.points])).toEqual([
      [memberId(1), 26],
      [memberId(3), 22],
      [memberId(4), 10],
      [memberId(2), 0],
    ]);
    const month = storage.scores.leaderboard(guildId, 'month', '2026-12-01', 10);
    expect(month.map((row) => [row.userId, row.points])).toEqual([
      [memberId(1), 14],
      [memberId(3), 12],
      [memberId(4), 10],
    ]);
    expect(storage.scores.streak(guildId, memberId(1))).toEqual({
      current: 3,
      lastCorrectDate: '2026-12-01',
      best: 3,
    });
    expect(storage.scores.streak(guildId, memberId(2))).toEqual({
      current: 0,
      lastCorrectDate: '2026-11-29',
      best: 1,
    });
    expect(storage.scores.standing(guildId, memberId(4), 'all', '2026-12-01')).toMatchObject({
      rank: 3,
      points: 10,
    });
    expect(storage.rounds.latestClosedDate(guildId)).toBe('2026-12-01');
  });

  test('GIVEN 30 players THEN a member outside the top 10 still gets their rank and points', () => {
    const answers = Array.from({ length: 30 }, (_, index) => [index, index % 3 === 0 ? 1 : 0] as const);
    let date = '2026-11-01';
    for (let day = 0; day < 3; day += 1) {
      playRound(date, day === 0 ? answers : answers.filter(([member]) => member < 5));
      date = addDays(date, 1);
    }
    const top = storage.scores.leaderboard(guildId, 'all', date, 10);
    expect(top).toHaveLength(10);
    const outside = storage.scores.standing(guildId, memberId(29), 'all', date);
    expect(outside).toMatchObject({ points: 0, answered: 1, correct: 0 });
    const scoring = answers.filter(([, choice]) => choice === 1).length;
    expect(top.every((row) => row.points > 0)).toBe(true);
    expect(outside?.rank).toBe(scoring + 1);
    expect(storage.scores.players(guildId, 'all', date)).toBe(30);
  });

  test('GIVEN two servers THEN one server’s scores never show in the other’s leaderboard', () => {
    playRound('2026-11-25', [[1, 1]]);
    playRound('2026-11-25', [[2, 1]], otherGuildId);
    expect(storage.scores.leaderboard(guildId, 'all', '2026-11-25', 10).map((row) => row.userId)).toEqual([
      memberId(1),
    ]);
    expect(storage.scores.standing(otherGuildId, memberId(1), 'all', '2026-11-25')).toBeUndefined();
  });

  test('GIVEN an admin removes a member THEN their scores, totals, streak and closed answers are gone', () => {
    const round = playRound('2026-11-25', [
      [1, 1],
      [2, 1],
    ]);
    expect(storage.scores.removeMember(guildId, memberId(1))).toBeGreaterThan(0);
    expect(storage.scores.standing(guildId, memberId(1), 'all', '2026-11-25')).toBeUndefined();
    expect(storage.scores.streak(guildId, memberId(1))).toBeUndefined();
    expect(storage.answers.choiceOf(round.id, memberId(1))).toBeUndefined();
    expect(storage.scores.exportTotals(guildId).map((row) => row.userId)).toEqual([memberId(2)]);
    expect(storage.scores.exportHistory(guildId)).toHaveLength(1);
  });
});

describe('quiz configuration storage', () => {
  const config: QuizConfig = {
    guildId,
    channelId: '300000000000000001',
    postTime: '09:00',
    timeZone: 'Europe/London',
    durationMinutes: 720,
    pingRoleId: null,
    paused: false,
    activeSince: 1_000,
    updatedAt: 1_000,
  };

  test('GIVEN a saved configuration THEN it reads back, pauses and resumes', () => {
    storage.configs.save(config);
    expect(storage.configs.get(guildId)).toEqual({ kind: 'ok', config });
    expect(storage.configs.setPaused(guildId, true, 2_000)).toBe(true);
    expect(storage.configs.get(guildId)).toMatchObject({
      kind: 'ok',
      config: { paused: true, activeSince: 1_000 },
    });
    storage.configs.setPaused(guildId, false, 3_000);
    expect(storage.configs.get(guildId)).toMatchObject({
      kind: 'ok',
      config: { paused: false, activeSince: 3_000 },
    });
  });

  test('GIVEN a stored row that fails its schema THEN it is reported as invalid, not thrown', () => {
    storage.configs.save(config);
    db.prepare("UPDATE quiz_configs SET time_zone = 'Tokyo', post_time = '25:00' WHERE guild_id = ?").run(
      guildId,
    );
    const read = storage.configs.get(guildId);
    expect(read.kind).toBe('invalid');
    if (read.kind === 'invalid')
      expect(read.problems.join(' ')).toMatch(/timeZone.*postTime|postTime.*timeZone/s);
    expect(storage.configs.list()).toHaveLength(1);
  });
});
