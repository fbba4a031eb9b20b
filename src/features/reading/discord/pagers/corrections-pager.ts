import { ComponentType } from 'discord.js';
import { colours } from '../../../../platform/discord/colours.js';
import { reportErrorButton } from '../../../error-reports/discord/report-button.js';
import type { Story } from '../../../story-packs/core/index.js';
import { buildCorrectionsPages } from '../../messages/corrections-view.js';
import { type StoryViewState, storyViewState } from '../content-reference.js';
import { viewOfStory } from '../find-content.js';
import { type ButtonRow, definePager } from '../pager.js';

export type CorrectionsState = StoryViewState;

/** The corrections of a story, paged; opened with the "Corrections" button of /summary and /factcheck. */
export const correctionsPager = definePager<CorrectionsState>({
  feature: 'corrections',
  action: 'page',
  colour: colours.factCheck,
  ...storyViewState,
  render(state, context) {
    return viewOfStory(state.story, context, (story) => {
      const row: ButtonRow = {
        type: ComponentType.ActionRow,
        components: [reportErrorButton({ view: 'corrections', story: story.id })],
      };
      return {
        kind: 'pages',
        pages: buildCorrectionsPages(story, {
          events: context.content.getTimeline(story.id),
          claims: context.content.getFactChecks(story.id),
          updates: context.content.getUpdates(story.id),
          prompts: context.content.getDebatePrompts(story.id),
          questions: context.content.getQuizQuestions(story.id),
        }),
        rows: [row],
      };
    });
  },
});

/** The "Corrections" button, for a story that has any. */
export function correctionsButtons(story: Story) {
  return (story.corrections?.length ?? 0) === 0
    ? []
    : [correctionsPager.openButton({ story: story.id }, 'Corrections', '📝')];
}
