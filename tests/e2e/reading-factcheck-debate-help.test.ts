import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../src/app/commands.js';
import { verdictStyles } from '../../src/features/reading/core/verdicts.js';
import { type ContentLibrary, formatDate } from '../../src/features/story-packs/core/index.js';
import type { Command } from '../../src/platform/router/command.js';
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

/** Every page of a paged reply, clicking Next as the owner until the last page. */
async function allPages(first: LoopbackMessage, owner: ReadingWorld['alice']): Promise<LoopbackMessage[]> {
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

describe('/factcheck', () => {
  test('GIVEN a story THEN every claim shows its verdict icon and correction, then the dated updates follow', async () => {
    waitOutCooldown(world);
    const { alice } = world;
    const first = await world.discord.slash(
      'factcheck',
      { story: 'us-japan-alliance' },
      { as: alice, channel: world.channel },
    );
    expect(first.ephemeral).toBe(false);
    const pages = await allPages(first, alice);
    const fields = fieldsOf(pages);
    const claims = library.getFactChecks('us-japan-alliance');
    const updates = library.getUpdates('us-japan-alliance');
    claims.forEach((claim, index) => {
      const style = verdictStyles[claim.verdict];
      const field = fields.find((entry) => entry.name === `Claim ${index + 1}: ${style.icon} ${style.label}`);
      expect(field?.value).toContain(claim.claim.slice(0, 60));
    });
    const names = fields.map((field) => field.name);
    const firstUpdate = names.findIndex((name) => name.startsWith('Update, '));
    expect(firstUpdate).toBeGreaterThan(names.findLastIndex((name) => name.startsWith('Claim ')));
    expect(names.filter((name) => name.startsWith('Update, ') && !name.endsWith('(continued)'))).toEqual(
      updates.map((update) => `Update, ${formatDate(update.date)}: ${update.title}`),
    );
  });

  test('GIVEN a story THEN the opening quotes the article headline as a title, in a sentence that reads', async () => {
    const usj = library.getStory('us-japan-alliance')!;
    const article = usj.articles[0]!;
    const reply = await world.discord.slash(
      'factcheck',
      { story: usj.id, ephemeral: true },
      { as: world.carol, channel: world.channel },
    );
    const opening = reply.embeds[0]?.description?.split('\n')[0] ?? '';
    expect(opening).toMatch(/^Each claim made in “\[.+\]\(https:\/\/[^)]+\)”, from .+, is checked below/);
    expect(opening).toContain(`](${article.url})”`);
    expect(opening).not.toContain('Claims made by');
  });

  test('GIVEN claims with different verdicts THEN their icons differ', async () => {
    const reply = await world.discord.slash(
      'factcheck',
      { story: 'japan-defence-buildup', ephemeral: true },
      { as: world.bob, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    const verdicts = new Set(library.getFactChecks('japan-defence-buildup').map((claim) => claim.verdict));
    const icons = new Set(
      (reply.embeds[0]?.fields ?? [])
        .map((field) => /^Claim \d+: (\S+)/.exec(field.name)?.[1])
        .filter((icon) => icon !== undefined),
    );
    expect(icons.size).toBe(Math.min(verdicts.size, icons.size));
    expect(icons.size).toBeGreaterThan(1);
  });

  test('GIVEN a misspelt title typed by hand THEN the fact-check of the story it clearly names is shown', async () => {
    const reply = await world.discord.slash(
      'factcheck',
      { story: 'japan defense buildup', ephemeral: true },
      { as: world.mod, channel: world.channel },
    );
    expect(reply.embeds[0]?.title).toBe(`Fact-check: ${library.getStory('japan-defence-buildup')?.title}`);
  });

  test('GIVEN a story nothing matches THEN a private answer offers the newest stories', async () => {
    const reply = await world.discord.slash(
      'factcheck',
      { story: 'zzzz qqqq' },
      { as: world.mod, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('I could not find a story called “zzzz qqqq”');
    expect(reply.content).toContain('These are the newest stories');
    expect(reply.content).toContain('(`japan-defence-buildup`)');
  });
});

describe('/debate prompt', () => {
  test('GIVEN no story THEN a motion from the packs is posted with questions but without the arguments', async () => {
    waitOutCooldown(world);
    const reply = await world.discord.slash('debate prompt', {}, { as: world.alice, channel: world.channel });
    expect(reply.ephemeral).toBe(false);
    const prompt = library.debatePrompts.find((entry) => entry.motion === reply.embeds[0]?.title);
    expect(prompt).toBeDefined();
    const text = JSON.stringify(reply.embeds);
    expect(text).toContain(JSON.stringify(prompt!.questions[0]).slice(1, -1));
    for (const argument of [...prompt!.for, ...prompt!.against]) expect(text).not.toContain(argument);
    expect(reply.buttons.map((button) => button.label)).toContain('Show arguments');
  });

  test('GIVEN Show arguments is clicked THEN the clicker alone sees the arguments for and against', async () => {
    waitOutCooldown(world);
    const card = await world.discord.slash(
      'debate prompt',
      { story: 'us-japan-alliance' },
      { as: world.alice, channel: world.channel },
    );
    const prompt = library
      .getDebatePrompts('us-japan-alliance')
      .find((entry) => entry.motion === card.embeds[0]?.title);
    expect(prompt).toBeDefined();
    const shown = await world.discord.click(card, 'Show arguments', { as: world.bob });
    expect(shown.ephemeral).toBe(true);
    expect(shown.id).not.toBe(card.id);
    const fields = shown.embeds[0]?.fields ?? [];
    const forText = fields
      .filter((field) => field.name.startsWith('Arguments for'))
      .map((field) => field.value)
      .join('\n');
    const againstText = fields
      .filter((field) => field.name.startsWith('Arguments against'))
      .map((field) => field.value)
      .join('\n');
    for (const argument of prompt!.for) expect(forText).toContain(argument);
    for (const argument of prompt!.against) expect(againstText).toContain(argument);
    expect(world.discord.message(card.id)?.embeds).toEqual(card.embeds);
  });

  test('GIVEN a misspelt id typed by hand THEN a motion of the story it clearly names is shown', async () => {
    const reply = await world.discord.slash(
      'debate prompt',
      { story: 'us-japan-alliannce', ephemeral: true },
      { as: world.bob, channel: world.channel },
    );
    const motions = library.getDebatePrompts('us-japan-alliance').map((entry) => entry.motion);
    expect(motions).toContain(reply.embeds[0]?.title);
  });

  test('GIVEN a word both stories match THEN a private answer lists them to pick from', async () => {
    const reply = await world.discord.slash(
      'debate prompt',
      { story: 'japan' },
      { as: world.bob, channel: world.channel },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('More than one story matches “japan”');
    expect(reply.content).toContain('(`us-japan-alliance`)');
  });
});

describe('/help', () => {
  function usages(reply: LoopbackMessage): string[] {
    const text = (reply.embeds[0]?.fields ?? []).map((field) => field.value).join('\n');
    return [...text.matchAll(/\*\*(\/[^*]+|Apps › [^*]+)\*\*/g)].map((match) => match[1] ?? '');
  }

  /** Every usage `/help` can list, with the audience its command or subcommand declares. */
  function declaredUsages(): { usage: string; audience: string }[] {
    const list: readonly Command[] = commands;
    return list.flatMap((command) => {
      if (command.kind === 'message')
        return [{ usage: `Apps › ${command.data.name}`, audience: command.audience }];
      const subcommands = (command.data.options ?? []).filter((option) => option.type === 1);
      if (subcommands.length === 0) return [{ usage: `/${command.data.name}`, audience: command.audience }];
      return subcommands.map((option) => ({
        usage: `/${command.data.name} ${option.name}`,
        audience: command.subcommands?.[option.name]?.audience ?? command.audience,
      }));
    });
  }

  function usagesFor(audience: string): string[] {
    return declaredUsages()
      .filter((entry) => entry.audience === audience)
      .map((entry) => entry.usage);
  }

  function restrictedUsages(): string[] {
    return [...usagesFor('moderator'), ...usagesFor('admin')];
  }

  test('GIVEN a member without moderator permissions THEN help lists the reading commands and no restricted one', async () => {
    const reply = await world.discord.slash('help', {}, { as: world.alice, channel: world.channel });
    expect(reply.ephemeral).toBe(true);
    const listed = usages(reply);
    expect(listed).toEqual(
      expect.arrayContaining(['/summary', '/timeline', '/factcheck', '/debate prompt', '/help']),
    );
    for (const usage of restrictedUsages()) expect(listed).not.toContain(usage);
    const stories = reply.embeds[0]?.fields?.find((field) => field.name === 'Stories to read')?.value ?? '';
    for (const story of library.stories) expect(stories).toContain(`(\`${story.id}\`)`);
  });

  test('GIVEN an administrator THEN help lists every command, restricted ones included', async () => {
    const reply = await world.discord.slash('help', {}, { as: world.admin, channel: world.channel });
    const listed = usages(reply);
    for (const usage of restrictedUsages()) expect(listed).toContain(usage);
  });

  test('GIVEN a moderator who manages threads THEN moderator entries appear and admin-only ones do not', async () => {
    const reply = await world.discord.slash('help', {}, { as: world.mod, channel: world.channel });
    const listed = usages(reply);
    const moderatorOnly = usagesFor('moderator');
    for (const usage of moderatorOnly) expect(listed).toContain(usage);
    expect(moderatorOnly.length).toBeGreaterThan(0);
    for (const usage of usagesFor('admin')) expect(listed).not.toContain(usage);
  });
});
