import type { ContentLibrary, Story } from '../../story-packs/core/index.js';
import { normaliseForSearch } from '../../story-packs/core/index.js';

export type StoryLookup =
  | { kind: 'found'; story: Story }
  | { kind: 'ambiguous'; input: string; matches: readonly Story[] }
  | { kind: 'unknown'; input: string; suggestions: readonly Story[] };

/**
 * Finds the story a member named: its id as autocomplete sends it, an id or title typed by hand in
 * any case, or words typed instead of picking when one story is the clear best match by the same
 * matching autocomplete uses. Several about equal matches are listed to choose from; otherwise the
 * closest stories, for a "did you mean" answer.
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
  const match = content.matchStory(trimmed, suggestionLimit);
  if (match.kind === 'clear') return { kind: 'found', story: match.story };
  if (match.kind === 'ambiguous') return { kind: 'ambiguous', input: trimmed, matches: match.stories };
  return { kind: 'unknown', input: trimmed, suggestions: content.suggestStories(trimmed, suggestionLimit) };
}
