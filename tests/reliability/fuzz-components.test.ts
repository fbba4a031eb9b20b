import type { ChannelRef, LoopbackMessage, MemberRef } from '@roundtable/loopback-discord';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createDebateRepository,
  type DebateRepository,
} from '../../src/features/debate/storage/repository.js';
import { createQuizStorage, type QuizStorage } from '../../src/features/quiz/storage/index.js';
import { describeFigures, type FuzzWorld, startFuzzWorld } from './support/fuzz-world.js';
import { hostileText } from './support/hostile.js';

const seed = 20_261_127;
const componentRuns = 1_400;
const modalRuns = 600;
const contextMenuRuns = 200;

let fuzz: FuzzWorld;
/** The debate tables of the fuzz world's database. */
let debates: DebateRepository;
let quizStorage: QuizStorage;

beforeAll(async () => {
  fuzz = await startFuzzWorld();
  debates = createDebateRepository(fuzz.world.db);
  quizStorage = createQuizStorage(fuzz.world.db);
}, 30_000);

afterAll(async () => {
  if (!fuzz) return;
  console.log(describeFigures('fuzz: buttons, selects, modals and context menus', fuzz.figures));
  await fuzz.world.stop();
});

const routes = [
  'summary:page',
  'timeline:page',
  'factcheck:page',
  'help:page',
  'debate:card',
  'debate:arguments',
  'debate:story-prompt',
  'debate:stance',
  'debate:start',
  'debate:start-form',
  'quiz:answer',
  'quiz:bell',
  'quiz:practice',
  'quiz:practice-next',
  'report:reason',
  'credit:explain',
];

/** Ids a tampering client would try: genuine ones, cut short, with one argument replaced, another version, or noise. */
function tamperedIds(current: FuzzWorld, genuine: readonly string[]): fc.Arbitrary<string> {
  const { home, away, homeDebate, awayDebate, homeQuestion, awayQuestion, mentionTargets } = current;
  const roundOf = (message: LoopbackMessage) => message.buttons[0]?.customId?.split(':')[3] ?? '1';
  const debateOf = (message: LoopbackMessage) => message.buttons[0]?.customId?.split(':')[3] ?? '1';
  const replacements = fc.constantFrom(
    '',
    '0',
    '-1',
    '00001',
    '5',
    '9',
    '1e3',
    'abc',
    'maybe',
    'for',
    'against',
    '999999',
    '999999999999999',
    '9'.repeat(40),
    roundOf(homeQuestion),
    roundOf(awayQuestion),
    debateOf(homeDebate.card),
    debateOf(awayDebate.card),
    home.mod.id,
    home.members[0]?.id ?? '0',
    away.members[0]?.id ?? '0',
    ...home.members.map((member) => member.id),
  );
  const pick = fc.constantFrom(...genuine);
  const token = fc.stringMatching(/^[\w.+@-]{0,12}$/);
  return fc.oneof(
    { weight: 3, arbitrary: pick },
    { weight: 2, arbitrary: fc.tuple(pick, fc.nat(100)).map(([id, length]) => id.slice(0, length)) },
    {
      weight: 6,
      arbitrary: fc.tuple(pick, fc.nat(12), replacements).map(([id, index, replacement]) => {
        const parts = id.split(':');
        parts[1 + (index % (parts.length - 1))] = replacement;
        return parts.join(':');
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pick, fc.constantFrom('rt0', 'rt2', 'RT1', '', 'rt1 ', 'v1', 'rt10'))
        .map(([id, version]) => id.replace(/^rt1/, version)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pick, fc.array(token, { minLength: 1, maxLength: 4 }))
        .map(([id, extra]) => [id, ...extra].join(':')),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...routes), fc.array(fc.oneof(token, replacements), { maxLength: 6 }))
        .map(([route, args]) => ['rt1', route, ...args].join(':')),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
    { weight: 1, arbitrary: hostileText(mentionTargets).map((text) => text.slice(0, 100)) },
  );
}

interface ComponentInput {
  customId: string;
  componentType: number;
  values: string[] | undefined;
  source: LoopbackMessage;
  actor: MemberRef;
}

/** Whether a click with this id, from this message, is one a member could make with a real button. */
function isValidClick(current: FuzzWorld, input: ComponentInput): boolean {
  const parts = input.customId.split(':');
  if (parts[0] !== 'rt1' || parts.length !== 5) return false;
  const [, feature, action, idText = '', argument = ''] = parts;
  if (!/^[1-9]\d{0,14}$/.test(idText)) return false;
  const context = current.world.bot.context;
  const now = context.clock.now();
  if (feature === 'quiz' && action === 'answer') {
    const round = quizStorage.rounds.byId(Number(idText));
    return (
      round !== undefined &&
      round.guildId === current.home.guild.id &&
      (round.state === 'open' || round.state === 'posting') &&
      round.closesAt > now &&
      /^[0-4]$/.test(argument) &&
      Number(argument) < round.question.choices.length
    );
  }
  if (feature === 'debate' && action === 'stance') {
    const debate = debates.get(Number(idText));
    return (
      debate !== undefined &&
      debate.guildId === current.home.guild.id &&
      debate.threadId === input.source.channelId &&
      debate.status === 'open' &&
      ['for', 'against', 'undecided'].includes(argument)
    );
  }
  return false;
}

function componentInputs(current: FuzzWorld): fc.Arbitrary<ComponentInput> {
  const { home, homeQuestion, homeDebate, summary, prompt, chatter, mentionTargets } = current;
  return fc.record({
    customId: tamperedIds(current, current.genuineIds),
    componentType: fc.constantFrom(2, 2, 2, 3),
    values: fc.option(
      fc.array(
        hostileText(mentionTargets).map((text) => text.slice(0, 100)),
        { maxLength: 25 },
      ),
      {
        nil: undefined,
      },
    ),
    source: fc.constantFrom(homeQuestion, homeDebate.card, homeDebate.argument, summary, prompt, chatter),
    actor: fc.constantFrom(...home.members.slice(0, 10), home.mod, home.admin),
  });
}

/** Another member's interaction reply: paging it must never change it. */
function ownedByAnother(message: LoopbackMessage, actor: MemberRef): LoopbackMessage | undefined {
  return message.interaction && message.interaction.userId !== actor.id ? message : undefined;
}

interface ModalInput {
  customId: string;
  fields: Record<string, string>;
  channel: ChannelRef;
  source: LoopbackMessage | undefined;
  actor: MemberRef;
}

function modalInputs(current: FuzzWorld): fc.Arbitrary<ModalInput> {
  const { home, away, homeDebate, awayDebate, chatter, prompt, mentionTargets, content } = {
    ...current,
    content: current.world.content,
  };
  const messageIds = fc.constantFrom(
    chatter.id,
    homeDebate.argument.id,
    homeDebate.card.id,
    awayDebate.argument.id,
    current.homeQuestion.id,
    '123456789012345678',
    '1',
  );
  const channelIds = fc.constantFrom(
    home.politics.id,
    homeDebate.thread.id,
    home.modLog.id,
    away.politics.id,
    awayDebate.thread.id,
    '123456789012345678',
  );
  const promptIds = fc.constantFrom(
    ...content.debatePrompts.slice(0, 5).map((entry) => entry.id),
    'h0',
    'nope',
  );
  const genuineModalIds = fc.oneof(
    messageIds.map((messageId) => `rt1:report:reason:${messageId}`),
    fc
      .tuple(channelIds, messageIds)
      .map(([channelId, messageId]) => `rt1:report:reason:${channelId}:${messageId}`),
    messageIds.map((messageId) => `rt1:credit:explain:${messageId}`),
    promptIds.map((promptId) => `rt1:debate:start-form:${promptId}`),
  );
  const text = fc.oneof(
    hostileText(mentionTargets),
    fc.constantFrom(
      '30m',
      '2h',
      '0',
      '21600',
      '99999',
      'open',
      'rounds',
      'This argument about alliances changed my view.',
    ),
  );
  const fieldName = fc.constantFrom('reason', 'explanation', 'duration', 'slowmode', 'format', 'motion', '');
  return fc.record({
    customId: fc.oneof(
      { weight: 4, arbitrary: genuineModalIds },
      {
        weight: 2,
        arbitrary: tamperedIds(current, [
          'rt1:report:reason:1',
          'rt1:credit:explain:1',
          'rt1:debate:start-form:x',
        ]),
      },
    ),
    fields: fc.dictionary(fieldName, text, { maxKeys: 4 }),
    channel: fc.constantFrom(home.politics, home.quiz, homeDebate.thread),
    source: fc.option(fc.constantFrom(prompt, chatter), { nil: undefined }),
    actor: fc.constantFrom(...home.members.slice(0, 10), home.mod, home.admin),
  });
}

/** A submit that could change stored data: a report of a message in this server, a credit in a debate thread, a moderator's start. */
function mayChangeOnSubmit(current: FuzzWorld, input: ModalInput): boolean {
  const parts = input.customId.split(':');
  if (parts[0] !== 'rt1') return false;
  const { home, homeDebate } = current;
  const homeChannels = [home.politics.id, homeDebate.thread.id, home.quiz.id, home.modLog.id];
  if (parts[1] === 'report' && parts[2] === 'reason')
    return parts.length === 4 && homeChannels.includes(input.channel.id) && 'reason' in input.fields;
  if (parts[1] === 'credit' && parts[2] === 'explain')
    return input.channel.id === homeDebate.thread.id && 'explanation' in input.fields;
  if (parts[1] === 'debate' && parts[2] === 'start-form')
    return input.actor.id === home.mod.id && input.channel.id !== homeDebate.thread.id;
  return false;
}

describe('fuzz: buttons, selects and modals with random, truncated, tampered and foreign ids', () => {
  test(`GIVEN ${componentRuns} seeded clicks and selects with tampered custom ids on real messages THEN each is answered within 3 s, nothing pings, nobody else's message changes, and stored data changes only for a genuine answer or stance`, async () => {
    await fc.assert(
      fc.asyncProperty(componentInputs(fuzz), async (input) => {
        await fuzz.check({
          label: `${input.actor.username} component ${input.componentType} ${JSON.stringify(input.customId)} on ${input.source.id}`,
          mayChange: isValidClick(fuzz, input),
          ...(ownedByAnother(input.source, input.actor) ? { untouchable: input.source } : {}),
          act: () =>
            fuzz.discord.forgeComponent(
              input.source,
              {
                customId: input.customId,
                componentType: input.componentType,
                ...(input.componentType === 3 && input.values ? { values: input.values } : {}),
              },
              { as: input.actor },
            ),
        });
      }),
      { seed, numRuns: componentRuns, endOnFailure: true },
    );
    expect(fuzz.figures.cases).toBeGreaterThanOrEqual(componentRuns);
  }, 240_000);

  test(`GIVEN ${modalRuns} seeded modal submits with missing, hostile and tampered fields and ids THEN each is answered within 3 s, nothing pings, and another server's messages are never reported or credited`, async () => {
    const before = fuzz.figures.cases;
    await fc.assert(
      fc.asyncProperty(modalInputs(fuzz), async (input) => {
        await fuzz.check({
          label: `${input.actor.username} modal ${JSON.stringify(input.customId)} ${JSON.stringify(input.fields).slice(0, 300)} in #${input.channel.name}`,
          mayChange: mayChangeOnSubmit(fuzz, input),
          act: () =>
            fuzz.discord.forgeModalSubmit(
              input.channel,
              {
                customId: input.customId,
                fields: input.fields,
                ...(input.source ? { sourceMessage: input.source } : {}),
              },
              { as: input.actor },
            ),
        });
      }),
      { seed: seed + 1, numRuns: modalRuns, endOnFailure: true },
    );
    expect(fuzz.figures.cases - before).toBe(modalRuns);
  }, 240_000);

  test(`GIVEN ${contextMenuRuns} seeded context-menu actions on members', moderators' and the bot's messages THEN each opens a modal or refuses within 3 s and stores nothing`, async () => {
    const before = fuzz.figures.cases;
    const { home, homeDebate, chatter, summary, homeQuestion } = fuzz;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.constantFrom('Report to moderators', 'Changed my view'),
          target: fc.constantFrom(chatter, homeDebate.argument, homeDebate.card, summary, homeQuestion),
          actor: fc.constantFrom(...home.members.slice(0, 10), home.mod, home.admin),
        }),
        async (input) => {
          await fuzz.check({
            label: `${input.actor.username} "${input.name}" on ${input.target.id}`,
            mayChange: false,
            act: () => fuzz.discord.contextMenu(input.name, input.target, { as: input.actor, expect: 'any' }),
          });
        },
      ),
      { seed: seed + 2, numRuns: contextMenuRuns, endOnFailure: true },
    );
    expect(fuzz.figures.cases - before).toBe(contextMenuRuns);
  }, 240_000);
});
