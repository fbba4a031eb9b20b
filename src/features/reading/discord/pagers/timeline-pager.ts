import { ComponentType } from 'discord.js';
import { z } from 'zod';
import { colours } from '../../../../platform/discord/colours.js';
import { reportErrorButton } from '../../../error-reports/discord/report-button.js';
import { formatDate, type PrecisionDate } from '../../../story-packs/core/index.js';
import { describeRange, encodeRangeEnd, rangeEnd } from '../../core/date-range.js';
import type { PageView } from '../../messages/page-view.js';
import { buildTimelineView, type TimelineView } from '../../messages/timeline-view.js';
import { type ContentReference, contentReference, referenceFor } from '../content-reference.js';
import { readingTime, viewOfStory } from '../find-content.js';
import { type ButtonRow, definePager } from '../pager.js';
import { itemsOf } from './page-items.js';

export interface TimelineState {
  /** The story's id, or its hashed reference when the id is too long for a custom id. */
  story: ContentReference;
  from?: PrecisionDate;
  to?: PrecisionDate;
}

function nothingInRangeMessage(
  view: Extract<TimelineView, { kind: 'nothing-in-range' }>,
  title: string,
): string {
  const span =
    view.earliest && view.latest
      ? ` Its events run from ${formatDate(view.earliest)} to ${formatDate(view.latest)}.`
      : '';
  return `No events in the timeline of “${title}” ${describeRange(view.range)}.${span}`;
}

export const timelinePager = definePager<TimelineState>({
  feature: 'timeline',
  action: 'page',
  colour: colours.timeline,
  state: z.tuple([contentReference, rangeEnd, rangeEnd]).transform(([story, from, to]) => ({
    story,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  })),
  encode: (state, compact) => [
    referenceFor(state.story, compact),
    encodeRangeEnd(state.from),
    encodeRangeEnd(state.to),
  ],
  render(state, context) {
    return viewOfStory(state.story, context, (story) => {
      const view = buildTimelineView(
        story,
        context.content.getTimeline(story.id),
        { ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}) },
        readingTime(context),
      );
      if (view.kind === 'nothing-in-range')
        return { kind: 'unavailable', message: nothingInRangeMessage(view, story.title) };
      const rows = (page: PageView): ButtonRow[] => [
        {
          type: ComponentType.ActionRow,
          components: [
            reportErrorButton({
              view: 'timeline',
              story: story.id,
              ...(state.from ? { from: state.from } : {}),
              ...(state.to ? { to: state.to } : {}),
              ...itemsOf(page),
            }),
          ],
        },
      ];
      return { kind: 'pages', pages: view.pages, rows };
    });
  },
});
