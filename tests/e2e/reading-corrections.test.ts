import type { LoopbackMessage, MemberRef } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ContentLibrary, formatDate, loadContent } from '../../src/features/story-packs/core/index.js';
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

function story(id: string) {
  const found = library.getStory(id);
  if (!found) throw new Error(`no story ${id}`);
  return found;
}

async function allPages(first: LoopbackMessage, owner: MemberRef): Promise<LoopbackMessage[]> {
  const pages = [first];
  let current = first;
  while (current.buttons.some((button) => button.label === 'Next' && !button.disabled)) {
    current = await world.discord.click(current, 'Next', { as: owner });
    pages.push(current);
  }
  return pages;
}

function fieldsOf(pages: readonly LoopbackMessage[]) {
  return pages.flatMap((page) => page.embeds[0]?.fields ?? []);
}

describe('corrections', () => {
  test('GIVEN a story with corrections THEN /summary says when it was corrected and offers a Corrections button', async () => {
    waitOutCooldown(world);
    const usj = story('us-japan-alliance');
    const count = usj.corrections?.length ?? 0;
    expect(count).toBeGreaterThan(0);
    const reply = await world.discord.slash(
      'summary',
      { story: usj.id },
      { as: world.alice, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.description).toContain(
      `Corrected on 7 December 2026 (${count} corrections: see **Corrections**).`,
    );
    expect(reply.buttons.map((button) => button.label).slice(-5)).toEqual([
      'Timeline',
      'Fact-check',
      'Debate prompt',
      'Corrections',
      'Report an error',
    ]);
  });

  test('GIVEN Corrections is clicked THEN the clicker pages through every correction, newest first, with what was wrong, what is right, why and what it concerns', async () => {
    waitOutCooldown(world);
    const usj = story('us-japan-alliance');
    const summary = await world.discord.slash(
      'summary',
      { story: usj.id },
      { as: world.alice, channel: world.channel },
    );
    const first = await world.discord.click(summary, 'Corrections', { as: world.bob });
    expect(first.ephemeral).toBe(true);
    expect(first.embeds[0]?.title).toBe(`Corrections: ${usj.title}`);
    const pages = await allPages(first, world.bob);
    expect(pages.length).toBeGreaterThan(1);
    const fields = fieldsOf(pages);
    const starts = fields.filter((field) => !field.name.endsWith('(continued)'));
    expect(starts.map((field) => field.name)).toEqual(
      (usj.corrections ?? []).map((correction) => `Corrected on ${formatDate(correction.date)}`),
    );
    const text = fields.map((field) => field.value).join('\n');
    for (const correction of usj.corrections ?? []) {
      expect(text).toContain(`**Was:** ${correction.wrong}`);
      expect(text).toContain(`**Now:** ${correction.right}`);
      expect(text).toContain(`**Why:** ${correction.why}`);
    }
    expect(text).toContain('the timeline event “Three US servicemen assault a schoolgirl in Okinawa”');
    expect(text).toContain('the summary and key points');
    expect(text).toContain('](https://www.apnews.com/f83ff51251bb033c7be0e88b753ef9e2)');
    expect(world.discord.message(summary.id)?.embeds).toEqual(summary.embeds);
  });

  test('GIVEN a story with corrections THEN every /factcheck page says when it was corrected and offers the Corrections button', async () => {
    waitOutCooldown(world);
    const jdb = story('japan-defence-buildup');
    const first = await world.discord.slash(
      'factcheck',
      { story: jdb.id },
      { as: world.carol, channel: world.channel },
    );
    expect(first.embeds[0]?.description).toContain(
      `Corrected on 7 December 2026 (${jdb.corrections?.length} corrections: see **Corrections**).`,
    );
    const pages = await allPages(first, world.carol);
    for (const page of pages)
      expect(page.buttons.map((button) => button.label)).toEqual(
        expect.arrayContaining(['Corrections', 'Report an error']),
      );
    const corrections = await world.discord.click(first, 'Corrections', { as: world.carol });
    expect(corrections.ephemeral).toBe(true);
    expect(JSON.stringify(corrections.embeds)).toContain('Camp Fuji');
  });

  test('GIVEN packs whose stories were never corrected THEN neither the line nor the button appears', async () => {
    const loaded = await loadContent('tests/fixtures/content/valid', { today: '2026-12-07' });
    if (loaded.kind !== 'ok') throw new Error('the valid fixture does not load');
    await withPacksAfterRestart(world, loaded.library, async () => {
      waitOutCooldown(world);
      const reply = await world.discord.slash(
        'summary',
        { story: 'treaty-history' },
        { as: world.alice, channel: world.channel },
      );
      expect(reply.embeds[0]?.description).not.toContain('Corrected on');
      expect(reply.buttons.map((button) => button.label)).not.toContain('Corrections');
      expect(reply.buttons.map((button) => button.label)).toContain('Report an error');
    });
  });
});

describe('review_by', () => {
  const due = '⚠️ **Due for review:** this was expected to change by 31 December 2026';

  test('GIVEN the day of review_by itself THEN the facts are shown as settled', async () => {
    world.clock.set(Date.parse('2026-12-31T20:00:00Z'));
    const reply = await world.discord.slash(
      'summary',
      { story: 'japan-defence-buildup', ephemeral: true },
      { as: world.alice, channel: world.channel },
    );
    expect(JSON.stringify(reply.embeds)).not.toContain('due for review');
  });

  test('GIVEN review_by has passed THEN /summary marks the key point due for review and the other key points stay as they are', async () => {
    world.clock.set(Date.parse('2027-01-05T12:00:00Z'));
    const jdb = story('japan-defence-buildup');
    const first = await world.discord.slash(
      'summary',
      { story: jdb.id, ephemeral: true },
      { as: world.alice, channel: world.channel },
    );
    const fields = fieldsOf(await allPages(first, world.alice)).filter((field) =>
      field.name.startsWith('Key point'),
    );
    const marked = fields.filter((field) => field.name.endsWith('· due for review'));
    const dueIndex = jdb.key_points.findIndex((point) => point.review_by !== undefined);
    expect(marked.map((field) => field.name)).toEqual([
      `Key point ${dueIndex + 1} of ${jdb.key_points.length} · due for review`,
    ]);
    expect(marked[0]?.value.startsWith(due)).toBe(true);
    expect(marked[0]?.value).toContain(jdb.key_points[dueIndex]?.text);
    expect(fields.filter((field) => field.value.includes('Due for review'))).toHaveLength(1);
  });

  test('GIVEN review_by has passed THEN /factcheck marks the claim and the update due for review', async () => {
    const first = await world.discord.slash(
      'factcheck',
      { story: 'japan-defence-buildup', ephemeral: true },
      { as: world.alice, channel: world.channel },
    );
    const fields = fieldsOf(await allPages(first, world.alice));
    const marked = fields
      .filter((field) => field.name.endsWith('· due for review'))
      .map((field) => field.name);
    expect(marked).toEqual([
      expect.stringMatching(/^Claim 7: .* · due for review$/),
      'Update, June 2026: Rewrite of the security documents advances · due for review',
    ]);
  });

  test('GIVEN a review_by still ahead THEN the story is not marked', async () => {
    const reply = await world.discord.slash(
      'summary',
      { story: 'us-japan-alliance', ephemeral: true },
      { as: world.alice, channel: world.channel },
    );
    const pages = await allPages(reply, world.alice);
    expect(JSON.stringify(pages.map((page) => page.embeds))).not.toContain('due for review');
    world.clock.set(Date.parse('2027-04-01T12:00:00Z'));
    const later = await world.discord.slash(
      'summary',
      { story: 'us-japan-alliance', ephemeral: true },
      { as: world.alice, channel: world.channel },
    );
    const names = fieldsOf(await allPages(later, world.alice))
      .map((field) => field.name)
      .filter((name) => name.endsWith('· due for review'));
    expect(names).toHaveLength(2);
  });
});
