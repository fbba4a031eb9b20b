import { describe, expect, test } from 'vitest';
import { formatContentReport } from '../../../src/features/story-packs/core/index.js';
import { editedSnapshot, errorLines, errorsAfter, replaceOnce, validate, warningLines } from './fixtures.js';

const TREATY = 'treaty-history';
const treaty = 'content/stories/treaty-history';

/** Appended to the treaty story, whose last line is 28: `corrections:` is line 29, the second entry starts on 37. */
const validCorrections = `corrections:
  - date: "2026-11-21"
    items: [th-1951-treaty, treaty-history]
    wrong: "The first treaty was said to be signed in Tokyo."
    right: "It was signed in San Francisco on 8 September 1951."
    why: "A reader pointed to the treaty text."
    sources:
      - { name: "Example Archive: 1951 security treaty", url: "https://example.org/archive/1951" }
  - date: "2026-11-22"
    items: [th-q-treaty-year]
    wrong: "The quiz gave 1961."
    right: "The treaty was signed in 1960."
    why: "A typing mistake."
`;

function withCorrections(corrections: string) {
  return editedSnapshot({ pack: TREATY, file: 'story.yaml', edit: (text) => `${text}${corrections}` });
}

function errorsWithCorrections(edit: (text: string) => string): string[] {
  return errorLines(validate(withCorrections(edit(validCorrections))));
}

describe('corrections in story.yaml', () => {
  test('GIVEN dated corrections naming items of the pack and the story itself THEN the pack loads with them', () => {
    const result = validate(withCorrections(validCorrections));
    expect(errorLines(result)).toEqual([]);
    expect(warningLines(result)).toEqual([]);
    const story = result.kind === 'ok' ? result.library.getStory(TREATY) : undefined;
    expect(story?.corrections?.map((correction) => correction.date.iso)).toEqual([
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(story?.corrections?.[0]?.items).toEqual(['th-1951-treaty', 'treaty-history']);
    expect(story?.corrections?.[1]?.sources).toBeUndefined();
  });

  test('GIVEN a pack without corrections THEN it still loads: the field is optional', () => {
    const result = validate(withCorrections(''));
    expect(result.kind).toBe('ok');
  });

  test('GIVEN a correction dated after today THEN it is in the future', () => {
    expect(errorsWithCorrections(replaceOnce('date: "2026-11-22"', 'date: "2026-11-26"'))).toEqual([
      `${treaty}/story.yaml:37 corrections[1].date: "2026-11-26" is in the future (today is 2026-11-25)`,
    ]);
  });

  test('GIVEN a correction dated on a day that does not exist THEN it is not a real date', () => {
    expect(errorsWithCorrections(replaceOnce('date: "2026-11-21"', 'date: "2026-02-30"'))).toEqual([
      `${treaty}/story.yaml:30 corrections[0].date: "2026-02-30" is not a real date: February 2026 has 28 days`,
    ]);
  });

  test('GIVEN a correction dated by month only THEN the full day is asked for', () => {
    expect(errorsWithCorrections(replaceOnce('date: "2026-11-21"', 'date: "2026-11"'))).toEqual([
      `${treaty}/story.yaml:30 corrections[0].date: "2026-11" is not precise enough; write a full date "YYYY-MM-DD"`,
    ]);
  });

  test('GIVEN a correction naming an id that no file of the pack declares THEN the close id is suggested', () => {
    expect(
      errorsWithCorrections(replaceOnce('items: [th-q-treaty-year]', 'items: [th-q-treaty-yeer]')),
    ).toEqual([
      `${treaty}/story.yaml:38 corrections[1].items[0]: "th-q-treaty-yeer" is not an item of this pack (did you mean th-q-treaty-year?); name an event, claim, update, debate prompt or quiz question of treaty-history by its id, or the story id treaty-history for its summary and key points`,
    ]);
  });

  test('GIVEN a correction naming an item of another pack THEN it is refused and the pack named', () => {
    expect(
      errorsWithCorrections(
        replaceOnce('items: [th-q-treaty-year]', 'items: [th-q-treaty-year, ob-1972-reversion]'),
      ),
    ).toEqual([
      `${treaty}/story.yaml:38 corrections[1].items[1]: "ob-1972-reversion" belongs to the pack okinawa-bases; a correction names items of its own pack (treaty-history)`,
    ]);
  });

  test('GIVEN a correction with no items THEN at least one is needed', () => {
    expect(errorsWithCorrections(replaceOnce('items: [th-q-treaty-year]', 'items: []'))).toEqual([
      `${treaty}/story.yaml:38 corrections[1].items: is an empty list; at least 1 entries are needed`,
    ]);
  });

  test('GIVEN a correction without its reason THEN the missing field is named', () => {
    expect(errorsWithCorrections(replaceOnce('    why: "A typing mistake."\n', ''))).toEqual([
      `${treaty}/story.yaml:37 corrections[1].why: is missing; expected text`,
    ]);
  });

  test('GIVEN a correction source that is not a web address THEN it must start with https://', () => {
    expect(
      errorsWithCorrections(
        replaceOnce('url: "https://example.org/archive/1951"', 'url: "ftp://example.org/archive/1951"'),
      ),
    ).toEqual([
      `${treaty}/story.yaml:36 corrections[0].sources[0].url: "ftp://example.org/archive/1951" is not a web address: it must start with https:// (or http://)`,
    ]);
  });

  test('GIVEN an empty list of correction sources THEN leave the field out or give one', () => {
    expect(
      errorsWithCorrections(
        replaceOnce(
          '    sources:\n      - { name: "Example Archive: 1951 security treaty", url: "https://example.org/archive/1951" }\n',
          '    sources: []\n',
        ),
      ),
    ).toEqual([
      `${treaty}/story.yaml:35 corrections[0].sources: is an empty list; at least 1 entries are needed`,
    ]);
  });

  test('GIVEN a misspelt field of a correction THEN the right one is suggested', () => {
    expect(
      errorsWithCorrections(
        replaceOnce('    wrong: "The quiz gave 1961."', '    wrongg: "The quiz gave 1961."'),
      ),
    ).toEqual([
      `${treaty}/story.yaml:37 corrections[1].wrong: is missing; expected text`,
      `${treaty}/story.yaml:39 corrections[1].wrongg: unknown field "wrongg"; did you mean wrong?`,
    ]);
  });
});

describe('review_by', () => {
  const keyPoint = '  - text: "The treaty in force today was signed on 19 January 1960."\n';

  test('GIVEN a key point whose review_by has passed THEN it is a warning, the pack loads, and the report counts it', () => {
    const result = validate(
      editedSnapshot({
        pack: TREATY,
        file: 'story.yaml',
        edit: replaceOnce(keyPoint, `${keyPoint}    review_by: "2026-11-24"\n`),
      }),
    );
    expect(result.kind).toBe('ok');
    expect(warningLines(result)).toEqual([
      `${treaty}/story.yaml:22 key_points[1].review_by: "2026-11-24" has passed (today is 2026-11-25): this fact was expected to change by then; check it, update the item, then move review_by or remove it`,
    ]);
    expect(formatContentReport(result).split('\n').slice(3, 5)).toEqual([
      '1 item due for review: review_by has passed (listed below as warnings).',
      '1 warning:',
    ]);
  });

  test('GIVEN review_by today or later THEN there is no warning', () => {
    const result = validate(
      editedSnapshot({
        pack: TREATY,
        file: 'story.yaml',
        edit: replaceOnce(keyPoint, `${keyPoint}    review_by: "2026-11-25"\n`),
      }),
    );
    expect(result.kind).toBe('ok');
    expect(warningLines(result)).toEqual([]);
  });

  test('GIVEN review_by on a claim and an update, both passed THEN both are warnings and the count says 2', () => {
    const result = validate(
      editedSnapshot({
        pack: TREATY,
        file: 'factchecks.yaml',
        edit: (text) =>
          replaceOnce(
            '    correction: "Kishida left office in October 2024."\n',
            '    correction: "Kishida left office in October 2024."\n    review_by: "2026-01-31"\n',
          )(
            replaceOnce(
              '    detail: "Negotiators meet for a first round."\n',
              '    detail: "Negotiators meet for a first round."\n    review_by: "2025-12-31"\n',
            )(text),
          ),
      }),
    );
    expect(result.kind).toBe('ok');
    expect(warningLines(result)).toEqual([
      `${treaty}/factchecks.yaml:13 claims[1].review_by: "2026-01-31" has passed (today is 2026-11-25): this fact was expected to change by then; check it, update the item, then move review_by or remove it`,
      `${treaty}/factchecks.yaml:27 updates[1].review_by: "2025-12-31" has passed (today is 2026-11-25): this fact was expected to change by then; check it, update the item, then move review_by or remove it`,
    ]);
    expect(formatContentReport(result)).toContain('2 items due for review: review_by has passed');
  });

  test('GIVEN a review_by that is not a full date THEN it is an error', () => {
    expect(
      errorsAfter({
        pack: TREATY,
        file: 'timeline.yaml',
        edit: replaceOnce(
          '    detail: "Signed on the same day as the Treaty of Peace with Japan."\n',
          '    detail: "Signed on the same day as the Treaty of Peace with Japan."\n    review_by: "2027"\n',
        ),
      }),
    ).toEqual([
      `${treaty}/timeline.yaml:13 events[1].review_by: "2027" is not precise enough; write a full date "YYYY-MM-DD"`,
    ]);
  });

  test('GIVEN review_by on a debate prompt THEN it is an unknown field there', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'debates.yaml',
      edit: (text) =>
        text.replace(
          '  - id: th-db-treaty-revision\n',
          '  - id: th-db-treaty-revision\n    review_by: "2027-01-01"\n',
        ),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/prompts\[1\]\.review_by: unknown field "review_by"; allowed here: /);
  });
});
