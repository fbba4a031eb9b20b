import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import type { NewErrorReport } from '../../../src/features/error-reports/core/types.js';
import {
  createErrorReportRepository,
  type ErrorReportRepository,
} from '../../../src/features/error-reports/storage/repository.js';
import { migrate } from '../../../src/platform/database/migrate.js';
import { migrations } from '../../../src/platform/database/migrations/index.js';

let db: Database.Database;
let reports: ErrorReportRepository;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, migrations);
  reports = createErrorReportRepository(db);
});

function report(overrides: Partial<NewErrorReport> = {}): NewErrorReport {
  return {
    storyId: 'us-japan-alliance',
    itemIds: ['usj-1995-okinawa-assault'],
    view: 'timeline',
    guildId: '100000000000000001',
    channelId: '100000000000000002',
    memberId: '100000000000000003',
    text: 'The date of the rally is wrong.',
    link: null,
    createdAt: 1_000_000,
    ...overrides,
  };
}

describe('the error report repository', () => {
  test('GIVEN a stored report THEN it lists back with its items, newest first, and the mod-log outcome', () => {
    const first = reports.addWithinLimit(report());
    const second = reports.addWithinLimit(
      report({
        storyId: 'japan-defence-buildup',
        itemIds: [],
        view: 'summary',
        createdAt: 2_000_000,
        link: 'https://example.org/',
      }),
    );
    expect(first).toEqual({ kind: 'stored', id: 1 });
    expect(second).toEqual({ kind: 'stored', id: 2 });
    reports.markPosted(1, '200000000000000001');
    reports.markPostFailed(2, 'no mod-log channel set');
    expect(
      reports.list().map((entry) => [entry.id, entry.itemIds, entry.modLogMessageId, entry.modLogFailure]),
    ).toEqual([
      [2, [], null, 'no mod-log channel set'],
      [1, ['usj-1995-okinawa-assault'], '200000000000000001', null],
    ]);
    expect(reports.list({ storyId: 'us-japan-alliance' }).map((entry) => entry.id)).toEqual([1]);
  });

  test('GIVEN three reports by one member within ten minutes THEN the fourth is not stored, and another member is not affected', () => {
    for (const minute of [0, 1, 2])
      expect(reports.addWithinLimit(report({ createdAt: minute * 60_000 })).kind).toBe('stored');
    expect(reports.addWithinLimit(report({ createdAt: 3 * 60_000 }))).toEqual({
      kind: 'limited',
      retryAt: 10 * 60_000,
    });
    expect(
      reports.addWithinLimit(report({ memberId: '100000000000000009', createdAt: 3 * 60_000 })).kind,
    ).toBe('stored');
    expect(reports.addWithinLimit(report({ createdAt: 10 * 60_000 })).kind).toBe('stored');
    expect(reports.list()).toHaveLength(5);
  });

  test('GIVEN text over 1000 characters or an unknown view THEN the database refuses the row', () => {
    expect(() => reports.addWithinLimit(report({ text: 'x'.repeat(1001) }))).toThrow(/CHECK constraint/);
    expect(() => reports.addWithinLimit(report({ view: 'quiz' as never }))).toThrow(/CHECK constraint/);
    expect(reports.list()).toEqual([]);
  });
});
