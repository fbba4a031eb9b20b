import { describe, expect, test } from 'vitest';
import { buildCustomId, parseCustomId } from '../../../src/platform/ids/custom-id.js';

describe('custom ids', () => {
  test('GIVEN a built id THEN parsing returns its feature, action and arguments', () => {
    const id = buildCustomId('timeline', 'page', 'us-japan-alliance', 3, '123456789012345678');
    expect(id).toBe('rt1:timeline:page:us-japan-alliance:3:123456789012345678');
    expect(parseCustomId(id)).toEqual({
      kind: 'ok',
      feature: 'timeline',
      action: 'page',
      args: ['us-japan-alliance', '3', '123456789012345678'],
    });
  });

  test('GIVEN an id from an older scheme THEN it is stale', () => {
    expect(parseCustomId('rt0:timeline:page:x')).toEqual({ kind: 'stale', version: 'rt0' });
  });

  test.each(['', 'garbage', 'rt1:Timeline:page', 'rt1:timeline', 'rt1:timeline:page:a b', 'x'.repeat(101)])(
    'GIVEN the malformed id %j THEN parsing says so without throwing',
    (raw) => {
      expect(parseCustomId(raw)).toEqual({ kind: 'malformed' });
    },
  );

  test('GIVEN arguments that would break the scheme THEN building refuses', () => {
    expect(() => buildCustomId('quiz', 'answer', 'a:b')).toThrow();
    expect(() => buildCustomId('quiz', 'answer', 'x'.repeat(100))).toThrow();
  });
});
