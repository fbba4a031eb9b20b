import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  LoopbackDiscord,
  LoopbackMessage,
  LoopbackModal,
  MemberRef,
} from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { factCheckItems } from '../../src/features/reading/messages/factcheck-view.js';
import type { ContentLibrary } from '../../src/features/story-packs/core/index.js';
import { loadStoryPacks, seedPolitics, startWorld, type World } from '../support/harness.js';

function seed(discord: LoopbackDiscord) {
  const politics = seedPolitics(discord);
  return {
    ...politics,
    modLog: discord.addChannel(politics.guild, { name: 'mod-log' }),
    dave: discord.addMember(politics.guild, { username: 'dave' }),
    moderators: discord.addRole(politics.guild, { name: 'moderators', mentionable: true }),
  };
}

type ReportWorld = World<ReturnType<typeof seed>>;

let world: ReportWorld;
let library: ContentLibrary;
let folder: string;
let databasePath: string;

beforeAll(async () => {
  library = await loadStoryPacks();
  folder = await mkdtemp(path.join(tmpdir(), 'roundtable-reports-'));
  databasePath = path.join(folder, 'roundtable.db');
  world = await startWorld({ seed, content: library, databasePath });
});

afterAll(async () => {
  const problems = world?.problems() ?? [];
  await world?.stop();
  await rm(folder, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

interface Row {
  id: number;
  story_id: string;
  item_ids: string;
  view: string;
  guild_id: string | null;
  channel_id: string | null;
  member_id: string;
  text: string;
  link: string | null;
  created_at: number;
  mod_log_message_id: string | null;
  mod_log_failure: string | null;
}

function rows(): Row[] {
  return world.db.prepare('SELECT * FROM error_reports ORDER BY id').all() as Row[];
}

function modLogPosts(): LoopbackMessage[] {
  return world.discord.messagesIn(world.modLog).filter((message) => message.author.bot);
}

function waitOutCooldown(): void {
  world.clock.advance(11_000);
}

async function openForm(message: LoopbackMessage, as: MemberRef): Promise<LoopbackModal> {
  return world.discord.click(message, 'Report an error', { as, expect: 'modal' });
}

const plainReport = 'The key point on the 1995 assault should name the court that convicted the three men.';

describe('reporting an error', () => {
  test('GIVEN no mod log is set THEN a report from /summary is stored for the story as a whole and acknowledged privately', async () => {
    const summary = await world.discord.slash(
      'summary',
      { story: 'us-japan-alliance' },
      { as: world.alice, channel: world.channel },
    );
    const form = await openForm(summary, world.bob);
    expect(form.title).toBe('Report an error');
    expect(
      form.fields.map((field) => [field.customId, field.required, field.minLength, field.maxLength]),
    ).toEqual([
      ['what', true, 10, 1000],
      ['link', false, null, 500],
    ]);
    const ack = await world.discord.submitModal(
      form,
      { what: plainReport, link: 'https://www.apnews.com/f83ff51251bb033c7be0e88b753ef9e2' },
      { as: world.bob },
    );
    expect(ack.ephemeral).toBe(true);
    expect(ack.content).toBe(
      `Thank you. Your report on “${library.getStory('us-japan-alliance')?.title}” is saved for the story’s authors, who check every report.`,
    );
    expect(rows()).toEqual([
      {
        id: 1,
        story_id: 'us-japan-alliance',
        item_ids: '[]',
        view: 'summary',
        guild_id: world.guild.id,
        channel_id: world.channel.id,
        member_id: world.bob.id,
        text: plainReport,
        link: 'https://www.apnews.com/f83ff51251bb033c7be0e88b753ef9e2',
        created_at: world.clock.now(),
        mod_log_message_id: null,
        mod_log_failure: 'no mod-log channel set',
      },
    ]);
  });

  test('GIVEN a mod log THEN the report is posted there, naming the story, the page items and the member, pinging nobody', async () => {
    await world.discord.slash(
      'settings modlog',
      { channel: world.modLog },
      { as: world.admin, channel: world.channel },
    );
    waitOutCooldown();
    const timeline = await world.discord.slash(
      'timeline',
      { story: 'us-japan-alliance' },
      { as: world.carol, channel: world.channel },
    );
    const second = await world.discord.click(timeline, 'Next', { as: world.carol });
    const ack = await world.discord.submitModal(
      await openForm(second, world.carol),
      { what: 'The 1991 event should say which fiscal year the utilities payments began.' },
      { as: world.carol },
    );
    expect(ack.content).toContain('It is also in this server’s mod log for the moderators.');
    const stored = rows().at(-1);
    const events = library.getTimeline('us-japan-alliance');
    const shownOnSecond = (second.embeds[0]?.fields ?? []).filter(
      (field) => !field.name.endsWith('(continued)'),
    );
    expect(JSON.parse(stored?.item_ids ?? '[]')).toEqual(
      events.slice(10, 10 + shownOnSecond.length).map((event) => event.id),
    );
    expect(stored?.view).toBe('timeline');
    expect(stored?.link).toBeNull();
    const post = modLogPosts().at(-1);
    expect(post?.id).toBe(stored?.mod_log_message_id);
    expect(post?.pings).toEqual({ users: [], roles: [], everyone: false });
    const embed = post?.embeds[0];
    expect(embed?.title).toBe(`Error reported in “${library.getStory('us-japan-alliance')?.title}”`);
    expect(embed?.description).toBe(
      '> The 1991 event should say which fiscal year the utilities payments began.',
    );
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      'Story',
      'From',
      'Items on the page',
      'Source given',
      'Reported by',
    ]);
    expect(embed?.fields?.[2]?.value).toContain(`\`${events[10]?.id}\``);
    expect(embed?.fields?.[4]?.value).toContain(`<@${world.carol.id}> in <#${world.channel.id}>`);
    expect(embed?.footer?.text).toBe(
      `Report #${stored?.id} · the story's authors list every report with npm run content:reports`,
    );
  });

  test('GIVEN a /factcheck page and a /debate prompt card THEN each report names the items that page showed', async () => {
    waitOutCooldown();
    const factcheck = await world.discord.slash(
      'factcheck',
      { story: 'japan-defence-buildup' },
      { as: world.dave, channel: world.channel },
    );
    await world.discord.submitModal(
      await openForm(factcheck, world.alice),
      { what: 'Claim 2 gives the wrong percentage for the FY2026 increase.' },
      { as: world.alice },
    );
    const shown = (factcheck.embeds[0]?.fields ?? []).filter(
      (field) => !field.name.endsWith('(continued)') && /^(Claim \d+|Update, )/.test(field.name),
    ).length;
    const items = factCheckItems(
      library.getFactChecks('japan-defence-buildup'),
      library.getUpdates('japan-defence-buildup'),
    );
    expect(JSON.parse(rows().at(-1)?.item_ids ?? '[]')).toEqual(items.slice(0, shown).map((item) => item.id));

    const card = await world.discord.slash(
      'debate prompt',
      { story: 'japan-defence-buildup' },
      { as: world.dave, channel: world.channel },
    );
    const prompt = library.debatePrompts.find((entry) => entry.motion === card.embeds[0]?.title);
    await world.discord.submitModal(
      await openForm(card, world.mod),
      {
        what: 'The context gives the wrong date for the Senate hearing.',
        link: 'https://www.japantimes.co.jp/x',
      },
      { as: world.mod },
    );
    expect(rows().at(-1)).toMatchObject({
      story_id: 'japan-defence-buildup',
      item_ids: JSON.stringify([prompt?.id]),
      view: 'debate',
      member_id: world.mod.id,
    });
  });
});

describe('hostile reports', () => {
  const hostile = [
    '@everyone @here look:',
    `<@${'1'.repeat(18)}>`,
    '<@&ROLE>',
    '**bold** __underline__ ~~struck~~ ||spoiler|| `code` ```block```',
    '[a link](https://evil.example/phish)',
    '# Heading\n> quote\n- list',
    '\u202Eevil\u202C \u200Fmarks\u200E \u2066isolate\u2069 \u061C',
    '\n**Story:** forged field',
  ].join(' ');

  test('GIVEN mentions, markdown, line breaks and bidirectional marks THEN the stored and posted text pings nobody and stays inside its quote', async () => {
    const text = hostile.replace('ROLE', world.moderators.id).padEnd(950, ' x');
    const before = modLogPosts().length;
    waitOutCooldown();
    const summary = await world.discord.slash(
      'summary',
      { story: 'japan-defence-buildup' },
      { as: world.carol, channel: world.channel },
    );
    const ack = await world.discord.submitModal(
      await openForm(summary, world.dave),
      { what: text, link: 'https://example.org/a_(b)*c*/@everyone' },
      { as: world.dave },
    );
    expect(ack.ephemeral).toBe(true);
    expect(ack.pings).toEqual({ users: [], roles: [], everyone: false });
    const stored = rows().at(-1);
    expect(stored?.member_id).toBe(world.dave.id);
    expect(stored?.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\n]/);
    expect(stored?.link).toBe('https://example.org/a_(b)*c*/@everyone');

    const posts = modLogPosts();
    expect(posts).toHaveLength(before + 1);
    const post = posts.at(-1);
    expect(post?.content).toBe('');
    expect(post?.pings).toEqual({ users: [], roles: [], everyone: false });
    const embed = post?.embeds[0];
    const description = embed?.description ?? '';
    expect(description.startsWith('> ')).toBe(true);
    expect(description).not.toContain('\n');
    expect(description).not.toMatch(/<@[!&]?\d+>/);
    expect(description).not.toMatch(/@(everyone|here)/);
    expect(description).toContain('@\u200Beveryone');
    expect(description).toContain('\\*\\*bold\\*\\*');
    expect(description).toContain('\\`\\`\\`block\\`\\`\\`');
    expect(description).toContain('\\[a link\\](https://evil.example/phish)');
    expect(description).toContain('\\*\\*Story:\\*\\* forged field');
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      'Story',
      'From',
      'Items on the page',
      'Source given',
      'Reported by',
    ]);
    expect(embed?.fields?.[3]?.value).toBe('https://example.org/a%5F%28b%29%2Ac%2A/%40everyone');
  });

  test('GIVEN 6,000 characters sent past the form by a modified client THEN the report is refused plainly and nothing is stored or posted', async () => {
    const count = rows().length;
    const posts = modLogPosts().length;
    const text = hostile.replace('ROLE', world.moderators.id).padEnd(6000, ' @everyone');
    const answer = await world.discord.forgeModalSubmit(
      world.channel,
      { customId: 'rt1:mistake:send:s:us-japan-alliance', fields: { what: text, link: '' } },
      { as: world.carol },
    );
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toBe('Keep the report to 1000 characters (this one has 6000). Nothing was saved.');
    expect(answer.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(rows()).toHaveLength(count);
    expect(modLogPosts()).toHaveLength(posts);
  });

  test.each([
    [
      'only invisible characters',
      { what: '\u200B'.repeat(20), link: '' },
      'Say in at least 10 characters what is wrong, so that the authors can check it. Nothing was saved.',
    ],
    [
      'a javascript: link',
      { what: plainReport, link: 'javascript:alert(1)' },
      'The source link must be a web address starting with https:// (or http://), such as https://www.example.org/article. Leave it empty if you have none. Nothing was saved.',
    ],
    [
      'a link that hides its site behind a user name',
      { what: plainReport, link: 'https://www.bbc.co.uk@evil.example/news' },
      'The source link must not contain a user name or password. Give the plain address of the page. Nothing was saved.',
    ],
    [
      'no text field at all',
      { link: '' },
      'Say in at least 10 characters what is wrong, so that the authors can check it. Nothing was saved.',
    ],
  ])('GIVEN %s THEN it is refused and nothing is stored', async (_name, fields, message) => {
    const count = rows().length;
    const answer = await world.discord.forgeModalSubmit(
      world.channel,
      { customId: 'rt1:mistake:send:s:us-japan-alliance', fields },
      { as: world.carol },
    );
    expect(answer.content).toBe(message);
    expect(rows()).toHaveLength(count);
  });

  test('GIVEN a form id naming a story no longer in the packs THEN it is refused and nothing is stored', async () => {
    const count = rows().length;
    const answer = await world.discord.forgeModalSubmit(
      world.channel,
      { customId: 'rt1:mistake:send:s:no-such-story', fields: { what: plainReport } },
      { as: world.carol },
    );
    expect(answer.content).toContain('This story is no longer in the story packs');
    expect(rows()).toHaveLength(count);
  });
});

describe('the rate limit', () => {
  test('GIVEN three reports within ten minutes THEN a fourth is refused plainly, at the button and at the form, and nothing is stored', async () => {
    waitOutCooldown();
    const summary = await world.discord.slash(
      'summary',
      { story: 'us-japan-alliance' },
      { as: world.carol, channel: world.channel },
    );
    const heldOpen = await openForm(summary, world.alice);
    const mine = () => rows().filter((row) => row.member_id === world.alice.id);
    const already = mine().length;
    for (let sent = already; sent < 3; sent += 1) {
      const ack = await world.discord.submitModal(
        await openForm(summary, world.alice),
        { what: `${plainReport} (${sent + 1})` },
        { as: world.alice },
      );
      expect(ack.content).toContain('Thank you.');
      world.clock.advance(60_000);
    }
    expect(mine()).toHaveLength(3);
    const late = await world.discord.submitModal(
      heldOpen,
      { what: `${plainReport} (4)` },
      { as: world.alice },
    );
    expect(late.content).toMatch(
      /^You have sent 3 error reports in the last 10 minutes, the most Roundtable takes from one member\. This one was not saved; you can send another <t:\d+:R>\.$/,
    );
    const refused = await world.discord.click(summary, 'Report an error', { as: world.alice });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('You have sent 3 error reports in the last 10 minutes');
    expect(mine()).toHaveLength(3);
  });

  test('GIVEN a restart THEN the limit still holds, since the reports are in the database', async () => {
    await world.restart();
    waitOutCooldown();
    const summary = await world.discord.slash(
      'summary',
      { story: 'us-japan-alliance' },
      { as: world.carol, channel: world.channel },
    );
    const refused = await world.discord.click(summary, 'Report an error', { as: world.alice });
    expect(refused.content).toContain('You have sent 3 error reports in the last 10 minutes');
    world.clock.advance(10 * 60_000);
    const form = await openForm(summary, world.alice);
    expect(form.title).toBe('Report an error');
  });
});

describe('npm run content:reports', () => {
  const TSX = path.resolve('node_modules/.bin/tsx');

  function listReports(args: readonly string[]) {
    const child = spawnSync(TSX, ['src/features/error-reports/cli/list.ts', ...args], {
      env: { ...process.env, DATABASE_PATH: databasePath },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: child.status, stdout: child.stdout, stderr: child.stderr };
  }

  test('GIVEN reports sent before a restart THEN the listing on the same database file shows every one, as text and as JSON', async () => {
    await world.restart();
    const stored = rows();
    const json = listReports(['--json']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const listed = JSON.parse(json.stdout) as {
      id: number;
      storyId: string;
      text: string;
      itemIds: string[];
    }[];
    expect(listed.map((report) => report.id)).toEqual(stored.map((row) => row.id).reverse());
    expect(listed.at(-1)).toMatchObject({
      id: 1,
      storyId: 'us-japan-alliance',
      text: plainReport,
      itemIds: [],
    });

    const text = listReports([]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      `${stored.length} error reports on 2 stories in ${databasePath}, newest first:`,
    );
    expect(text.stdout).toContain(`#1  `);
    expect(text.stdout).toContain(`  What is wrong: ${plainReport}`);
    expect(text.stdout).toContain('  Source: https://www.apnews.com/f83ff51251bb033c7be0e88b753ef9e2');
    expect(text.stdout).toContain('not posted to a mod log: no mod-log channel set');
    expect(text.stdout).toContain('posted to the mod log');

    const oneStory = JSON.parse(listReports(['--story', 'japan-defence-buildup', '--json']).stdout) as {
      storyId: string;
    }[];
    expect(oneStory.length).toBeGreaterThan(0);
    expect(new Set(oneStory.map((report) => report.storyId))).toEqual(new Set(['japan-defence-buildup']));
  });

  test('GIVEN an unknown option THEN the usage is printed and it exits 2', () => {
    const result = listReports(['--everything']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage:');
  });
});
