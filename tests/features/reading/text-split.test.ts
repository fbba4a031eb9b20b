import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shortenText, splitText } from '../../../src/features/reading/core/text-split.js';
import { wordsOf } from './embed-checks.js';

describe('splitText', () => {
  test('GIVEN text within the limit THEN it comes back as one chunk', () => {
    expect(splitText('Short text.', 100)).toEqual(['Short text.']);
  });

  test('GIVEN two paragraphs over the limit THEN the cut is at the blank line', () => {
    const first = 'First paragraph has a few sentences. It goes on a bit.';
    const second = 'Second paragraph is here. It also goes on.';
    expect(splitText(`${first}\n\n${second}`, first.length + 10)).toEqual([first, second]);
  });

  test('GIVEN sentences without line breaks THEN the cut is after a full stop, not inside a sentence', () => {
    const text = 'The treaty was signed in 1960. It took effect in June. Okinawa hosts most bases.';
    const chunks = splitText(text, 60);
    expect(chunks).toEqual([
      'The treaty was signed in 1960. It took effect in June.',
      'Okinawa hosts most bases.',
    ]);
  });

  test('GIVEN one long sentence THEN the cut is at a space and no word is broken', () => {
    const text = 'alliance '.repeat(30).trim();
    const chunks = splitText(text, 50);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(50);
      expect(wordsOf(chunk).every((word) => word === 'alliance')).toBe(true);
    }
  });

  test('GIVEN a masked link across the limit THEN the link stays whole in the next chunk', () => {
    const link = '[The Japan Times article](https://www.japantimes.co.jp/news/2020/12/16/national/how-much)';
    const text = `Read more about the cost of hosting US forces in ${link} today`;
    const chunks = splitText(text, 100);
    expect(chunks).toEqual(['Read more about the cost of hosting US forces in', `${link} today`]);
  });

  test('GIVEN a single word longer than the limit THEN it is cut, the only case where a word breaks', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  test('GIVEN any text of words no longer than the limit THEN chunks fit and keep every word whole, in order', () => {
    const word = fc.stringMatching(/^[a-zA-Z]{1,12}[.,!?]?$/);
    const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n');
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 1, maxLength: 200 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 13, max: 300 }), (input, limit) => {
        const chunks = splitText(input, limit);
        for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(limit);
        expect(chunks.flatMap(wordsOf)).toEqual(wordsOf(input));
      }),
      { numRuns: 300 },
    );
  });
});

describe('shortenText', () => {
  test('GIVEN text within the limit THEN it is unchanged', () => {
    expect(shortenText('The US-Japan alliance', 100)).toBe('The US-Japan alliance');
  });

  test('GIVEN text over the limit THEN it ends at a word with an ellipsis and fits', () => {
    const shortened = shortenText('The US-Japan alliance and the cost of hosting US forces', 30);
    expect(shortened.length).toBeLessThanOrEqual(30);
    expect(shortened.endsWith('…')).toBe(true);
    expect('The US-Japan alliance and the cost of hosting US forces'.startsWith(shortened.slice(0, -1))).toBe(
      true,
    );
    expect(shortened).toBe('The US-Japan alliance and the…');
  });
});
