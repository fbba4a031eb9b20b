import type { ReadingContext } from '../../reading/discord/context.js';
import { findPrompt, findStory } from '../../reading/discord/find-content.js';
import { factCheckItems } from '../../reading/messages/factcheck-view.js';
import { eventsInRange } from '../../reading/messages/timeline-view.js';
import type { Story } from '../../story-packs/core/index.js';
import type { ReportSubject, ReportView } from '../core/types.js';
import type { PageItems, ReportTarget } from './report-target.js';

export interface ResolvedTarget {
  readonly story: Story;
  readonly view: ReportView;
  readonly subject: ReportSubject;
}

function idsOnPage(items: readonly { readonly id: string }[], page: PageItems | undefined): string[] {
  if (page === undefined || page.last >= items.length) return [];
  return items.slice(page.first, page.last + 1).map((item) => item.id);
}

/**
 * The story a report is about and the ids of the items the page showed, as the packs hold them now. A page
 * whose items no longer line up (the packs changed since) is reported for the story as a whole; a story or
 * prompt no longer in the packs resolves to nothing.
 */
export function resolveReportTarget(
  target: ReportTarget,
  context: ReadingContext,
): ResolvedTarget | undefined {
  if (target.view === 'debate') {
    const prompt = findPrompt(target.prompt, context);
    const story = prompt === undefined ? undefined : context.content.getStory(prompt.storyId);
    if (prompt === undefined || story === undefined) return undefined;
    return { story, view: 'debate', subject: { storyId: story.id, itemIds: [prompt.id] } };
  }
  const story = findStory(target.story, context);
  if (story === undefined) return undefined;
  const subject = (itemIds: string[]): ReportSubject => ({ storyId: story.id, itemIds });
  switch (target.view) {
    case 'summary':
    case 'corrections':
      return { story, view: target.view, subject: subject([]) };
    case 'timeline': {
      const range = {
        ...(target.from ? { from: target.from } : {}),
        ...(target.to ? { to: target.to } : {}),
      };
      const events = eventsInRange(context.content.getTimeline(story.id), range);
      return { story, view: 'timeline', subject: subject(idsOnPage(events, target.items)) };
    }
    case 'factcheck': {
      const items = factCheckItems(
        context.content.getFactChecks(story.id),
        context.content.getUpdates(story.id),
      );
      return { story, view: 'factcheck', subject: subject(idsOnPage(items, target.items)) };
    }
  }
}
