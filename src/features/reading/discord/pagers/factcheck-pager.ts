import { ComponentType } from 'discord.js';
import { z } from 'zod';
import { colours } from '../../../../platform/discord/colours.js';
import { reportErrorButton } from '../../../error-reports/discord/report-button.js';
import { buildFactCheckPages } from '../../messages/factcheck-view.js';
import { type ContentReference, contentReference, referenceFor } from '../content-reference.js';
import { findStory, readingTime, storyGoneMessage } from '../find-content.js';
import { type ButtonRow, definePager } from '../pager.js';
import { correctionsButtons } from './corrections-pager.js';
import { itemsOf } from './page-items.js';

export interface FactCheckState {
  /** The story's id, or its hashed reference when the id is too long for a custom id. */
  story: ContentReference;
}

export const factCheckPager = definePager<FactCheckState>({
  feature: 'factcheck',
  action: 'page',
  colour: colours.factCheck,
  state: z.tuple([contentReference]).transform(([story]) => ({ story })),
  encode: (state, compact) => [referenceFor(state.story, compact)],
  render(state, context) {
    const story = findStory(state.story, context);
    if (story === undefined) return { kind: 'unavailable', message: storyGoneMessage() };
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
  },
});
