import { describe, expect, test } from 'vitest';
import { type AnswerGate, answerOutcome, checkAnswer } from '../../../src/features/quiz/core/answer-rules.js';

const gate: AnswerGate = { guildId: 'g1', state: 'open', closesAt: 1_000, choiceCount: 3 };

describe('quiz answer rules', () => {
  test('GIVEN an open round THEN a click from its server with one of its choices is recorded', () => {
    expect(checkAnswer(gate, { guildId: 'g1', choice: 2, at: 999 })).toEqual({
      kind: 'record',
      closesAt: 1_000,
    });
    expect(checkAnswer({ ...gate, state: 'posting' }, { guildId: 'g1', choice: 0, at: 0 }).kind).toBe(
      'record',
    );
  });

  test('GIVEN a click that breaks a rule THEN the first rule broken names the outcome', () => {
    expect(checkAnswer(undefined, { guildId: 'g1', choice: 0, at: 0 })).toEqual({ kind: 'unknown-round' });
    expect(checkAnswer({ ...gate, state: 'failed' }, { guildId: 'g2', choice: 9, at: 0 })).toEqual({
      kind: 'unknown-round',
    });
    expect(checkAnswer(gate, { guildId: null, choice: 9, at: 5_000 })).toEqual({ kind: 'other-server' });
    for (const choice of [-1, 3, 1.5, Number.NaN])
      expect(checkAnswer(gate, { guildId: 'g1', choice, at: 5_000 })).toEqual({ kind: 'unknown-choice' });
    expect(checkAnswer(gate, { guildId: 'g1', choice: 0, at: 1_000 })).toEqual({
      kind: 'closed',
      closesAt: 1_000,
    });
    expect(checkAnswer({ ...gate, state: 'closed' }, { guildId: 'g1', choice: 0, at: 0 }).kind).toBe(
      'closed',
    );
  });

  test('GIVEN what storing did THEN the first answer stands and a round closed meanwhile refuses', () => {
    expect(answerOutcome(1_000, { kind: 'recorded', choice: 1 })).toEqual({
      kind: 'recorded',
      choice: 1,
      closesAt: 1_000,
    });
    expect(answerOutcome(1_000, { kind: 'already-answered', choice: 2 })).toEqual({
      kind: 'already-answered',
      choice: 2,
      closesAt: 1_000,
    });
    expect(answerOutcome(1_000, { kind: 'closed' })).toEqual({
      kind: 'closed',
      closesAt: 1_000,
      choice: null,
    });
  });
});
