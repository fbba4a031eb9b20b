import { beforeAll, describe, expect, test } from 'vitest';
import { argumentsPager, promptCardPager } from '../../../src/features/debate/commands/prompt.js';
import { factCheckPager } from '../../../src/features/reading/discord/pagers/factcheck-pager.js';
import { summaryPager } from '../../../src/features/reading/discord/pagers/summary-pager.js';
import { timelinePager } from '../../../src/features/reading/discord/pagers/timeline-pager.js';
import {
  buildArgumentsPages,
  buildDebatePromptPages,
} from '../../../src/features/reading/messages/debate-view.js';
import { buildFactCheckPages } from '../../../src/features/reading/messages/factcheck-view.js';
import { buildSummaryPages } from '../../../src/features/reading/messages/summary-view.js';
import { buildTimelineView } from '../../../src/features/reading/messages/timeline-view.js';
import {
  type ContentLibrary,
  loadContent,
  parsePrecisionDate,
} from '../../../src/features/story-packs/core/index.js';
import { embedProblems } from './embed-checks.js';

let library: ContentLibrary;
const time = { now: Date.UTC(2027, 2, 1), staleAfterDays: 30 };
const longestOwner = '18446744073709551615';

function date(text: string) {
  const parsed = parsePrecisionDate(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.date;
}

beforeAll(async () => {
  const loaded = await loadContent('content', { today: '2026-12-07' });
  if (loaded.kind !== 'ok') throw new Error(`story packs are invalid: ${JSON.stringify(loaded.errors)}`);
  library = loaded.library;
});

describe('the story packs in content/', () => {
  test('GIVEN every story THEN every page of every reading view fits one embed', () => {
    expect(library.stories.length).toBeGreaterThanOrEqual(2);
    for (const story of library.stories) {
      const timeline = buildTimelineView(story, library.getTimeline(story.id), {}, time);
      if (timeline.kind !== 'pages') throw new Error(`${story.id} has an empty timeline`);
      const pages = [
        ...buildSummaryPages(story, 'short', time),
        ...buildSummaryPages(story, 'full', time),
        ...timeline.pages,
        ...buildFactCheckPages(story, library.getFactChecks(story.id), library.getUpdates(story.id), time),
        ...library
          .getDebatePrompts(story.id)
          .flatMap((prompt) => [...buildDebatePromptPages(prompt, story), ...buildArgumentsPages(prompt)]),
      ];
      for (const page of pages) expect(embedProblems(page), `${story.id}: ${page.title}`).toEqual([]);
    }
  });

  test('GIVEN every story and prompt THEN button ids with the longest page, owner and range fit 100 characters', () => {
    const range = { from: date('1951-09-08'), to: date('2026-11-25') };
    for (const story of library.stories) {
      const ids = [
        timelinePager.customId('previous', 999, longestOwner, { story: story.id, ...range }),
        summaryPager.customId('previous', 999, longestOwner, { story: story.id, length: 'full' }),
        factCheckPager.customId('previous', 999, longestOwner, { story: story.id }),
      ];
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    }
    for (const prompt of library.debatePrompts) {
      expect(
        promptCardPager.customId('last', 999, longestOwner, { prompt: prompt.id }).length,
      ).toBeLessThanOrEqual(100);
      expect(
        argumentsPager.customId('last', 999, longestOwner, { prompt: prompt.id }).length,
      ).toBeLessThanOrEqual(100);
    }
  });

  test('GIVEN the timeline of each story THEN the pager decodes its own ids back to the same state', () => {
    for (const story of library.stories) {
      const state = { story: story.id, from: date('1960'), to: date('2025-10') };
      const id = timelinePager.customId('next', 3, longestOwner, state);
      const args = id.split(':').slice(3);
      expect(timelinePager.route.args.parse(args)).toEqual({
        slot: 'next',
        page: 3,
        owner: longestOwner,
        state,
      });
    }
  });
});
