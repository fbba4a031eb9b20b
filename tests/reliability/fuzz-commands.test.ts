import type { ChannelRef, MemberRef, SlashOptionValue } from '@roundtable/loopback-discord';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeFigures, type FuzzWorld, startFuzzWorld } from './support/fuzz-world.js';
import { clientText, hostileText, textWithoutDigits } from './support/hostile.js';

const seed = 20_261_126;
const commandRuns = 2_200;
const autocompleteRuns = 800;

let fuzz: FuzzWorld;

beforeAll(async () => {
  fuzz = await startFuzzWorld();
}, 30_000);

afterAll(async () => {
  if (!fuzz) return;
  console.log(describeFigures('fuzz: slash commands and autocomplete', fuzz.figures));
  await fuzz.world.stop();
});

interface CommandInput {
  path: string;
  values: Record<string, SlashOptionValue>;
  actor: MemberRef;
  channel: ChannelRef;
  /** Valid input from a member allowed to make the change. */
  valid: boolean;
}

const validTimes = ['06:30', '21:15', '00:00', '23:59'];
const validZones = ['Europe/London', 'Asia/Tokyo', 'America/New_York', 'Pacific/Auckland'];
const validDurations = ['10m', '2h', '1d', '3d 12h', '90m'];

function commandInputs(current: FuzzWorld): fc.Arbitrary<CommandInput> {
  const { home, away, homeDebate, mentionTargets: targets } = current;
  const bot = current.discord.botUser;
  const actor = fc.constantFrom(...home.members.slice(0, 10), home.mod, home.admin);
  const channel = fc.constantFrom(home.politics, home.quiz, homeDebate.thread);
  const story = fc.oneof(
    fc.constantFrom('us-japan-alliance', 'japan-defence-buildup', 'no-such-story', 'US-Japan-Alliance'),
    clientText(targets, 100),
  );
  const member = fc.constantFrom<SlashOptionValue>(
    ...home.members.slice(0, 3),
    ...home.targets,
    home.mod,
    home.admin,
    away.members[0] as MemberRef,
    bot.id,
  );
  const bool = fc.boolean();
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const compact = (values: Record<string, SlashOptionValue | undefined>) =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
      string,
      SlashOptionValue
    >;
  const isMod = (who: MemberRef) => who.id === home.mod.id;
  const isAdmin = (who: MemberRef) => who.id === home.admin.id;
  const inThread = (where: ChannelRef) => where.id === homeDebate.thread.id;

  const reading = fc.oneof(
    fc
      .record({ story, length: optional(fc.constantFrom('short', 'full')), ephemeral: optional(bool) })
      .map((values) => ({ path: 'summary', values: compact(values) })),
    fc
      .record({
        story,
        from: optional(clientText(targets, 10)),
        to: optional(clientText(targets, 10)),
        ephemeral: optional(bool),
      })
      .map((values) => ({ path: 'timeline', values: compact(values) })),
    fc
      .record({ story, ephemeral: optional(bool) })
      .map((values) => ({ path: 'factcheck', values: compact(values) })),
    fc.constant({ path: 'help', values: {} }),
    fc
      .record({ story: optional(story), ephemeral: optional(bool) })
      .map((values) => ({ path: 'debate prompt', values: compact(values) })),
    fc
      .record({ member: optional(member) })
      .map((values) => ({ path: 'debate stats', values: compact(values) })),
    fc
      .constantFrom('quiz status', 'quiz join', 'quiz leave', 'quiz export')
      .map((path) => ({ path, values: {} })),
    fc
      .record({ period: optional(fc.constantFrom('week', 'month', 'all')) })
      .map((values) => ({ path: 'quiz leaderboard', values: compact(values) })),
    fc
      .record({ member: optional(member) })
      .map((values) => ({ path: 'quiz stats', values: compact(values) })),
    fc
      .record({ story: optional(story) })
      .map((values) => ({ path: 'quiz practice', values: compact(values) })),
  );

  const readingCase = fc
    .tuple(reading, actor, channel)
    .map(([command, who, where]) => ({ ...command, actor: who, channel: where, valid: false }));

  const quizSetup = fc
    .record({
      actor,
      channel,
      target: fc.constantFrom(home.politics, home.quiz),
      time: fc.oneof(fc.constantFrom(...validTimes), textWithoutDigits(targets, 5, 4)),
      timezone: fc.oneof(fc.constantFrom(...validZones), clientText(targets, 100)),
      duration: optional(fc.integer({ min: 1, max: 23 })),
      role: optional(fc.constantFrom(home.role.id, home.guild.everyoneRoleId)),
    })
    .map((input) => ({
      path: 'quiz setup',
      values: compact({
        channel: input.target.id,
        time: input.time,
        timezone: input.timezone,
        duration: input.duration,
        'ping-role': input.role,
      }),
      actor: input.actor,
      channel: input.channel,
      valid: isAdmin(input.actor) && validTimes.includes(input.time) && validZones.includes(input.timezone),
    }));

  const quizAdmin = fc
    .tuple(fc.constantFrom('quiz pause', 'quiz resume', 'quiz remove-scores'), actor, channel, member)
    .map(([path, who, where, target]) => ({
      path,
      values: path === 'quiz remove-scores' ? { member: target } : {},
      actor: who,
      channel: where,
      valid: isAdmin(who),
    }));

  const duration = fc.oneof(fc.constantFrom(...validDurations), textWithoutDigits(targets, 40, 1));

  const debateStart = fc
    .record({
      actor,
      channel,
      motion: clientText(targets, 200),
      duration: optional(duration),
      slowmode: optional(fc.integer({ min: 0, max: 21_600 })),
      format: optional(fc.constantFrom('open', 'rounds')),
      story: optional(story),
    })
    .map((input) => ({
      path: 'debate start',
      values: compact({
        motion: input.motion,
        duration: input.duration,
        slowmode: input.slowmode,
        format: input.format,
        story: input.story,
      }),
      actor: input.actor,
      channel: input.channel,
      valid:
        isMod(input.actor) &&
        !inThread(input.channel) &&
        (input.duration === undefined || validDurations.includes(input.duration)),
    }));

  const debateThread = fc
    .record({
      actor,
      channel,
      command: fc.oneof(
        {
          weight: 1,
          arbitrary: fc
            .record({ reason: optional(clientText(targets, 300)) })
            .map((values) => ({ path: 'debate close', values: compact(values), validValues: true })),
        },
        { weight: 3, arbitrary: fc.constant({ path: 'debate reopen', values: {}, validValues: true }) },
        {
          weight: 3,
          arbitrary: duration.map((value) => ({
            path: 'debate extend',
            values: { duration: value },
            validValues: validDurations.includes(value),
          })),
        },
        {
          weight: 3,
          arbitrary: fc
            .integer({ min: 0, max: 21_600 })
            .map((seconds) => ({ path: 'debate slowmode', values: { seconds }, validValues: true })),
        },
        {
          weight: 3,
          arbitrary: fc
            .constantFrom('debate lock', 'debate unlock')
            .map((path) => ({ path, values: {}, validValues: true })),
        },
        {
          weight: 4,
          arbitrary: fc
            .record({ member, reason: clientText(targets, 500, 1) })
            .map((values) => ({ path: 'debate warn', values, validValues: true })),
        },
      ),
    })
    .map(({ actor: who, channel: where, command }) => ({
      path: command.path,
      values: command.values,
      actor: who,
      channel: where,
      valid: isMod(who) && inThread(where) && command.validValues,
    }));

  const settings = fc
    .record({
      channel,
      command: fc.oneof(
        fc.constantFrom(home.politics, home.quiz, home.modLog).map((target) => ({
          path: 'settings modlog',
          values: { channel: target.id } as Record<string, SlashOptionValue>,
        })),
        fc
          .record({
            limit: optional(fc.integer({ min: 1, max: 10 })),
            'timeout-minutes': optional(fc.integer({ min: 0, max: 40_320 })),
          })
          .map((values) => ({ path: 'settings debate-warnings', values: compact(values) })),
      ),
    })
    .map(({ channel: where, command }) => ({ ...command, actor: home.admin, channel: where, valid: true }));

  return fc.oneof(
    { weight: 10, arbitrary: readingCase },
    { weight: 4, arbitrary: quizSetup },
    { weight: 2, arbitrary: quizAdmin },
    { weight: 3, arbitrary: debateStart },
    { weight: 6, arbitrary: debateThread },
    { weight: 1, arbitrary: settings },
  );
}

interface AutocompleteInput {
  path: string;
  option: string;
  typed: string;
  actor: MemberRef;
  channel: ChannelRef;
}

function autocompleteInputs(current: FuzzWorld): fc.Arbitrary<AutocompleteInput> {
  const { home, homeDebate, mentionTargets } = current;
  return fc
    .record({
      target: fc.constantFrom(
        { path: 'summary', option: 'story' },
        { path: 'timeline', option: 'story' },
        { path: 'factcheck', option: 'story' },
        { path: 'debate prompt', option: 'story' },
        { path: 'debate start', option: 'motion' },
        { path: 'debate start', option: 'duration' },
        { path: 'debate start', option: 'story' },
        { path: 'debate extend', option: 'duration' },
        { path: 'quiz setup', option: 'timezone' },
        { path: 'quiz practice', option: 'story' },
      ),
      typed: hostileText(mentionTargets),
      actor: fc.constantFrom(...home.members.slice(0, 10), home.mod, home.admin),
      channel: fc.constantFrom(home.politics, home.quiz, homeDebate.thread),
    })
    .map(({ target, ...rest }) => ({ ...target, ...rest }));
}

describe('fuzz: every command with random and hostile option values, through the real client', () => {
  test(`GIVEN ${commandRuns} seeded commands with hostile values from members, moderators and admins THEN each is answered within 3 s, every body is accepted, nothing pings, and stored data changes only on valid input`, async () => {
    await fc.assert(
      fc.asyncProperty(commandInputs(fuzz), async (input) => {
        await fuzz.check({
          label: `${input.actor.username} /${input.path} ${JSON.stringify(input.values).slice(0, 300)} in #${input.channel.name}`,
          mayChange: input.valid,
          act: () =>
            fuzz.discord.slash(input.path, input.values, {
              as: input.actor,
              channel: input.channel,
              expect: 'any',
            }),
        });
      }),
      { seed, numRuns: commandRuns, endOnFailure: true },
    );
    expect(fuzz.figures.cases).toBeGreaterThanOrEqual(commandRuns);
  }, 240_000);

  test(`GIVEN ${autocompleteRuns} seeded autocomplete requests typing hostile text up to 6,000 characters THEN each gets at most 25 valid choices within 3 s and nothing is stored`, async () => {
    const before = fuzz.figures.cases;
    await fc.assert(
      fc.asyncProperty(autocompleteInputs(fuzz), async (input) => {
        const outcome = await fuzz.check({
          label: `${input.actor.username} autocomplete /${input.path} ${input.option}:${JSON.stringify(input.typed.slice(0, 200))}`,
          mayChange: false,
          act: () =>
            fuzz.discord.autocomplete(input.path, input.option, input.typed, {
              as: input.actor,
              channel: input.channel,
            }),
        });
        if (outcome.kind === 'answered' && Array.isArray(outcome.reply))
          expect(outcome.reply.length).toBeLessThanOrEqual(25);
      }),
      { seed: seed + 1, numRuns: autocompleteRuns, endOnFailure: true },
    );
    expect(fuzz.figures.cases - before).toBe(autocompleteRuns);
  }, 240_000);
});
