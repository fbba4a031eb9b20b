import { type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import { z } from 'zod';
import { colours } from '../../../../platform/discord/colours.js';
import { storyPromptCustomId } from '../../../debate/discord/prompt-ids.js';
import { reportErrorButton } from '../../../error-reports/discord/report-button.js';
import type { Story } from '../../../story-packs/core/index.js';
import { buildSummaryPages, type SummaryLength } from '../../messages/summary-view.js';
import { type ContentReference, contentReference, referenceFor } from '../content-reference.js';
import type { ReadingContext } from '../context.js';
import { readingTime, viewOfStory } from '../find-content.js';
import { type ButtonRow, definePager } from '../pager.js';
import { correctionsButtons } from './corrections-pager.js';
import { factCheckPager } from './factcheck-pager.js';
import { timelinePager } from './timeline-pager.js';

export interface SummaryState {
  /** The story's id, or its hashed reference when the id is too long for a custom id. */
  story: ContentReference;
  length: SummaryLength;
}

const lengthCodes: Record<SummaryLength, string> = { short: 's', full: 'f' };

/** Buttons under a summary that open the story's other views privately for whoever clicks. */
function storyButtons(story: Story, context: ReadingContext): ButtonRow {
  const buttons: APIButtonComponent[] = [
    timelinePager.openButton({ story: story.id }, 'Timeline', '📅'),
    factCheckPager.openButton({ story: story.id }, 'Fact-check', '🔎'),
  ];
  if (context.content.getDebatePrompts(story.id).length > 0)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: storyPromptCustomId(story.id),
      label: 'Debate prompt',
      emoji: { name: '🗣️' },
    });
  buttons.push(...correctionsButtons(story), reportErrorButton({ view: 'summary', story: story.id }));
  return { type: ComponentType.ActionRow, components: buttons };
}

export const summaryPager = definePager<SummaryState>({
  feature: 'summary',
  action: 'page',
  colour: colours.summary,
  state: z
    .tuple([contentReference, z.enum(['s', 'f'])])
    .transform(([story, length]) => ({ story, length: length === 'f' ? 'full' : 'short' }) as const),
  encode: (state, compact) => [referenceFor(state.story, compact), lengthCodes[state.length]],
  render(state, context) {
    return viewOfStory(state.story, context, (story) => {
      return {
        kind: 'pages',
        pages: buildSummaryPages(story, state.length, readingTime(context)),
        rows: [storyButtons(story, context)],
      };
    });
  },
});
