import { ComponentType } from 'discord.js';
import { colours } from '../../../../platform/discord/colours.js';
import { reportErrorButton } from '../../../error-reports/discord/report-button.js';
import { buildFactCheckPages } from '../../messages/factcheck-view.js';
import { type StoryViewState, storyViewState } from '../content-reference.js';
import { readingTime, viewOfStory } from '../find-content.js';
import { type ButtonRow, definePager } from '../pager.js';
import { correctionsButtons } from './corrections-pager.js';
import { itemsOf } from './page-items.js';

export type FactCheckState = StoryViewState;

export const factCheckPager = definePager<FactCheckState>({
  feature: 'factcheck',
  action: 'page',
  colour: colours.factCheck,
  ...storyViewState,
  render(state, context) {
    return viewOfStory(state.story, context, (story) => {
      return {
        kind: 'pages',
        pages: buildFactCheckPages(
          story,
          context.content.getFactChecks(story.id),
          context.content.getUpdates(story.id),
          readingTime(context),
        ),
        rows: (page): ButtonRow[] => [
          {
            type: ComponentType.ActionRow,
            components: [
              ...correctionsButtons(story),
              reportErrorButton({ view: 'factcheck', story: story.id, ...itemsOf(page) }),
            ],
          },
        ],
      };
    });
  },
});
