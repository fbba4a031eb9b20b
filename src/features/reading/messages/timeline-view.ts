import type { Story, TimelineEvent } from '../../story-packs/core/index.js';
import { formatDate, type PrecisionDate } from '../../story-packs/core/index.js';
import { type DateRange, describeRange, isOpenRange, isWithinRange } from '../core/date-range.js';
import { buildPages, factsCheckedLines, itemFields, type PageView, type ReadingTime } from './page-view.js';
import { withReviewNote } from './review-note.js';

export const eventsPerPage = 10;

export type TimelineView =
  | { kind: 'pages'; pages: PageView[]; shownEvents: number; totalEvents: number }
  | { kind: 'nothing-in-range'; range: DateRange; earliest?: PrecisionDate; latest?: PrecisionDate };

/** The events a timeline limited to `range` shows, in the order given (date order from the library). */
export function eventsInRange(events: readonly TimelineEvent[], range: DateRange): TimelineEvent[] {
  return events.filter((event) => isWithinRange(event.date, range));
}

/**
 * The timeline of a story limited to `range`, at most ten events a page. `events` come in date order,
 * as `ContentLibrary.getTimeline` returns them.
 */
export function buildTimelineView(
  story: Story,
  events: readonly TimelineEvent[],
  range: DateRange,
  time: ReadingTime,
): TimelineView {
  const shown = eventsInRange(events, range);
  if (shown.length === 0) {
    const earliest = events[0]?.date;
    const latest = events.at(-1)?.date;
    return {
      kind: 'nothing-in-range',
      range,
      ...(earliest === undefined ? {} : { earliest }),
      ...(latest === undefined ? {} : { latest }),
    };
  }
  const scope = isOpenRange(range)
    ? `${shown.length} ${shown.length === 1 ? 'event' : 'events'} in date order.`
    : `${shown.length} of ${events.length} events, ${describeRange(range)}, in date order.`;
  const header = `${scope}\n${factsCheckedLines(story.as_of, time)}`;
  const pages = buildPages(
    {
      title: `Timeline: ${story.title}`,
      firstDescription: header,
      footer: `Roundtable · Timeline · ${story.id}`,
    },
    shown.map((event) => {
      const note = withReviewNote(
        `${formatDate(event.date)}: ${event.title}`,
        event.detail,
        event.review_by,
        time,
      );
      return itemFields(note.name, note.body, event.sources);
    }),
    eventsPerPage,
  );
  return { kind: 'pages', pages, shownEvents: shown.length, totalEvents: events.length };
}
