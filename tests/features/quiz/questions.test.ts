import { describe, expect, test } from 'vitest';
import { questionBankOf } from '../../../src/features/quiz/core/bank.js';
import {
  type BankQuestion,
  chooseQuestion,
  isAskable,
  questionsLeft,
} from '../../../src/features/quiz/core/questions.js';
import { addDays } from '../../../src/features/quiz/core/time.js';
import { validate, validSnapshot } from '../story-packs/fixtures.js';

function question(id: string, storyId: string, validUntil: string | null = null): BankQuestion {
  return {
    id,
    storyId,
    question: `Question ${id}?`,
    choices: ['one', 'two', 'three'],
    answerIndex: 1,
    explanation: 'Because.',
    source: { name: 'Source', url: 'https://example.org/source' },
    difficulty: 'easy',
    validUntil,
  };
}

const bank = [
  question('a-1', 'alpha'),
  question('a-2', 'alpha'),
  question('a-3', 'alpha'),
  question('b-1', 'beta'),
  question('b-2', 'beta'),
  question('c-1', 'gamma'),
];

/** Runs the daily choice for `days` days from `start`, recording each ask like the rounds table. */
function runDays(questions: readonly BankQuestion[], guildId: string, start: string, days: number) {
  const history = new Map<string, string>();
  const asked: BankQuestion[] = [];
  for (let day = 0; day < days; day += 1) {
    const localDate = addDays(start, day);
    const choice = chooseQuestion({ bank: questions, history, guildId, localDate });
    if (choice.kind === 'empty') break;
    asked.push(choice.question);
    history.set(choice.question.id, localDate);
  }
  return asked;
}

describe('question choice', () => {
  test('GIVEN a bank of six THEN the first six days ask six different questions', () => {
    const asked = runDays(bank, '111111111111111111', '2026-11-01', 6);
    expect(new Set(asked.map((item) => item.id)).size).toBe(6);
  });

  test('GIVEN three stories THEN consecutive days take stories in turn while each has questions left', () => {
    const asked = runDays(bank, '222222222222222222', '2026-11-01', 6);
    const stories = asked.map((item) => item.storyId);
    expect(new Set(stories.slice(0, 3)).size).toBe(3);
    expect(new Set(stories.slice(3, 5)).size).toBe(2);
    for (let index = 1; index < 5; index += 1) expect(stories[index]).not.toBe(stories[index - 1]);
  });

  test('GIVEN the bank used up THEN the least recently asked question comes back first, in the same order', () => {
    const asked = runDays(bank, '333333333333333333', '2026-11-01', 12);
    expect(asked.slice(6).map((item) => item.id)).toEqual(asked.slice(0, 6).map((item) => item.id));
  });

  test('GIVEN a question past its valid_until THEN it is never asked, though it is on its last day', () => {
    const expiring = [...bank, question('x-1', 'delta', '2026-10-31')];
    const asked = runDays(expiring, '444444444444444444', '2026-11-01', 14);
    expect(asked.map((item) => item.id)).not.toContain('x-1');
    const only = [question('x-1', 'delta', '2026-10-31')];
    const onLastDay = chooseQuestion({
      bank: only,
      history: new Map(),
      guildId: '4',
      localDate: '2026-10-31',
    });
    expect(onLastDay.kind === 'new' && onLastDay.question.id).toBe('x-1');
    expect(
      chooseQuestion({ bank: only, history: new Map(), guildId: '4', localDate: '2026-11-01' }).kind,
    ).toBe('empty');
  });

  test('GIVEN a pack question with valid_until THEN the bank asks it through that day and not after', () => {
    const loaded = validate(validSnapshot);
    if (loaded.kind !== 'ok') throw new Error('the valid fixture should load');
    const packBank = questionBankOf(loaded.library);
    const expiring = packBank.find((item) => item.id === 'th-q-prime-minister');
    const timeless = packBank.find((item) => item.id === 'th-q-treaty-year');
    if (expiring === undefined || timeless === undefined) throw new Error('fixture question missing');
    expect(isAskable(expiring, '2027-12-31')).toBe(true);
    expect(isAskable(expiring, '2028-01-01')).toBe(false);
    expect(isAskable(timeless, '2099-01-01')).toBe(true);
  });

  test('GIVEN the same server, date and history THEN the choice is the same every time', () => {
    const history = new Map([['a-1', '2026-11-01']]);
    const first = chooseQuestion({ bank, history, guildId: '555555555555555555', localDate: '2026-11-02' });
    const second = chooseQuestion({ bank, history, guildId: '555555555555555555', localDate: '2026-11-02' });
    expect(second).toEqual(first);
  });

  test('GIVEN different servers THEN their orders differ for at least some of them', () => {
    const orders = new Set(
      ['100000000000000001', '100000000000000002', '100000000000000003', '100000000000000004'].map(
        (guildId) =>
          runDays(bank, guildId, '2026-11-01', 6)
            .map((item) => item.id)
            .join(','),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  test('GIVEN no askable question THEN the choice is empty', () => {
    expect(chooseQuestion({ bank: [], history: new Map(), guildId: '1', localDate: '2026-11-01' })).toEqual({
      kind: 'empty',
    });
    const expired = [question('old', 'alpha', '2020-01-01')];
    expect(
      chooseQuestion({ bank: expired, history: new Map(), guildId: '1', localDate: '2026-11-01' }).kind,
    ).toBe('empty');
  });

  test('GIVEN some asks THEN the questions left count the askable ones not asked yet', () => {
    const withExpired = [...bank, question('old', 'alpha', '2020-01-01')];
    const history = new Map([
      ['a-1', '2026-11-01'],
      ['b-1', '2026-11-02'],
    ]);
    expect(questionsLeft(withExpired, history, '2026-11-03')).toEqual({ unasked: 4, askable: 6 });
  });
});
