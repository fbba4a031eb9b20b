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

  test('GIVEN errors and a warning THEN the counts come first, errors under their pack and file, then warnings', () => {
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
      'The story packs are not valid: 1 error, 1 warning.',
      '',
      'okinawa-bases (content/stories/okinawa-bases/): 1 error',
      '  quiz.yaml: 1 error',
      '    line 6 · questions[0].answer: "C" is not one of the choices A-B',
      '',
      '1 warning:',
      'content/stories/treaty-history/quiz.yaml:27 questions[2].valid_until: "2026-01-01" has passed (today is 2026-11-25), so this question is no longer asked; check the fact, then move valid_until or remove the question',
    ]);
  });

  test('GIVEN placeholders left in two packs and another error THEN the placeholders are counted first and each pack and file has its heading', () => {
    const result = validate(
      editedSnapshot(
        {
          pack: 'okinawa-bases',
          file: 'story.yaml',
          edit: replaceOnce('title: "US bases', 'title: "TODO US bases'),
        },
        { pack: 'okinawa-bases', file: 'quiz.yaml', edit: replaceOnce('answer: B', 'answer: C') },
        {
          pack: 'treaty-history',
          file: 'timeline.yaml',
          edit: replaceOnce('title: "The revised treaty', 'title: "TODO The revised treaty'),
        },
      ),
    );
    const lines = formatContentReport(result).split('\n');
    expect(lines[0]).toBe(
      'The story packs are not valid: 2 placeholders (TODO) left to replace, 1 other error, 0 warnings.',
    );
    expect(lines.filter((line) => !line.startsWith('    '))).toEqual([
      lines[0],
      '',
      'okinawa-bases (content/stories/okinawa-bases/): 2 errors: 1 placeholder, 1 other',
      '  story.yaml: 1 placeholder',
      '  quiz.yaml: 1 error',
      '',
      'treaty-history (content/stories/treaty-history/): 1 placeholder',
      '  timeline.yaml: 1 placeholder',
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}line \d+ · title: placeholder "TODO /));
  });
});
