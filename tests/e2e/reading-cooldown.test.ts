import type { MemberRef } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ReadingWorld, startReadingWorld, waitOutCooldown } from './reading-world.js';

let world: ReadingWorld;

beforeAll(async () => {
  world = await startReadingWorld();
});

afterAll(async () => {
  const problems = world?.problems() ?? [];
  await world?.stop();
  expect(problems).toEqual([]);
});

function use(path: string, values: Record<string, string>, as: MemberRef) {
  return world.discord.slash(path, values, { as, channel: world.channel });
}

const slowDown =
  /^Slow down a little: you can use \/(summary|timeline|factcheck|debate prompt) again <t:\d+:R>/;

describe('the cooldown comes after the input is checked', () => {
  test('GIVEN a summary, then an unknown story within 10 s THEN the member is told the story does not exist, and a valid use is still refused by the cooldown', async () => {
    const { alice } = world;
    expect((await use('summary', { story: 'us-japan-alliance' }, alice)).ephemeral).toBe(false);
    const unknown = await use('summary', { story: 'no-such-story' }, alice);
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toContain('I could not find a story called “no-such-story”');
    const refused = await use('summary', { story: 'japan-defence-buildup' }, alice);
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(slowDown);
    waitOutCooldown(world);
    expect((await use('summary', { story: 'japan-defence-buildup' }, alice)).ephemeral).toBe(false);
  });

  test('GIVEN an unknown story first THEN it uses up no cooldown: a valid use right after is posted', async () => {
    const { bob } = world;
    expect((await use('factcheck', { story: 'japan defense buildupp typo' }, bob)).content).toContain(
      'I could not find a story called',
    );
    const posted = await use('factcheck', { story: 'japan-defence-buildup' }, bob);
    expect(posted.ephemeral).toBe(false);
    expect(posted.embeds[0]?.title).toContain('Fact-check');
  });

  test('GIVEN a timeline, then a reversed range, a malformed date and a range without events within 10 s THEN each gets its own answer, not the cooldown', async () => {
    const { carol } = world;
    expect((await use('timeline', { story: 'us-japan-alliance' }, carol)).ephemeral).toBe(false);
    expect(
      (await use('timeline', { story: 'us-japan-alliance', from: '1960', to: '1950' }, carol)).content,
    ).toMatch(/^The range is reversed/);
    expect((await use('timeline', { story: 'us-japan-alliance', from: 'soon' }, carol)).content).toMatch(
      /^`from` should be a year, a month or a day/,
    );
    expect((await use('timeline', { story: 'us-japan-alliance', from: '2030' }, carol)).content).toMatch(
      /^No events in the timeline of/,
    );
    expect((await use('timeline', { story: 'us-japan-alliance', from: '1990' }, carol)).content).toMatch(
      slowDown,
    );
  });

  test('GIVEN /debate prompt, then an unknown story within its cooldown THEN the story is said not to exist', async () => {
    const { mod } = world;
    expect((await use('debate prompt', {}, mod)).ephemeral).toBe(false);
    const unknown = await use('debate prompt', { story: 'usjapanaliance' }, mod);
    expect(unknown.content).toContain('(`us-japan-alliance`)');
    expect((await use('debate prompt', {}, mod)).content).toMatch(slowDown);
  });
});
