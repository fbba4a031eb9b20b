import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { scheduleRounds } from '../../../src/features/debate/core/rounds.js';
import {
  createModerationRepository,
  type ModerationRepository,
} from '../../../src/features/debate/storage/moderation-repository.js';
import {
  createDebateRepository,
  type DebateRepository,
  type NewDebate,
} from '../../../src/features/debate/storage/repository.js';
import { migrate } from '../../../src/platform/database/migrate.js';
import { migrations } from '../../../src/platform/database/migrations/index.js';

const minute = 60_000;
const start = Date.UTC(2026, 10, 25, 18, 0);
const guildId = '900000000000000001';

function newDebate(change: Partial<NewDebate> = {}): NewDebate {
  return {
    guildId,
    parentChannelId: '900000000000000010',
    threadId: '900000000000000100',
    motion: 'This house would raise host-nation support',
    promptId: null,
    storyId: null,
    format: 'open',
    startedBy: '900000000000001000',
    startedAt: start,
    closesAt: start + 60 * minute,
    debateSlowmode: 30,
    original: { slowmodeSeconds: 0, locked: false },
    rounds: [],
    ...change,
  };
}

describe('debate storage', () => {
  let db: Database.Database;
  let debates: DebateRepository;
  let moderation: ModerationRepository;

  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    debates = createDebateRepository(db);
    moderation = createModerationRepository(db);
  });

  test('GIVEN a new debate THEN it is stored open with what the bot has applied equal to the original state', () => {
    const debate = debates.create(newDebate());
    expect(debate).toMatchObject({
      status: 'open',
      durationMs: 60 * minute,
      debateSlowmode: 30,
      original: { slowmodeSeconds: 0, locked: false },
      applied: { slowmodeSeconds: 0, locked: false },
    });
    debates.recordApplied(debate.id, { slowmodeSeconds: 30 });
    expect(debates.findByThread('900000000000000100')?.applied).toEqual({
      slowmodeSeconds: 30,
      locked: false,
    });
  });

  test('GIVEN two debates in one thread THEN the second is refused', () => {
    debates.create(newDebate());
    expect(() => debates.create(newDebate())).toThrow(/UNIQUE/);
  });

  test('GIVEN closing times THEN only open debates whose time has come are due, and closing is done once', () => {
    const early = debates.create(newDebate({ threadId: '1', closesAt: start + 10 * minute }));
    debates.create(newDebate({ threadId: '2', closesAt: start + 90 * minute }));
    expect(debates.listDueToClose(start + 10 * minute).map((debate) => debate.id)).toEqual([early.id]);
    expect(debates.close(early.id, { closedAt: start + 10 * minute, closedBy: null, reason: null })).toBe(
      true,
    );
    expect(debates.close(early.id, { closedAt: start + 11 * minute, closedBy: '5', reason: 'again' })).toBe(
      false,
    );
    expect(debates.get(early.id)).toMatchObject({
      status: 'closed',
      closedAt: start + 10 * minute,
      closedBy: null,
    });
    expect(debates.listDueToClose(start + 100 * minute).map((debate) => debate.threadId)).toEqual(['2']);
  });

  test('GIVEN a closed debate THEN it stays unfinished until every finishing step is done', () => {
    const debate = debates.create(newDebate());
    debates.close(debate.id, { closedAt: start, closedBy: null, reason: null });
    for (const step of ['restored', 'card-closed', 'thread-summary'] as const) {
      debates.markFinished(debate.id, step, start);
      expect(debates.listUnfinished().map((item) => item.id)).toEqual([debate.id]);
    }
    debates.markFinished(debate.id, 'parent-summary', start);
    expect(debates.listUnfinished()).toEqual([]);
  });

  test('GIVEN a reopened debate THEN it is open again with fresh finishing work and a new original state', () => {
    const debate = debates.create(newDebate());
    debates.close(debate.id, { closedAt: start, closedBy: '7', reason: 'done' });
    debates.markFinished(debate.id, 'restored', start);
    debates.markFault(debate.id, 'thread was locked', start);
    expect(
      debates.reopen(debate.id, {
        closesAt: start + 120 * minute,
        original: { slowmodeSeconds: 5, locked: false },
      }),
    ).toBe(true);
    expect(debates.get(debate.id)).toMatchObject({
      status: 'open',
      closesAt: start + 120 * minute,
      closedAt: null,
      restoredAt: null,
      fault: null,
      original: { slowmodeSeconds: 5, locked: false },
      applied: { slowmodeSeconds: 5, locked: false },
    });
    expect(
      debates.reopen(debate.id, { closesAt: start, original: { slowmodeSeconds: 0, locked: false } }),
    ).toBe(false);
  });

  test('GIVEN a rounds debate THEN rounds come due in time, are announced once, and move when the debate is extended', () => {
    const closesAt = start + 90 * minute;
    const debate = debates.create(
      newDebate({ format: 'rounds', closesAt, rounds: scheduleRounds(start, closesAt) }),
    );
    debates.markRoundsAnnounced(debate.id, [1], start);
    expect(debates.listWithRoundsDue(start + 29 * minute)).toEqual([]);
    expect(debates.listWithRoundsDue(start + 30 * minute).map((item) => item.id)).toEqual([debate.id]);
    debates.extend(debate.id, start + 180 * minute, start + 15 * minute);
    expect(debates.listRounds(debate.id).map((round) => round.startsAt)).toEqual([
      start,
      start + 48 * minute,
      start + 114 * minute,
    ]);
    expect(debates.get(debate.id)?.closesAt).toBe(start + 180 * minute);
    debates.markRoundsAnnounced(debate.id, [2], start + 48 * minute);
    debates.markRoundsAnnounced(debate.id, [2], start + 80 * minute);
    expect(debates.listRounds(debate.id)[1]?.announcedAt).toBe(start + 48 * minute);
  });

  test('GIVEN stance clicks THEN the opening stance is kept and the current one follows the latest click', () => {
    const debate = debates.create(newDebate());
    expect(debates.recordStance(debate.id, 'a', 'for', start).kind).toBe('opening');
    expect(debates.recordStance(debate.id, 'a', 'against', start + 1).kind).toBe('changed');
    expect(debates.recordStance(debate.id, 'a', 'against', start + 2).kind).toBe('unchanged');
    expect(debates.listStances(debate.id)).toEqual([{ userId: 'a', opening: 'for', current: 'against' }]);
  });

  test('GIVEN open, closed and reopened debates THEN the open thread ids are those of open debates only', () => {
    const first = debates.create(newDebate());
    const second = debates.create(
      newDebate({ threadId: '900000000000000200', guildId: '900000000000000002' }),
    );
    expect(debates.listOpenThreadIds().sort()).toEqual(['900000000000000100', '900000000000000200']);
    debates.close(first.id, { closedAt: start, closedBy: null, reason: null });
    expect(debates.listOpenThreadIds()).toEqual(['900000000000000200']);
    debates.reopen(first.id, {
      closesAt: start + 60 * minute,
      original: { slowmodeSeconds: 0, locked: false },
    });
    debates.close(second.id, { closedAt: start, closedBy: null, reason: null });
    expect(debates.listOpenThreadIds()).toEqual(['900000000000000100']);
  });

  test('GIVEN messages in threads THEN only those in open debate threads count, by author and stance at the time', () => {
    const debate = debates.create(newDebate());
    expect(debates.countMessage('900000000000000100', 'a')).toBe(true);
    debates.recordStance(debate.id, 'a', 'for', start);
    debates.countMessage('900000000000000100', 'a');
    debates.countMessage('900000000000000100', 'a');
    expect(debates.countMessage('somewhere-else', 'a')).toBe(false);
    debates.close(debate.id, { closedAt: start, closedBy: null, reason: null });
    expect(debates.countMessage('900000000000000100', 'a')).toBe(false);
    expect(debates.listMessageTallies(debate.id)).toEqual([
      { userId: 'a', stance: 'for', count: 2 },
      { userId: 'a', stance: 'none', count: 1 },
    ]);
  });

  test('GIVEN warnings THEN each is stored and the count is per member and debate', () => {
    const debate = debates.create(newDebate());
    const warn = (userId: string) =>
      moderation.addWarning({
        debateId: debate.id,
        guildId,
        userId,
        moderatorId: 'm',
        reason: 'r',
        createdAt: start,
      });
    expect(warn('a').count).toBe(1);
    expect(warn('b').count).toBe(1);
    expect(warn('a').count).toBe(2);
    expect(moderation.countWarnings(debate.id)).toBe(3);
    expect(moderation.memberStats(guildId, 'a').warnings).toBe(2);
  });

  test('GIVEN the same member reporting one message twice THEN it is counted once', () => {
    const debate = debates.create(newDebate());
    const report = {
      guildId,
      channelId: '900000000000000100',
      messageId: 'msg',
      authorId: 'b',
      reporterId: 'a',
      debateId: debate.id,
      reason: 'insult',
      createdAt: start,
    };
    expect(moderation.addReport(report)).toBe('recorded');
    expect(moderation.addReport({ ...report, reason: 'again' })).toBe('duplicate');
    expect(moderation.addReport({ ...report, reporterId: 'c' })).toBe('recorded');
    expect(moderation.hasReported('msg', 'a')).toBe(true);
    expect(moderation.countReports(debate.id)).toBe(2);
  });

  test('GIVEN credits THEN each member credits a message once and tallies and member stats add up', () => {
    const debate = debates.create(newDebate());
    const credit = (messageId: string, authorId: string, creditorId: string) =>
      moderation.addCredit({
        debateId: debate.id,
        guildId,
        messageId,
        authorId,
        creditorId,
        explanation: 'Those numbers changed my mind entirely',
        createdAt: start,
      });
    expect(credit('m1', 'b', 'a')).toBe('recorded');
    expect(credit('m1', 'b', 'a')).toBe('duplicate');
    credit('m1', 'b', 'c');
    credit('m2', 'c', 'a');
    debates.countMessage('900000000000000100', 'b');
    expect(moderation.listCreditTallies(debate.id)).toEqual([
      { messageId: 'm1', authorId: 'b', credits: 2 },
      { messageId: 'm2', authorId: 'c', credits: 1 },
    ]);
    expect(moderation.memberStats(guildId, 'b')).toEqual({
      debates: 1,
      messages: 1,
      creditsReceived: 2,
      creditsGiven: 0,
      warnings: 0,
    });
    expect(moderation.memberStats(guildId, 'a').creditsGiven).toBe(2);
    expect(moderation.topCreditedMembers(guildId, 5)).toEqual([
      { userId: 'b', credits: 2 },
      { userId: 'c', credits: 1 },
    ]);
  });

  test('GIVEN moderation entries THEN they are kept with their posting outcome, and the mod-log hint is claimed once', () => {
    const id = moderation.log({
      guildId,
      debateId: null,
      action: 'lock',
      actorId: 'm',
      targetId: null,
      channelId: 'c',
      messageId: null,
      detail: null,
      createdAt: start,
    });
    moderation.markPostFailed(id, 'no mod log');
    expect(moderation.listLog(guildId, 5)[0]).toMatchObject({
      action: 'lock',
      postFailure: 'no mod log',
      postedMessageId: null,
    });
    moderation.markPosted(id, 'posted');
    expect(moderation.listLog(guildId, 5)[0]).toMatchObject({ postFailure: null, postedMessageId: 'posted' });
    expect(moderation.claimModLogHint(guildId, 'm', start)).toBe(true);
    expect(moderation.claimModLogHint(guildId, 'm', start + 1)).toBe(false);
  });

  test('GIVEN faults THEN the first reason is kept and listed for the server', () => {
    const debate = debates.create(newDebate());
    debates.markFault(debate.id, 'The thread was deleted', start);
    debates.markFault(debate.id, 'later problem', start + 1);
    expect(debates.listFaulted(guildId, 5).map((item) => item.fault)).toEqual(['The thread was deleted']);
  });
});
