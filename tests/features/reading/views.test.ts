import { describe, expect, test } from 'vitest';
import { verdictStyles } from '../../../src/features/reading/core/verdicts.js';
import {
  buildArgumentsPages,
  buildDebatePromptPages,
} from '../../../src/features/reading/messages/debate-view.js';
import { buildFactCheckPages } from '../../../src/features/reading/messages/factcheck-view.js';
import type { PageView } from '../../../src/features/reading/messages/page-view.js';
import { buildSummaryPages } from '../../../src/features/reading/messages/summary-view.js';
import { buildTimelineView, eventsPerPage } from '../../../src/features/reading/messages/timeline-view.js';
import type { ParsedStoryPack } from '../../../src/features/story-packs/core/index.js';
import { parsePrecisionDate } from '../../../src/features/story-packs/core/index.js';
import { embedProblems, wordsOf } from './embed-checks.js';
import { buildLibrary, buildPack } from './fixtures.js';

const time = { now: Date.UTC(2026, 10, 25, 12), staleAfterDays: 30 };

const longest: ParsedStoryPack = buildPack({
  id: 'longest-story',
  longest: true,
  keyPoints: 14,
  events: 27,
  claims: 11,
  updates: 9,
  sourcesPerItem: 3,
});

/** As `/timeline` gets them: from the library, in date order. */
const longestTimeline = buildLibrary([longest]).getTimeline(longest.story.id);

function allText(pages: readonly PageView[]): string {
  return pages.map((page) => page.fields.map((field) => field.value).join(' ')).join(' ');
}

function expectWithinLimits(pages: readonly PageView[]): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(embedProblems(page)).toEqual([]);
}

function date(text: string) {
  const parsed = parsePrecisionDate(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.date;
}

describe('summary pages', () => {
  test.each(['short', 'full'] as const)(
    'GIVEN the longest texts the format allows and the %s summary THEN every page fits one embed',
    (length) => {
      expectWithinLimits(buildSummaryPages(longest.story, length, time));
    },
  );

  test('GIVEN the full summary THEN it opens the first page whole and every key point follows, words intact', () => {
    const pages = buildSummaryPages(longest.story, 'full', time);
    expect(pages[0]?.description).toContain(longest.story.summary.full);
    const text = allText(pages);
    for (const point of longest.story.key_points) {
      for (const word of wordsOf(point.text)) expect(text).toContain(word);
    }
    expect(
      pages
        .flatMap((page) => page.fields)
        .filter((field) => field.name.startsWith('Key point ') && !field.name.endsWith('(continued)')),
    ).toHaveLength(longest.story.key_points.length);
  });

  test('GIVEN several pages THEN footers number them', () => {
    const pages = buildSummaryPages(longest.story, 'full', time);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)?.footer).toBe(
      `Roundtable · Summary (full) · longest-story · Page ${pages.length} of ${pages.length}`,
    );
  });

  test('GIVEN facts checked 45 days before THEN the first page warns plainly', () => {
    const pages = buildSummaryPages(longest.story, 'short', {
      now: Date.UTC(2027, 0, 9, 12),
      staleAfterDays: 30,
    });
    const description = pages[0]?.description ?? '';
    expect(description).toMatch(/Facts last checked 45 days ago \(<t:\d+:D>\); some may have changed\./);
    expect(description).not.toContain('Facts checked');
  });
});

describe('timeline pages', () => {
  test('GIVEN 27 events at their longest THEN pages fit, hold at most ten events and keep date order', () => {
    const view = buildTimelineView(longest.story, longestTimeline, {}, time);
    if (view.kind !== 'pages') throw new Error('expected pages');
    expectWithinLimits(view.pages);
    const titles = view.pages.map((page) =>
      page.fields.filter((field) => !field.name.endsWith('(continued)')),
    );
    for (const page of titles) expect(page.length).toBeLessThanOrEqual(eventsPerPage);
    const numbers = titles.flat().map((field) => Number(/Event (\d+)/.exec(field.name)?.[1]));
    expect(numbers).toEqual(Array.from({ length: 27 }, (_, index) => index + 1));
  });

  test('GIVEN a range THEN only events inside it are shown and the header says how many', () => {
    const view = buildTimelineView(
      longest.story,
      longestTimeline,
      { from: date('1955'), to: date('1957-06') },
      time,
    );
    if (view.kind !== 'pages') throw new Error('expected pages');
    expect(view.shownEvents).toBe(3);
    expect(view.pages[0]?.description).toContain('3 of 27 events, from 1955 to June 1957');
  });

  test('GIVEN a range with no events THEN the view says so with the span of the timeline', () => {
    const view = buildTimelineView(longest.story, longestTimeline, { from: date('2030') }, time);
    expect(view).toMatchObject({
      kind: 'nothing-in-range',
      earliest: { iso: '1950' },
      latest: { iso: '1976-06-15' },
    });
  });
});

describe('fact-check pages', () => {
  const library = buildLibrary([longest]);
  const pages = buildFactCheckPages(
    longest.story,
    library.getFactChecks('longest-story'),
    library.getUpdates('longest-story'),
    time,
  );

  test('GIVEN the longest claims, corrections and updates THEN every page fits one embed', () => {
    expectWithinLimits(pages);
  });

  test('GIVEN claims of every verdict THEN each verdict shows its own icon, all icons distinct', () => {
    const icons = Object.values(verdictStyles).map((style) => style.icon);
    expect(new Set(icons).size).toBe(5);
    const names = pages.flatMap((page) => page.fields.map((field) => field.name)).join('\n');
    for (const style of Object.values(verdictStyles)) expect(names).toContain(`${style.icon} ${style.label}`);
  });

  test('GIVEN claims and updates THEN claims come first and updates follow', () => {
    const names = pages.flatMap((page) => page.fields.map((field) => field.name));
    const lastClaim = names.findLastIndex((name) => name.startsWith('Claim '));
    const firstUpdate = names.findIndex((name) => name.startsWith('Update, '));
    expect(lastClaim).toBeLessThan(firstUpdate);
    expect(
      names.filter((name) => /^Update, [^(]*$/.test(name) && !name.endsWith('(continued)')),
    ).toHaveLength(9);
  });
});

describe('fact-check opening', () => {
  const pack = buildPack({ id: 'us-japan-alliance', title: 'The US-Japan alliance' });
  const article = {
    ...pack.story.articles[0]!,
    outlet: 'Associated Press',
    title: "Japan's leader says he's preparing for tough negotiations",
    url: 'https://example.org/japan-leader',
  };
  const story = { ...pack.story, articles: [article] };
  const library = buildLibrary([pack]);
  const opening = (updates: ReturnType<typeof library.getUpdates>) =>
    buildFactCheckPages(story, library.getFactChecks(pack.story.id), updates, time)[0]?.description.split(
      '\n',
    )[0];

  test('GIVEN an article headline THEN it is quoted as a title and the sentence around it reads', () => {
    expect(opening(library.getUpdates(pack.story.id))).toBe(
      "Each claim made in “[Japan's leader says he's preparing for tough negotiations](https://example.org/japan-leader)”, from Associated Press, is checked below, then what has happened since.",
    );
    expect(opening([])).toBe(
      "Each claim made in “[Japan's leader says he's preparing for tough negotiations](https://example.org/japan-leader)”, from Associated Press, is checked below.",
    );
  });
});

describe('debate pages', () => {
  const prompt = { ...longest.debates.prompts[0]!, storyId: 'longest-story' };

  test('GIVEN the longest prompt THEN the card fits and holds no argument', () => {
    const pages = buildDebatePromptPages(prompt, longest.story);
    expectWithinLimits(pages);
    const text = pages.map((page) => `${page.description} ${allText([page])}`).join(' ');
    for (const argument of [...prompt.for, ...prompt.against]) expect(text).not.toContain(argument);
    for (const question of prompt.questions) expect(text).toContain(question);
  });

  test('GIVEN eight long arguments each side THEN the arguments pages fit and hold all of them', () => {
    const pages = buildArgumentsPages(prompt);
    expectWithinLimits(pages);
    const text = allText(pages);
    for (const argument of [...prompt.for, ...prompt.against]) expect(text).toContain(argument);
  });
});
