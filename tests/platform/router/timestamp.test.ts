import { describe, expect, test } from 'vitest';
import { discordTimestamp } from '../../../src/platform/discord/timestamp.js';

describe('Discord timestamps', () => {
  test('GIVEN an instant with milliseconds THEN the markup counts whole seconds, in the style asked for', () => {
    const instant = Date.parse('2026-11-25T09:00:00.999Z');
    expect(discordTimestamp(instant, 'D')).toBe('<t:1795597200:D>');
    expect(discordTimestamp(instant)).toBe('<t:1795597200:f>');
  });
});
