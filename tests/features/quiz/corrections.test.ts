import { describe, expect, test } from 'vitest';
import { correctionSinceAsked } from '../../../src/features/quiz/core/corrections.js';
import type { QuizRound } from '../../../src/features/quiz/core/round.js';
import { correctionNote, resultsMessage } from '../../../src/features/quiz/messages/round-messages.js';
import { type Correction, toDayDate } from '../../../src/features/story-packs/core/index.js';

function correction(date: string, items: string[], right = 'It is right now.'): Correction {
  return { date: toDayDate(date), items, wrong: 'It was wrong.', right, why: 'A source showed it.' };
}

const round = {
  id: 3,
  guildId: '100000000000000001',
  localDate: '2026-12-01',
  channelId: '100000000000000002',
  question: {
    id: 'q-corrected',
    storyId: 'story',
    question: 'Which?',
    choices: ['One', 'Two'],
    answerIndex: 1,
    explanation: 'Because.',
    source: { name: 'Source', url: 'https://example.org' },
    difficulty: 'easy',
  },
} as QuizRound;

describe('a quiz question corrected after it was asked', () => {
  test('GIVEN corrections on, after and before the day asked THEN only those on or after it count', () => {
    expect(correctionSinceAsked([correction('2026-12-01', ['q'])], 'q', '2026-12-01')?.date.iso).toBe(
      '2026-12-01',
    );
    expect(correctionSinceAsked([correction('2026-12-07', ['x', 'q'])], 'q', '2026-12-01')?.date.iso).toBe(
      '2026-12-07',
    );
    expect(correctionSinceAsked([correction('2026-11-30', ['q'])], 'q', '2026-12-01')).toBeUndefined();
    expect(correctionSinceAsked([correction('2026-12-07', ['other'])], 'q', '2026-12-01')).toBeUndefined();
    expect(correctionSinceAsked(undefined, 'q', '2026-12-01')).toBeUndefined();
  });

  test('GIVEN several corrections since the day asked THEN the latest is the one noted', () => {
    const corrections = [
      correction('2026-12-03', ['q'], 'first'),
      correction('2026-12-09', ['q'], 'latest'),
      correction('2026-12-05', ['q'], 'middle'),
      correction('2026-11-20', ['q'], 'before'),
    ];
    expect(correctionSinceAsked(corrections, 'q', '2026-12-01')?.right).toBe('latest');
  });

  test('GIVEN a correction THEN the note gives its day and what is right, escaped, short and pinging nobody', () => {
    const note = correctionNote(
      correction('2026-12-07', ['q'], `**Bold** <@123456789012345678> @everyone ${'long '.repeat(200)}`),
    );
    expect(note).toMatch(
      /^✏️ This question was corrected on 7 December 2026: \\\*\\\*Bold\\\*\\\* @member @\u200Beveryone long/,
    );
    expect(note).toMatch(/… \(see \/summary's Corrections\)$/);
    expect(note.length).toBeLessThan(1024);
  });

  test('GIVEN the results of a round with or without a correction since THEN the note is a field only when there is one', () => {
    const input = { distribution: [0, 1], players: 1, streaks: [], questionUrl: null };
    const corrected = resultsMessage(round, {
      ...input,
      correction: correctionSinceAsked(
        [correction('2026-12-07', ['q-corrected'])],
        'q-corrected',
        round.localDate,
      ),
    });
    expect(corrected.embeds[0]?.fields?.find((field) => field.name === 'Correction')?.value).toBe(
      "✏️ This question was corrected on 7 December 2026: It is right now. (see /summary's Corrections)",
    );
    expect(corrected.pingRoleIds).toEqual([]);
    const plain = resultsMessage(round, {
      ...input,
      correction: correctionSinceAsked(
        [correction('2026-11-07', ['q-corrected'])],
        'q-corrected',
        round.localDate,
      ),
    });
    expect(plain.embeds[0]?.fields?.map((field) => field.name)).not.toContain('Correction');
  });
});
