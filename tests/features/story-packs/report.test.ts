import { describe, expect, test } from 'vitest';
import { formatContentReport } from '../../../src/features/story-packs/core/index.js';
import { editedSnapshot, replaceOnce, validate, validSnapshot } from './fixtures.js';

describe('formatContentReport', () => {
  test('GIVEN valid packs THEN one line per pack and the oldest as_of are printed', () => {
    expect(formatContentReport(validate(validSnapshot)).split('\n')).toEqual([
      'treaty-history: 4 events, 2 fact-checks, 2 updates, 2 prompts, 3 questions; as_of 2026-11-20',
      'okinawa-bases: 1 event, 1 fact-check, 0 updates, 1 prompt, 1 question; as_of 2026-10-01',
      '2 story packs valid; oldest as_of 2026-10-01 (okinawa-bases).',
    ]);
  });

  test('GIVEN valid packs with a warning THEN the warning follows the summary', () => {
    const result = validate(
      editedSnapshot({
        pack: 'treaty-history',
        file: 'quiz.yaml',
        edit: replaceOnce('valid_until: "2027-12-31"', 'valid_until: "2026-01-01"'),
      }),
    );
    const lines = formatContentReport(result).split('\n');
    expect(lines.slice(3)).toEqual([
      '1 warning:',
      'content/stories/treaty-history/quiz.yaml:27 questions[2].valid_until: "2026-01-01" has passed (today is 2026-11-25), so this question is no longer asked; check the fact, then move valid_until or remove the question',
    ]);
  });

  test('GIVEN errors and a warning THEN errors come first, one per line, then warnings and the counts', () => {
    const result = validate(
      editedSnapshot(
        { pack: 'okinawa-bases', file: 'quiz.yaml', edit: replaceOnce('answer: B', 'answer: C') },
        {
          pack: 'treaty-history',
          file: 'quiz.yaml',
          edit: replaceOnce('valid_until: "2027-12-31"', 'valid_until: "2026-01-01"'),
        },
      ),
    );
    expect(formatContentReport(result).split('\n')).toEqual([
      'content/stories/okinawa-bases/quiz.yaml:6 questions[0].answer: "C" is not one of the choices A-B',
      '1 warning:',
      'content/stories/treaty-history/quiz.yaml:27 questions[2].valid_until: "2026-01-01" has passed (today is 2026-11-25), so this question is no longer asked; check the fact, then move valid_until or remove the question',
      '1 error, 1 warning: the story packs are not valid.',
    ]);
  });
});
