import { describe, expect, test } from 'vitest';
import { formatContentIssue, loadContent } from '../../../src/features/story-packs/core/index.js';

describe('the story packs in content/', () => {
  test('GIVEN the packs as committed THEN they load without errors today', async () => {
    const result = await loadContent('content', { today: new Date() });
    expect(result.kind === 'invalid' ? result.errors.map(formatContentIssue) : []).toEqual([]);
    expect(result.kind).toBe('ok');
  });

  test('GIVEN the packs as committed THEN both seed stories are present', async () => {
    const result = await loadContent('content', { today: new Date() });
    const ids = result.kind === 'ok' ? result.library.stories.map((story) => story.id) : [];
    expect(ids).toEqual(expect.arrayContaining(['us-japan-alliance', 'japan-defence-buildup']));
  });
});
