import { buildCustomId } from '../../../platform/ids/custom-id.js';

/** The route of the button that shows one of a story's debate prompts, offered under a summary too. */
export const storyPromptRouteId = { feature: 'debate', action: 'story-prompt' } as const;

/** `rt1:debate:story-prompt:` leaves 76 characters, more than a story id's 60. */
export function storyPromptCustomId(storyId: string): string {
  return buildCustomId(storyPromptRouteId.feature, storyPromptRouteId.action, storyId);
}
