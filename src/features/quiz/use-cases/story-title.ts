import type { ContentLibrary } from '../../story-packs/core/index.js';
import type { QuizRound } from '../core/round.js';

/** The title of the story the round's question comes from, while the packs still have it. */
export function storyTitleOf(content: ContentLibrary, round: QuizRound): string | null {
  return content.getStory(round.question.storyId)?.title ?? null;
}
