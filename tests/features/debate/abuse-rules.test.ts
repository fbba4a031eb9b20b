import { describe, expect, test } from 'vitest';
import {
  type CreditAttempt,
  checkCredit,
  checkCreditExplanation,
} from '../../../src/features/debate/core/credits.js';
import {
  checkReport,
  checkReportReason,
  cleanModeratorReason,
} from '../../../src/features/debate/core/reports.js';

const fair: CreditAttempt = {
  creditorId: '100000000000000001',
  authorId: '100000000000000002',
  authorIsBot: false,
  debate: { status: 'open' },
  alreadyCredited: false,
};

describe('"Changed my view" rules', () => {
  test("GIVEN another member's message in an open debate THEN the credit is allowed", () => {
    expect(checkCredit(fair)).toEqual({ kind: 'allowed' });
  });

  test.each([
    ['a message outside any debate thread', { debate: undefined }, 'not-debate-thread'],
    ['your own message', { authorId: fair.creditorId }, 'own-message'],
    ["the bot's message", { authorIsBot: true }, 'bot-message'],
    ['a message you already credited', { alreadyCredited: true }, 'already-credited'],
    ['a message in a closed debate', { debate: { status: 'closed' as const } }, 'debate-closed'],
  ])('GIVEN %s THEN the credit is refused', (_case, change, reason) => {
    expect(checkCredit({ ...fair, ...change })).toEqual({ kind: 'refused', reason });
  });

  test('GIVEN an explanation under 20 characters once cleaned THEN it is refused', () => {
    expect(checkCreditExplanation('too short')).toEqual({ kind: 'too-short', length: 9, minimum: 20 });
    expect(checkCreditExplanation(`   ${'\u200B'.repeat(30)}  short  `).kind).toBe('too-short');
    expect(checkCreditExplanation(undefined).kind).toBe('too-short');
  });

  test('GIVEN a fair explanation with a mention THEN it is kept with the mention neutralised', () => {
    expect(checkCreditExplanation('The figures from <@123456789012345678> convinced me @everyone')).toEqual({
      kind: 'ok',
      explanation: 'The figures from @member convinced me @\u200Beveryone',
    });
  });
});

describe('report rules', () => {
  test("GIVEN a first report of another member's message THEN it is allowed", () => {
    expect(checkReport({ reporterId: '1', authorId: '2', alreadyReported: false })).toEqual({
      kind: 'allowed',
    });
  });

  test('GIVEN a repeated report or your own message THEN it is refused with the reason', () => {
    expect(checkReport({ reporterId: '1', authorId: '2', alreadyReported: true })).toEqual({
      kind: 'refused',
      reason: 'already-reported',
    });
    expect(checkReport({ reporterId: '1', authorId: '1', alreadyReported: false })).toEqual({
      kind: 'refused',
      reason: 'own-message',
    });
  });

  test('GIVEN reasons THEN empty ones are refused and long ones refused, moderator reasons are capped', () => {
    expect(checkReportReason('  ').kind).toBe('too-short');
    expect(checkReportReason('x'.repeat(501)).kind).toBe('too-long');
    expect(checkReportReason('Personal attack')).toEqual({ kind: 'ok', reason: 'Personal attack' });
    expect(cleanModeratorReason('')).toBeUndefined();
    expect(cleanModeratorReason('y'.repeat(900))?.length).toBeLessThanOrEqual(500);
  });
});
