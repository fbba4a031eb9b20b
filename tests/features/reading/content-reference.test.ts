import { describe, expect, test } from 'vitest';
import { storyPromptRoute } from '../../../src/features/debate/commands/prompt.js';
import { storyPromptCustomId } from '../../../src/features/debate/discord/prompt-ids.js';
import {
  contentReference,
  hashedReference,
  referenceFor,
  resolveReference,
} from '../../../src/features/reading/discord/content-reference.js';
import { timelinePager } from '../../../src/features/reading/discord/pagers/timeline-pager.js';
import { parsePrecisionDate } from '../../../src/features/story-packs/core/index.js';

const longestId = `${'a'.repeat(29)}-${'b'.repeat(30)}`;
const items = [{ id: 'us-japan-alliance' }, { id: longestId }];
const byId = (id: string) => items.find((item) => item.id === id);

function date(text: string) {
  const parsed = parsePrecisionDate(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.date;
}

describe('content references in custom ids', () => {
  test('GIVEN an id THEN its hashed reference is a dot and ten base-36 characters, stable and valid', () => {
    const reference = hashedReference(longestId);
    expect(reference).toMatch(/^\.[0-9a-z]{10}$/);
    expect(hashedReference(longestId)).toBe(reference);
    expect(contentReference.safeParse(reference).success).toBe(true);
    expect(contentReference.safeParse('Not an id').success).toBe(false);
  });

  test('GIVEN a plain or hashed reference THEN it resolves to the same item', () => {
    expect(resolveReference('us-japan-alliance', items, byId)).toEqual({ id: 'us-japan-alliance' });
    expect(resolveReference(hashedReference(longestId), items, byId)).toEqual({ id: longestId });
    expect(resolveReference(hashedReference('gone'), items, byId)).toBeUndefined();
  });

  test('GIVEN an already hashed reference THEN compacting keeps it as it is', () => {
    const reference = hashedReference(longestId);
    expect(referenceFor(reference, true)).toBe(reference);
    expect(referenceFor('us-japan-alliance', false)).toBe('us-japan-alliance');
  });

  test('GIVEN a 60-character story id with a full range and the longest owner THEN the timeline id still fits', () => {
    const state = { story: longestId, from: date('1951-09-08'), to: date('2026-11-25') };
    const id = timelinePager.customId('previous', 999, '18446744073709551615', state);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).toContain(hashedReference(longestId));
    expect(timelinePager.route.args.parse(id.split(':').slice(3))).toMatchObject({
      state: { story: hashedReference(longestId) },
    });
  });

  test('GIVEN a 60-character story id THEN the story prompt button carries the id itself', () => {
    const id = storyPromptCustomId(longestId);
    expect(id).toBe(`rt1:debate:story-prompt:${longestId}`);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(storyPromptRoute.args.parse(id.split(':').slice(3))).toEqual([longestId]);
  });

  test('GIVEN a short story id THEN the timeline id carries the id itself', () => {
    const id = timelinePager.customId('next', 1, '123456789012345678', { story: 'us-japan-alliance' });
    expect(id).toBe('rt1:timeline:page:n:1:123456789012345678:us-japan-alliance::');
  });
});
