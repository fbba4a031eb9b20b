import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dayInstantSeconds } from '../../src/features/reading/core/freshness.js';
import type { ContentLibrary } from '../../src/features/story-packs/core/index.js';
import { loadStoryPacks } from '../support/harness.js';
import { type ReadingWorld, startReadingWorld, waitOutCooldown } from './reading-world.js';

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

describe('/summary', () => {
  test('GIVEN a story THEN a public embed shows title, summary, facts-checked timestamp, masked sources and story buttons', async () => {
    waitOutCooldown(world);
    const { alice } = world;
    const usj = story('us-japan-alliance');
    const reply = await world.discord.slash(
      'summary',
      { story: usj.id },
      { as: alice, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(false);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe(usj.title);
    expect(embed?.description).toContain(usj.summary.short);
    const seconds = dayInstantSeconds(usj.as_of);
    expect(embed?.description).toContain(`<t:${seconds}:D> (<t:${seconds}:R>)`);
    const values = embed?.fields?.map((field) => field.value).join('\n') ?? '';
    const firstSource = usj.key_points[0]?.sources[0];
    expect(values).toContain(`](${firstSource?.url})`);
    expect(embed?.footer?.text).toContain('Roundtable · Summary (short) · us-japan-alliance');
    const labels = reply.buttons.map((button) => button.label);
    expect(labels).toEqual(expect.arrayContaining(['Timeline', 'Fact-check', 'Debate prompt']));
  });

  test('GIVEN ephemeral: true THEN only the member who asked sees the summary', async () => {
    const { bob } = world;
    const reply = await world.discord.slash(
      'summary',
      { story: 'japan-defence-buildup', ephemeral: true },
      { as: bob, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(world.discord.messagesIn(world.channel).some((message) => message.id === reply.id)).toBe(false);
  });

  test('GIVEN facts checked more than 30 days ago THEN the summary says so plainly, in one line', async () => {
    const usj = story('us-japan-alliance');
    const previous = world.clock.now();
    world.clock.set(Date.UTC(usj.as_of.year, usj.as_of.month - 1, usj.as_of.day + 45, 9));
    try {
      const reply = await world.discord.slash(
        'summary',
        { story: usj.id },
        { as: world.mod, channel: world.channel },
      );
      const seconds = dayInstantSeconds(usj.as_of);
      const description = reply.embeds[0]?.description ?? '';
      expect(description).toContain(
        `⚠️ **Facts last checked 45 days ago (<t:${seconds}:D>); some may have changed.**`,
      );
      expect(description).not.toContain('Facts checked');
      expect(description).not.toContain(`<t:${seconds}:R>`);
    } finally {
      world.clock.set(previous);
    }
  });

  test('GIVEN the full summary THEN its owner pages through it, and the end buttons are disabled at the ends', async () => {
    waitOutCooldown(world);
    const { alice } = world;
    const usj = story('us-japan-alliance');
    const first = await world.discord.slash(
      'summary',
      { story: usj.id, length: 'full' },
      { as: alice, channel: world.channel },
    );
    expect(first.embeds[0]?.description).toContain(usj.summary.full.slice(0, 200));
    const pageCount = Number(/of (\d+)$/.exec(first.embeds[0]?.footer?.text ?? '')?.[1]);
    expect(pageCount).toBeGreaterThan(1);
    const disabled = (message: typeof first) =>
      message.buttons.filter((button) => button.disabled).map((button) => button.label);
    expect(disabled(first)).toEqual(['First', 'Previous', 'Page 1 of ' + pageCount]);
    await expect(world.discord.click(first, 'Previous', { as: alice })).rejects.toThrow(/disabled/);

    const last = await world.discord.click(first, 'Last', { as: alice });
    expect(last.id).toBe(first.id);
    expect(last.embeds[0]?.footer?.text).toMatch(new RegExp(`Page ${pageCount} of ${pageCount}$`));
    expect(disabled(last)).toEqual([`Page ${pageCount} of ${pageCount}`, 'Next', 'Last']);
    await expect(world.discord.click(last, 'Next', { as: alice })).rejects.toThrow(/disabled/);

    const keyPointNames = [first, last]
      .flatMap((message) => message.embeds[0]?.fields ?? [])
      .map((field) => field.name);
    expect(keyPointNames).toContain(`Key point ${usj.key_points.length} of ${usj.key_points.length}`);
    const back = await world.discord.click(last, 'First', { as: alice });
    expect(back.embeds[0]?.footer?.text).toMatch(new RegExp(`Page 1 of ${pageCount}$`));
  });

  test('GIVEN another member clicks a page button THEN they get their own private copy and the original stays', async () => {
    waitOutCooldown(world);
    const { alice, bob } = world;
    const original = await world.discord.slash(
      'summary',
      { story: 'us-japan-alliance', length: 'full' },
      { as: alice, channel: world.channel },
    );
    const copy = await world.discord.click(original, 'Next', { as: bob });
    expect(copy.id).not.toBe(original.id);
    expect(copy.ephemeral).toBe(true);
    expect(copy.embeds[0]?.footer?.text).toMatch(/Page 2 of \d+$/);
    expect(world.discord.message(original.id)?.embeds[0]?.footer?.text).toMatch(/Page 1 of \d+$/);

    const copyBack = await world.discord.click(copy, 'Previous', { as: bob });
    expect(copyBack.id).toBe(copy.id);
    expect(copyBack.embeds[0]?.footer?.text).toMatch(/Page 1 of \d+$/);
  });

  test('GIVEN the buttons under a summary THEN each opens the timeline, fact-check or a debate prompt privately', async () => {
    waitOutCooldown(world);
    const { alice, bob } = world;
    const summary = await world.discord.slash(
      'summary',
      { story: 'japan-defence-buildup' },
      { as: alice, channel: world.channel },
    );
    const timeline = await world.discord.click(summary, 'Timeline', { as: bob });
    expect(timeline.ephemeral).toBe(true);
    expect(timeline.embeds[0]?.title).toBe(`Timeline: ${story('japan-defence-buildup').title}`);
    const factCheck = await world.discord.click(summary, 'Fact-check', { as: bob });
    expect(factCheck.ephemeral).toBe(true);
    expect(factCheck.embeds[0]?.title).toBe(`Fact-check: ${story('japan-defence-buildup').title}`);
    const prompt = await world.discord.click(summary, 'Debate prompt', { as: alice });
    expect(prompt.ephemeral).toBe(true);
    const motions = library.getDebatePrompts('japan-defence-buildup').map((entry) => entry.motion);
    expect(motions).toContain(prompt.embeds[0]?.title);
  });
});

describe('story autocomplete', () => {
  const ask = (text: string) =>
    world.discord.autocomplete('summary', 'story', text, { as: world.alice, channel: world.channel });

  test('GIVEN nothing typed THEN the newest stories come first', async () => {
    const choices = await ask('');
    expect(choices.map((choice) => choice.value)).toEqual(library.stories.map((entry) => entry.id));
  });

  test('GIVEN a partial word THEN the matching story comes first', async () => {
    const choices = await ask('defence bui');
    expect(choices[0]?.value).toBe('japan-defence-buildup');
  });

  test('GIVEN a misspelling and odd case THEN the intended story is still found first', async () => {
    expect((await ask('ALLAINCE'))[0]?.value).toBe('us-japan-alliance');
    expect((await ask('okinwa'))[0]?.value).toBe('us-japan-alliance');
  });

  test('GIVEN accents in the input THEN they are ignored', async () => {
    expect((await ask('défence'))[0]?.value).toBe('japan-defence-buildup');
  });

  test('GIVEN the other reading commands THEN their story options autocomplete the same way', async () => {
    const context = { as: world.alice, channel: world.channel };
    for (const path of ['timeline', 'factcheck', 'debate prompt']) {
      const choices = await world.discord.autocomplete(path, 'story', 'alliance', context);
      expect(choices[0]?.value, path).toBe('us-japan-alliance');
    }
  });
});

describe('a story typed instead of picked', () => {
  test('GIVEN /factcheck story:"us japan" THEN the fact-check of the one story matching it is shown', async () => {
    waitOutCooldown(world);
    const reply = await world.discord.slash(
      'factcheck',
      { story: 'us japan' },
      { as: world.alice, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toBe(`Fact-check: ${story('us-japan-alliance').title}`);
  });

  test('GIVEN a misspelt id typed by hand THEN the story it clearly names is shown', async () => {
    waitOutCooldown(world);
    const reply = await world.discord.slash(
      'summary',
      { story: 'us-japan-aliance' },
      { as: world.alice, channel: world.channel },
    );
    expect(reply.embeds[0]?.title).toBe(story('us-japan-alliance').title);
  });

  test('GIVEN the other commands with a story option THEN typed words resolve the same way', async () => {
    const context = { as: world.carol, channel: world.channel };
    const defence = story('japan-defence-buildup');
    const timeline = await world.discord.slash(
      'timeline',
      { story: 'defence budget', ephemeral: true },
      context,
    );
    expect(timeline.embeds[0]?.title).toBe(`Timeline: ${defence.title}`);
    const prompt = await world.discord.slash('debate prompt', { story: 'defence budget' }, context);
    const motions = library.getDebatePrompts(defence.id).map((entry) => entry.motion);
    expect(motions).toContain(prompt.embeds[0]?.title);
    const practice = await world.discord.slash('quiz practice', { story: 'defence budget' }, context);
    expect(practice.embeds[0]?.footer?.text).toContain(defence.title.slice(0, 60));
  });

  test('GIVEN a word both stories match about equally THEN a private answer lists both to pick from', async () => {
    waitOutCooldown(world);
    const reply = await world.discord.slash(
      'summary',
      { story: 'japan' },
      { as: world.alice, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toContain('More than one story matches “japan”');
    expect(reply.content).toContain('(`us-japan-alliance`)');
    expect(reply.content).toContain('(`japan-defence-buildup`)');
  });
});

describe('an unknown story', () => {
  test('GIVEN a misspelt id run together THEN a private answer lists the close match', async () => {
    waitOutCooldown(world);
    const reply = await world.discord.slash(
      'summary',
      { story: 'usjapanaliance' },
      { as: world.alice, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('I could not find a story called “usjapanaliance”');
    expect(reply.content).toContain('(`us-japan-alliance`)');
  });

  test('GIVEN a public summary used twice within the cooldown THEN the second use is refused privately but a private look is not', async () => {
    waitOutCooldown(world);
    const context = { as: world.bob, channel: world.channel };
    await world.discord.slash('summary', { story: 'us-japan-alliance' }, context);
    const refused = await world.discord.slash('summary', { story: 'us-japan-alliance' }, context);
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('Slow down');
    const privateLook = await world.discord.slash(
      'summary',
      { story: 'us-japan-alliance', ephemeral: true },
      context,
    );
    expect(privateLook.ephemeral).toBe(true);
    expect(privateLook.embeds[0]?.title).toBe(story('us-japan-alliance').title);
  });
});
