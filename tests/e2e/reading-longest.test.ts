import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ID_LIMIT } from '../../src/features/story-packs/core/index.js';
import { buildLibrary, buildPack } from '../features/reading/fixtures.js';
import { type ReadingWorld, startReadingWorld, waitOutCooldown } from './reading-world.js';

const longestId = `longest-${'x'.repeat(ID_LIMIT.max - 'longest-'.length)}`;
const library = buildLibrary([
  buildPack({
    id: longestId,
    longest: true,
    keyPoints: 14,
    events: 27,
    claims: 11,
    updates: 9,
    prompts: 2,
    sourcesPerItem: 3,
  }),
]);
const story = library.getStory(longestId)!;

let world: ReadingWorld;

beforeAll(async () => {
  world = await startReadingWorld(library);
});

afterAll(async () => {
  const problems = world?.problems() ?? [];
  await world?.stop();
  expect(problems).toEqual([]);
});

/** Clicks Next as the owner until the last page; the loopback server refuses any page over Discord's limits. */
async function allPages(first: LoopbackMessage): Promise<LoopbackMessage[]> {
  const pages = [first];
  let current = first;
  while (current.buttons.some((button) => button.label === 'Next' && !button.disabled)) {
    current = await world.discord.click(current, 'Next', { as: world.alice });
    pages.push(current);
  }
  return pages;
}

function fieldText(pages: readonly LoopbackMessage[]): string {
  return pages
    .flatMap((page) => page.embeds[0]?.fields ?? [])
    .map((field) => field.value)
    .join('\n');
}

describe('the longest texts the pack format allows, with a 60-character story id', () => {
  test('GIVEN the full summary THEN every page is accepted by Discord and every key point is shown whole', async () => {
    waitOutCooldown(world);
    const first = await world.discord.slash(
      'summary',
      { story: longestId, length: 'full' },
      { as: world.alice, channel: world.channel },
    );
    const pages = await allPages(first);
    expect(pages.length).toBeGreaterThan(2);
    expect(first.embeds[0]?.description).toContain(story.summary.full);
    const text = fieldText(pages).replaceAll(/\s+/g, ' ');
    for (const point of story.key_points) expect(text).toContain(point.text);
  });

  test('GIVEN the timeline THEN all 27 events are shown over pages Discord accepts', async () => {
    waitOutCooldown(world);
    const first = await world.discord.slash(
      'timeline',
      { story: longestId, from: '1950-01-01', to: '2026-11-25' },
      { as: world.alice, channel: world.channel },
    );
    const pages = await allPages(first);
    const titles = pages
      .flatMap((page) => page.embeds[0]?.fields ?? [])
      .filter((field) => !field.name.endsWith('(continued)'));
    expect(titles).toHaveLength(27);
    const text = fieldText(pages).replaceAll(/\s+/g, ' ');
    for (const event of library.getTimeline(longestId)) expect(text).toContain(event.detail);
  });

  test('GIVEN the fact-check THEN every claim and update is shown over pages Discord accepts', async () => {
    waitOutCooldown(world);
    const first = await world.discord.slash(
      'factcheck',
      { story: longestId },
      { as: world.alice, channel: world.channel },
    );
    const pages = await allPages(first);
    const text = fieldText(pages).replaceAll(/\s+/g, ' ');
    for (const claim of library.getFactChecks(longestId)) expect(text).toContain(claim.correction);
    for (const update of library.getUpdates(longestId)) expect(text).toContain(update.detail);
  });

  test('GIVEN the debate card and its arguments THEN Discord accepts both', async () => {
    waitOutCooldown(world);
    const card = await world.discord.slash(
      'debate prompt',
      { story: longestId },
      { as: world.alice, channel: world.channel },
    );
    const prompt = library
      .getDebatePrompts(longestId)
      .find((entry) => entry.motion === card.embeds[0]?.title);
    expect(prompt).toBeDefined();
    expect(card.embeds[0]?.description).toContain(prompt!.context);
    const shown = await world.discord.click(card, 'Show arguments', { as: world.bob });
    const argumentsPages = [shown];
    let current = shown;
    while (current.buttons.some((button) => button.label === 'Next' && !button.disabled)) {
      current = await world.discord.click(current, 'Next', { as: world.bob });
      argumentsPages.push(current);
    }
    const text = fieldText(argumentsPages);
    for (const argument of [...prompt!.for, ...prompt!.against]) expect(text).toContain(argument);
  });

  test('GIVEN the summary buttons of the longest story THEN they open its views', async () => {
    waitOutCooldown(world);
    const summary = await world.discord.slash(
      'summary',
      { story: longestId },
      { as: world.alice, channel: world.channel },
    );
    const timeline = await world.discord.click(summary, 'Timeline', { as: world.bob });
    expect(timeline.embeds[0]?.title?.startsWith('Timeline: ')).toBe(true);
    const prompt = await world.discord.click(summary, 'Debate prompt', { as: world.bob });
    expect(library.getDebatePrompts(longestId).map((entry) => entry.motion)).toContain(
      prompt.embeds[0]?.title,
    );
  });

  test('GIVEN a 200-character title THEN autocomplete offers it shortened to Discord’s 100 characters', async () => {
    const choices = await world.discord.autocomplete('summary', 'story', 'longest', {
      as: world.alice,
      channel: world.channel,
    });
    expect(choices[0]?.value).toBe(longestId);
    expect(choices[0]?.name.length).toBeLessThanOrEqual(100);
    expect(story.title.startsWith(String(choices[0]?.name).slice(0, -1))).toBe(true);
  });
});
