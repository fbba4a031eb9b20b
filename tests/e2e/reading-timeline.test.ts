import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ContentLibrary, formatDate } from '../../src/features/story-packs/core/index.js';
import { buildLibrary, buildPack } from '../features/reading/fixtures.js';
import { loadStoryPacks } from '../support/harness.js';
import {
  type ReadingWorld,
  startReadingWorld,
  waitOutCooldown,
  withPacksAfterRestart,
} from './reading-world.js';

let world: ReadingWorld;
let library: ContentLibrary;

beforeAll(async () => {
  library = await loadStoryPacks();
  world = await startReadingWorld(library);
});

afterAll(async () => {
  const problems = world?.problems() ?? [];
  await world?.stop();
  expect(problems).toEqual([]);
});

function footerPage(message: { embeds: { footer?: { text: string } }[] }): string {
  return /Page \d+ of \d+$/.exec(message.embeds[0]?.footer?.text ?? '')?.[0] ?? 'single page';
}

describe('/timeline paging', () => {
  test('GIVEN a long timeline THEN pages hold at most ten events in date order, with dates at their precision', async () => {
    waitOutCooldown(world);
    const events = library.getTimeline('us-japan-alliance');
    const first = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance' },
      { as: world.alice, channel: world.channel },
    );
    expect(first.ephemeral).toBe(false);
    const pageCount = Math.ceil(events.length / 10);
    expect(footerPage(first)).toBe(`Page 1 of ${pageCount}`);
    const seen: string[] = [];
    let page = first;
    for (let index = 0; index < pageCount; index += 1) {
      const names = (page.embeds[0]?.fields ?? [])
        .map((field) => field.name)
        .filter((name) => !name.endsWith('(continued)'));
      expect(names.length).toBeLessThanOrEqual(10);
      seen.push(...names);
      if (index < pageCount - 1) page = await world.discord.click(page, 'Next', { as: world.alice });
    }
    expect(seen).toEqual(events.map((event) => `${formatDate(event.date)}: ${event.title}`));
    expect(page.id).toBe(first.id);
    expect(page.buttons.find((button) => button.label === 'Next')?.disabled).toBe(true);
    await expect(world.discord.click(page, 'Last', { as: world.alice })).rejects.toThrow(/disabled/);
    const previous = await world.discord.click(page, 'Previous', { as: world.alice });
    expect(footerPage(previous)).toBe(`Page ${pageCount - 1} of ${pageCount}`);
  });

  test('GIVEN another member clicks Last THEN they get a private copy at the last page they can page on their own', async () => {
    waitOutCooldown(world);
    const original = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance' },
      { as: world.alice, channel: world.channel },
    );
    const copy = await world.discord.click(original, 'Last', { as: world.bob });
    expect(copy.ephemeral).toBe(true);
    const pageCount = Math.ceil(library.getTimeline('us-japan-alliance').length / 10);
    expect(footerPage(copy)).toBe(`Page ${pageCount} of ${pageCount}`);
    expect(footerPage(world.discord.message(original.id)!)).toBe(`Page 1 of ${pageCount}`);
    const copyFirst = await world.discord.click(copy, 'First', { as: world.bob });
    expect(copyFirst.id).toBe(copy.id);
    expect(footerPage(copyFirst)).toBe(`Page 1 of ${pageCount}`);
  });
});

describe('/timeline ranges', () => {
  test('GIVEN from and to THEN only events in that range are shown and the header says so', async () => {
    waitOutCooldown(world);
    const reply = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance', from: '1951', to: '1960' },
      { as: world.alice, channel: world.channel },
    );
    const expected = library
      .getTimeline('us-japan-alliance')
      .filter((event) => event.date.year >= 1951 && event.date.year <= 1960);
    expect(expected.length).toBeGreaterThan(0);
    expect(reply.embeds[0]?.description).toContain(`${expected.length} of `);
    expect(reply.embeds[0]?.description).toContain('from 1951 to 1960');
    const names = (reply.embeds[0]?.fields ?? [])
      .map((field) => field.name)
      .filter((name) => !name.endsWith('(continued)'));
    expect(names).toEqual(expected.map((event) => `${formatDate(event.date)}: ${event.title}`));
  });

  test('GIVEN a reversed range THEN a private answer says to swap the dates', async () => {
    const reply = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance', from: '1960-06', to: '1951' },
      { as: world.bob, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      'The range is reversed: `from` (June 1960) comes after `to` (1951). Swap them and try again.',
    );
  });

  test('GIVEN a range with no events THEN a private answer gives the span the timeline covers', async () => {
    const events = library.getTimeline('us-japan-alliance');
    const reply = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance', from: '1800', to: '1801' },
      { as: world.mod, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('No events in the timeline');
    expect(reply.content).toContain(
      `Its events run from ${formatDate(events[0]!.date)} to ${formatDate(events.at(-1)!.date)}.`,
    );
  });

  test('GIVEN a date that is not one THEN a private answer shows the accepted forms once, then what was wrong', async () => {
    const reply = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance', to: 'last week' },
      { as: world.admin, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      '`to` should be a year, a month or a day, like 1951, March 2020, 8 Sept 1951 or 2020年3月: “last week” changes with the day it is read; write the date itself.',
    );
  });

  function eventNames(reply: { embeds: { fields?: { name: string }[] }[] }): string[] {
    return (reply.embeds[0]?.fields ?? [])
      .map((field) => field.name)
      .filter((name) => !name.endsWith('(continued)'));
  }

  test.each(['March 2020', '2020年3月'])(
    'GIVEN from:%j as people type it THEN the timeline starts at that month',
    async (from) => {
      const reply = await world.discord.slash(
        'timeline',
        { story: 'us-japan-alliance', from, ephemeral: true },
        { as: world.carol, channel: world.channel },
      );
      expect(reply.embeds[0]?.description).toContain('from March 2020');
      const first = library.getTimeline('us-japan-alliance').find((event) => event.date.iso >= '2020-03');
      expect(eventNames(reply)[0]).toBe(`${formatDate(first!.date)}: ${first!.title}`);
    },
  );

  test('GIVEN from:"8 Sept 1951" and to:"1951年9月8日" THEN only the events of that day are shown', async () => {
    const reply = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance', from: '8 Sept 1951', to: '1951年9月8日', ephemeral: true },
      { as: world.carol, channel: world.channel },
    );
    expect(reply.embeds[0]?.description).toContain('from 8 September 1951 to 8 September 1951');
    const expected = library
      .getTimeline('us-japan-alliance')
      .filter((event) => event.date.iso === '1951-09-08');
    expect(expected.length).toBeGreaterThan(0);
    expect(eventNames(reply)).toEqual(expected.map((event) => `${formatDate(event.date)}: ${event.title}`));
  });

  test('GIVEN a ranged timeline THEN its page buttons keep the range', async () => {
    waitOutCooldown(world);
    const reply = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance', from: '1945' },
      { as: world.alice, channel: world.channel },
    );
    const next = reply.buttons.find((button) => button.label === 'Next');
    expect(next?.customId).toMatch(/:us-japan-alliance:1945:$/);
  });
});

describe('/timeline after a restart', () => {
  test('GIVEN a timeline posted before a restart THEN its buttons still page after the bot restarts on the same database', async () => {
    waitOutCooldown(world);
    const before = await world.discord.slash(
      'timeline',
      { story: 'japan-defence-buildup' },
      { as: world.alice, channel: world.channel },
    );
    await world.restart();
    const after = await world.discord.click(before, 'Next', { as: world.alice });
    expect(after.id).toBe(before.id);
    expect(footerPage(after)).toMatch(/^Page 2 of /);
  });

  test('GIVEN a stale Last page button and a shorter timeline after the restart THEN the last page that exists is shown', async () => {
    waitOutCooldown(world);
    const before = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance' },
      { as: world.bob, channel: world.channel },
    );
    const atLast = await world.discord.click(before, 'Last', { as: world.bob });
    const oldCount = Number(/of (\d+)$/.exec(atLast.embeds[0]?.footer?.text ?? '')?.[1]);
    expect(oldCount).toBeGreaterThan(2);
    const shorter = buildLibrary([buildPack({ id: 'us-japan-alliance', events: 12 })]);
    await withPacksAfterRestart(world, shorter, async () => {
      const clamped = await world.discord.click(atLast, 'Previous', { as: world.bob });
      expect(clamped.id).toBe(atLast.id);
      expect(footerPage(clamped)).toBe('Page 2 of 2');
      expect(clamped.buttons.find((button) => button.label === 'Next')?.disabled).toBe(true);
    });
  });

  test('GIVEN a story removed from the packs after the restart THEN its old buttons answer privately that it is gone', async () => {
    waitOutCooldown(world);
    const before = await world.discord.slash(
      'timeline',
      { story: 'japan-defence-buildup' },
      { as: world.alice, channel: world.channel },
    );
    await withPacksAfterRestart(world, buildLibrary([buildPack({ id: 'us-japan-alliance' })]), async () => {
      const answer = await world.discord.click(before, 'Next', { as: world.alice });
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toBe(
        'This story is no longer in the story packs. Run the command again to pick a current story.',
      );
    });
  });
});
