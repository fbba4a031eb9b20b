import type { ContentLibrary, Story } from '../../story-packs/core/index.js';
import { normaliseForSearch } from '../../story-packs/core/index.js';

export type StoryLookup =
  | { kind: 'found'; story: Story }
  | { kind: 'unknown'; input: string; suggestions: readonly Story[] };

/**
 * Finds the story a member named: its id as autocomplete sends it, or an id or title typed by hand in
 * any case. Otherwise the closest stories, for a "did you mean" answer.
 */
export function lookUpStory(content: ContentLibrary, input: string, suggestionLimit = 5): StoryLookup {
  const trimmed = input.trim();
  const exact = content.getStory(trimmed) ?? content.getStory(trimmed.toLowerCase());
  if (exact !== undefined) return { kind: 'found', story: exact };
  const wanted = normaliseForSearch(trimmed);
  const byName = content.stories.find(
    (story) => normaliseForSearch(story.title) === wanted || normaliseForSearch(story.id) === wanted,
  );
  if (byName !== undefined) return { kind: 'found', story: byName };
  return { kind: 'unknown', input: trimmed, suggestions: content.suggestStories(trimmed, suggestionLimit) };
}
