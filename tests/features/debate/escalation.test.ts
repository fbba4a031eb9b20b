import { describe, expect, test } from 'vitest';
import {
  checkWarnTarget,
  decideEscalation,
  maximumTimeoutMinutes,
  timeoutEndsAt,
} from '../../../src/features/debate/core/escalation.js';

const base = { limit: 3, timeoutMinutes: 60, botCanTimeOut: true };

describe('escalation rule', () => {
  test('GIVEN warnings below the limit THEN the warning is only recorded, with the warnings left', () => {
    expect(decideEscalation({ ...base, warningCount: 1 })).toEqual({
      kind: 'warning',
      count: 1,
      limit: 3,
      remaining: 2,
    });
    expect(decideEscalation({ ...base, warningCount: 2 })).toEqual({
      kind: 'warning',
      count: 2,
      limit: 3,
      remaining: 1,
    });
  });

  test('GIVEN the warning that reaches the limit THEN the member is removed and timed out', () => {
    expect(decideEscalation({ ...base, warningCount: 3 })).toEqual({
      kind: 'escalate',
      count: 3,
      limit: 3,
      removeFromThread: true,
      timeout: { kind: 'apply', minutes: 60 },
    });
  });

  test('GIVEN a warning past the limit THEN it escalates again', () => {
    expect(decideEscalation({ ...base, warningCount: 5 }).kind).toBe('escalate');
  });

  test('GIVEN the bot lacks Moderate Members THEN the member is removed but not timed out, and the reason says so', () => {
    const decision = decideEscalation({ ...base, warningCount: 3, botCanTimeOut: false });
    expect(decision).toMatchObject({ kind: 'escalate', timeout: { kind: 'skip', reason: 'no-permission' } });
  });

  test('GIVEN the server disabled timeouts THEN the member is only removed', () => {
    const decision = decideEscalation({ ...base, warningCount: 3, timeoutMinutes: 0 });
    expect(decision).toMatchObject({ kind: 'escalate', timeout: { kind: 'skip', reason: 'disabled' } });
  });

  test('GIVEN a limit of one THEN the first warning escalates', () => {
    expect(decideEscalation({ ...base, limit: 1, warningCount: 1 }).kind).toBe('escalate');
  });

  test('GIVEN a timeout longer than Discord allows THEN it is capped at 28 days', () => {
    const decision = decideEscalation({ ...base, warningCount: 3, timeoutMinutes: 100_000 });
    expect(decision).toMatchObject({ timeout: { kind: 'apply', minutes: maximumTimeoutMinutes } });
    expect(timeoutEndsAt(0, 100_000)).toBe(28 * 24 * 3_600_000);
  });
});

describe('warn targets', () => {
  const ids = { moderatorId: '100000000000000001', botId: '100000000000000009' };

  test('GIVEN a moderator warning themselves THEN it is refused', () => {
    expect(checkWarnTarget({ ...ids, targetId: ids.moderatorId, targetIsBot: false })).toEqual({
      kind: 'refused',
      reason: 'self',
    });
  });

  test('GIVEN a moderator warning the bot THEN it is refused', () => {
    expect(checkWarnTarget({ ...ids, targetId: ids.botId, targetIsBot: true })).toEqual({
      kind: 'refused',
      reason: 'this-bot',
    });
  });

  test('GIVEN another bot THEN it is refused', () => {
    expect(checkWarnTarget({ ...ids, targetId: '100000000000000005', targetIsBot: true })).toEqual({
      kind: 'refused',
      reason: 'bot',
    });
  });

  test('GIVEN another member THEN the warning is allowed', () => {
    expect(checkWarnTarget({ ...ids, targetId: '100000000000000002', targetIsBot: false })).toEqual({
      kind: 'allowed',
    });
  });
});
