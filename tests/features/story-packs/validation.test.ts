import { describe, expect, test } from 'vitest';
import {
  editedSnapshot,
  errorLines,
  errorsAfter,
  replaceOnce,
  validate,
  validSnapshot,
  warningLines,
} from './fixtures.js';

const TREATY = 'treaty-history';
const OKINAWA = 'okinawa-bases';
const treaty = 'content/stories/treaty-history';
const okinawa = 'content/stories/okinawa-bases';

describe('the valid fixture', () => {
  test('GIVEN two complete packs THEN they load without errors or warnings', () => {
    const result = validate(validSnapshot);
    expect(errorLines(result)).toEqual([]);
    expect(warningLines(result)).toEqual([]);
    expect(result.kind).toBe('ok');
  });
});

describe('YAML syntax', () => {
  test('GIVEN an unquoted title containing ": " THEN the syntax error is reported with its line and a quoting hint', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'story.yaml',
      edit: replaceOnce(
        'title: "The US-Japan security treaty, from San Francisco to today"',
        'title: The treaty: from San Francisco to today',
      ),
    });
    expect(errors).toEqual([
      `${treaty}/story.yaml:3: YAML syntax: nested mappings are not allowed in compact mappings; put text containing ": " in double quotes`,
    ]);
  });

  test('GIVEN a key written twice THEN the duplicate is a syntax error on its line', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'debates.yaml',
      edit: replaceOnce('schema_version: 1\n', 'schema_version: 1\nschema_version: 1\n'),
    });
    expect(errors).toEqual([
      `${okinawa}/debates.yaml:2: YAML syntax: a field is written twice in the same place; keep one`,
    ]);
  });

  test('GIVEN a tab used to indent THEN only the first syntax error is reported, in plain words', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('    difficulty: easy\n', '\tdifficulty: easy\n'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:9: YAML syntax: a tab is used to indent; indent with spaces (the rest of the file is checked once this is fixed)`,
    ]);
  });

  test('GIVEN a second document after "---" THEN the author is told to remove the line', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'debates.yaml',
      edit: (text) => `${text}---\nschema_version: 1\n`,
    });
    expect(errors).toEqual([
      `${okinawa}/debates.yaml:10: YAML syntax: a "---" line starts a second document; a file holds one, so remove that line`,
    ]);
  });

  test('GIVEN Windows line endings and a byte order mark THEN lines are still counted right', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: (text) => `\ufeff${replaceOnce('answer: C', 'answer: E')(text).replaceAll('\n', '\r\n')}`,
    });
    expect(errors).toEqual([`${treaty}/quiz.yaml:23 questions[2].answer: "E" is not one of the choices A-C`]);
  });

  test('GIVEN a file holding only a comment THEN it is reported as empty', () => {
    const errors = errorsAfter({ pack: TREATY, file: 'debates.yaml', edit: () => '# nothing yet\n' });
    expect(errors).toEqual([
      `${treaty}/debates.yaml:1: the file is empty; every file starts with "schema_version: 1"`,
    ]);
  });

  test('GIVEN a file that is a list THEN it is told to be a set of fields', () => {
    const errors = errorsAfter({ pack: OKINAWA, file: 'debates.yaml', edit: () => '- schema_version: 1\n' });
    expect(errors).toEqual([
      `${okinawa}/debates.yaml:1: the file must be a set of fields; every file starts with "schema_version: 1"`,
    ]);
  });
});

describe('schema_version', () => {
  test('GIVEN schema_version 2 THEN only version 1 is accepted', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'debates.yaml',
      edit: replaceOnce('schema_version: 1', 'schema_version: 2'),
    });
    expect(errors).toEqual([
      `${treaty}/debates.yaml:1 schema_version: must be 1, not 2 (this is format version 1)`,
    ]);
  });

  test('GIVEN no schema_version THEN it is reported missing', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'debates.yaml',
      edit: replaceOnce('schema_version: 1\n', ''),
    });
    expect(errors).toEqual([
      `${treaty}/debates.yaml:1 schema_version: is missing; every file starts with "schema_version: 1"`,
    ]);
  });
});

describe('fields', () => {
  test('GIVEN a question without difficulty THEN the missing field is reported at the question, with the allowed values', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('    difficulty: medium\n', ''),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:10 questions[1].difficulty: is missing; expected one of: easy, medium, hard`,
    ]);
  });

  test('GIVEN a source without url THEN the url is reported missing', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'timeline.yaml',
      edit: replaceOnce(', url: "https://example.org/archive/reversion"', ''),
    });
    expect(errors).toEqual([
      `${okinawa}/timeline.yaml:7 events[0].sources[0].url: is missing; expected a web address starting with https://`,
    ]);
  });

  test('GIVEN a misspelt field THEN it is unknown and the right spelling is suggested', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('valid_until:', 'valid_untill:'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:27 questions[2].valid_untill: unknown field "valid_untill"; did you mean valid_until?`,
    ]);
  });

  test('GIVEN a field the format does not have THEN the fields allowed there are listed', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('    difficulty: easy\n', '    difficulty: easy\n    notes: "check again"\n'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:10 questions[0].notes: unknown field "notes"; allowed here: id, question, choices, answer, explanation, source, difficulty, valid_until`,
    ]);
  });

  test('GIVEN a verdict outside the list THEN the allowed verdicts are listed', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'factchecks.yaml',
      edit: replaceOnce('verdict: outdated', 'verdict: wrong'),
    });
    expect(errors).toEqual([
      `${treaty}/factchecks.yaml:11 claims[1].verdict: "wrong" is not one of: accurate, imprecise, inaccurate, outdated, unverified`,
    ]);
  });

  test('GIVEN a misspelt difficulty THEN the closest allowed value is suggested', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('difficulty: medium', 'difficulty: meduim'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:19 questions[1].difficulty: "meduim" is not one of: easy, medium, hard (did you mean medium?)`,
    ]);
  });

  test('GIVEN sources written as text THEN a list is asked for', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'timeline.yaml',
      edit: replaceOnce(
        'sources: [{ name: "Example Archive: reversion", url: "https://example.org/archive/reversion" }]',
        'sources: "Example Archive"',
      ),
    });
    expect(errors).toEqual([
      `${okinawa}/timeline.yaml:7 events[0].sources: must be a list, not text (write each entry on its own line after "- ")`,
    ]);
  });

  test('GIVEN a summary written as text THEN its two fields are named', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'story.yaml',
      edit: replaceOnce(
        'summary:\n  short: "Most US bases in Japan, by area, are in Okinawa."\n  full: "Okinawa hosts most of the area used by US forces in Japan."',
        'summary: "Most bases are in Okinawa."',
      ),
    });
    expect(errors).toEqual([
      `${okinawa}/story.yaml:11 summary: must be a group of fields (short, full), not text`,
    ]);
  });

  test('GIVEN choices written as numbers THEN each is asked to be quoted', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'quiz.yaml',
      edit: replaceOnce('choices: ["1952", "1972"]', 'choices: [1952, 1972]'),
    });
    expect(errors).toEqual([
      `${okinawa}/quiz.yaml:5 questions[0].choices[0]: must be in quotes: "1952"`,
      `${okinawa}/quiz.yaml:5 questions[0].choices[1]: must be in quotes: "1972"`,
    ]);
  });

  test('GIVEN an empty text and an empty value THEN both are reported empty', () => {
    expect(
      errorsAfter({
        pack: OKINAWA,
        file: 'story.yaml',
        edit: replaceOnce('full: "Okinawa hosts most of the area used by US forces in Japan."', 'full: ""'),
      }),
    ).toEqual([`${okinawa}/story.yaml:13 summary.full: is empty`]);
    expect(
      errorsAfter({
        pack: OKINAWA,
        file: 'story.yaml',
        edit: replaceOnce('full: "Okinawa hosts most of the area used by US forces in Japan."', 'full:'),
      }),
    ).toEqual([`${okinawa}/story.yaml:13 summary.full: is empty; expected text`]);
  });
});

describe('ids and tags', () => {
  test('GIVEN an id with capitals and an underscore THEN the id rule is explained', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('id: th-q-treaty-year', 'id: TH_Q1'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:3 questions[0].id: "TH_Q1" is not a valid id: use lowercase letters, digits and single hyphens, e.g. usj-q-treaty-year`,
    ]);
  });

  test('GIVEN an id of 61 characters THEN it is too long to travel in Discord identifiers', () => {
    const longId = `th-q-${'a'.repeat(56)}`;
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('id: th-q-treaty-year', `id: ${longId}`),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:3 questions[0].id: is 61 characters; at most 60 fit here (an id travels inside Discord button and autocomplete identifiers, next to other data)`,
    ]);
  });

  test('GIVEN an id already used by another pack THEN the second use points at the first', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('id: th-q-treaty-year', 'id: ob-q-reversion-year'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:3 questions[0].id: the id "ob-q-reversion-year" is already used at ${okinawa}/quiz.yaml:3 (questions[0].id); ids must be unique across all packs`,
    ]);
  });

  test("GIVEN an item id equal to another file's item id in the same pack THEN it is a duplicate too", () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'factchecks.yaml',
      edit: replaceOnce('id: th-up-talks-open', 'id: th-1952-occupation-ends'),
    });
    expect(errors).toEqual([
      `${treaty}/factchecks.yaml:22 updates[1].id: the id "th-1952-occupation-ends" is already used at ${treaty}/timeline.yaml:15 (events[2].id); ids must be unique across all packs`,
    ]);
  });

  test('GIVEN a story id that differs from its folder THEN both names are shown', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'story.yaml',
      edit: replaceOnce('id: treaty-history', 'id: treaty-histories'),
    });
    expect(errors).toEqual([
      `${treaty}/story.yaml:2 id: "treaty-histories" differs from the folder name "treaty-history"; the two must be the same`,
    ]);
  });

  test('GIVEN eleven tags, one with capitals and a space THEN both the tag and the count are reported', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'story.yaml',
      edit: replaceOnce(
        'tags: [japan, united-states, alliance, treaty]',
        'tags: [japan, North Korea, a, b, c, d, e, f, g, h, i]',
      ),
    });
    expect(errors).toEqual([
      `${treaty}/story.yaml:4 tags[1]: "North Korea" is not a valid tag: use lowercase letters, digits and hyphens, e.g. north-korea`,
      `${treaty}/story.yaml:4 tags: has 11 entries; at most 10 are allowed`,
    ]);
  });
});

describe('quiz answers and choices', () => {
  test('GIVEN answer E for three choices THEN the letters that exist are named', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('answer: C', 'answer: E'),
    });
    expect(errors).toEqual([`${treaty}/quiz.yaml:23 questions[2].answer: "E" is not one of the choices A-C`]);
  });

  test('GIVEN a letter beyond E THEN the same plain message is given', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('answer: C', 'answer: F'),
    });
    expect(errors).toEqual([`${treaty}/quiz.yaml:23 questions[2].answer: "F" is not one of the choices A-C`]);
  });

  test('GIVEN a lowercase answer THEN the capital letter is suggested', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('answer: C', 'answer: c'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:23 questions[2].answer: "c" is not one of the choices A-C (write the capital letter C)`,
    ]);
  });

  test('GIVEN the number of the choice instead of its letter THEN the letters are named', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'quiz.yaml',
      edit: replaceOnce('answer: B', 'answer: 2'),
    });
    expect(errors).toEqual([
      `${okinawa}/quiz.yaml:6 questions[0].answer: 2 is not a letter; write the letter of the right choice, A-B (A is the first)`,
    ]);
  });

  test('GIVEN two choices differing only in case and spaces THEN the second is a duplicate', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('"1972", "1996"', '" 1960 ", "1996"'),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:5 questions[0].choices[2]: " 1960 " repeats choice B; every choice must differ`,
    ]);
  });

  test('GIVEN a choice of 81 characters THEN it is too long for a Discord button label', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'quiz.yaml',
      edit: replaceOnce('"Washington"', JSON.stringify('W'.repeat(81))),
    });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:15 questions[1].choices[2]: is 81 characters; at most 80 fit here (a Discord button label)`,
    ]);
  });

  test('GIVEN a valid_until already past THEN it is a warning and the content still loads', () => {
    const result = validate(
      editedSnapshotFor(
        TREATY,
        'quiz.yaml',
        replaceOnce('valid_until: "2027-12-31"', 'valid_until: "2026-11-24"'),
      ),
    );
    expect(result.kind).toBe('ok');
    expect(warningLines(result)).toEqual([
      `${treaty}/quiz.yaml:27 questions[2].valid_until: "2026-11-24" has passed (today is 2026-11-25), so this question is no longer asked; check the fact, then move valid_until or remove the question`,
    ]);
  });

  test('GIVEN valid_until today THEN there is no warning', () => {
    const result = validate(
      editedSnapshotFor(
        TREATY,
        'quiz.yaml',
        replaceOnce('valid_until: "2027-12-31"', 'valid_until: "2026-11-25"'),
      ),
    );
    expect(result.kind).toBe('ok');
    expect(warningLines(result)).toEqual([]);
  });
});

describe('lengths and counts', () => {
  test('GIVEN a short summary of 312 characters THEN the count and the limit are given', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'story.yaml',
      edit: replaceOnce(
        'short: "Most US bases in Japan, by area, are in Okinawa."',
        `short: "${'x'.repeat(312)}"`,
      ),
    });
    expect(errors).toEqual([
      `${okinawa}/story.yaml:12 summary.short: is 312 characters; at most 300 fit here (the one-paragraph summary)`,
    ]);
  });

  test('GIVEN a motion with two arguments for THEN three are asked for', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'debates.yaml',
      edit: replaceOnce(', "It would calm US critics."', ''),
    });
    expect(errors).toEqual([
      `${treaty}/debates.yaml:22 prompts[1].for: has 2 entries; at least 3 are needed`,
    ]);
  });

  test('GIVEN two key points THEN three are asked for', () => {
    const errors = errorsAfter({
      pack: OKINAWA,
      file: 'story.yaml',
      edit: replaceOnce(
        `  - text: "Okinawa is about 0.6% of Japan's land area."\n    sources: [{ name: "Example Atlas", url: "https://example.org/atlas/okinawa" }]\n`,
        '',
      ),
    });
    expect(errors).toEqual([`${okinawa}/story.yaml:14 key_points: has 2 entries; at least 3 are needed`]);
  });
});

describe('sources', () => {
  test('GIVEN an ftp address THEN it is not a web address', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce(
        'url: "https://example.org/archive/occupation"',
        'url: "ftp://example.org/archive/occupation"',
      ),
    });
    expect(errors).toEqual([
      `${treaty}/timeline.yaml:20 events[2].sources[0].url: "ftp://example.org/archive/occupation" is not a web address: it must start with https:// (or http://)`,
    ]);
  });

  test('GIVEN an address with a space THEN the space is named', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce(
        'url: "https://example.org/archive/occupation"',
        'url: "https://example.org/archive/the occupation"',
      ),
    });
    expect(errors).toEqual([
      `${treaty}/timeline.yaml:20 events[2].sources[0].url: "https://example.org/archive/the occupation" is not a web address: it contains a space`,
    ]);
  });

  test('GIVEN a source published to the month only THEN a full date is asked for', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'factchecks.yaml',
      edit: replaceOnce('published: "2024-10-01"', 'published: "2024-10"'),
    });
    expect(errors).toEqual([
      `${treaty}/factchecks.yaml:14 claims[1].sources[0].published: "2024-10" is not precise enough; write a full date "YYYY-MM-DD"`,
    ]);
  });
});

describe('dates', () => {
  test('GIVEN 30 February THEN the date is not real', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce('date: "1960-01-19"', 'date: "1960-02-30"'),
    });
    expect(errors).toEqual([
      `${treaty}/timeline.yaml:4 events[0].date: "1960-02-30" is not a real date: February 1960 has 29 days`,
    ]);
  });

  test('GIVEN month 13 THEN the date is not real', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce('date: "1960-01-19"', 'date: "1960-13-01"'),
    });
    expect(errors).toEqual([
      `${treaty}/timeline.yaml:4 events[0].date: "1960-13-01" is not a real date: there is no month 13`,
    ]);
  });

  test('GIVEN an unquoted year THEN it is asked to be quoted', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce('date: "1952"', 'date: 1952'),
    });
    expect(errors).toEqual([`${treaty}/timeline.yaml:16 events[2].date: must be in quotes: "1952"`]);
  });

  test('GIVEN an event next month THEN it is in the future', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce('date: "1952"', 'date: "2026-12"'),
    });
    expect(errors).toEqual([
      `${treaty}/timeline.yaml:16 events[2].date: "2026-12" is in the future (today is 2026-11-25)`,
    ]);
  });

  test('GIVEN an event this month without a day THEN it is not in the future', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce('date: "1952"', 'date: "2026-11"'),
    });
    expect(errors).toEqual([]);
  });

  test('GIVEN as_of tomorrow THEN it is in the future', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'story.yaml',
      edit: replaceOnce('as_of: "2026-11-20"', 'as_of: "2026-11-26"'),
    });
    expect(errors).toEqual([
      `${treaty}/story.yaml:5 as_of: "2026-11-26" is in the future (today is 2026-11-25)`,
    ]);
  });

  test('GIVEN as_of before the article was published THEN the article is named', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'story.yaml',
      edit: replaceOnce('as_of: "2026-11-20"', 'as_of: "2024-12-31"'),
    });
    expect(errors).toEqual([
      `${treaty}/story.yaml:5 as_of: "2024-12-31" is before the article "Japan braces for tough talks on US forces" was published (January 2025); as_of is the day the facts were last checked`,
    ]);
  });
});

describe('placeholders and files', () => {
  test('GIVEN a TODO left in a choice THEN it is flagged as a placeholder', () => {
    const errors = errorsAfter({ pack: TREATY, file: 'quiz.yaml', edit: replaceOnce('"1972"', '"TODO"') });
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:5 questions[0].choices[2]: still holds the placeholder "TODO"; replace it with the real value`,
    ]);
  });

  test('GIVEN a TODO date THEN only the placeholder is reported, not the date format', () => {
    const errors = errorsAfter({
      pack: TREATY,
      file: 'timeline.yaml',
      edit: replaceOnce('date: "1952"', 'date: "TODO YYYY"'),
    });
    expect(errors).toEqual([
      `${treaty}/timeline.yaml:16 events[2].date: still holds the placeholder "TODO YYYY"; replace it with the real value`,
    ]);
  });

  test('GIVEN a pack without quiz.yaml THEN the missing file is named', () => {
    const errors = errorsAfter({ pack: OKINAWA, file: 'quiz.yaml', edit: () => undefined });
    expect(errors).toEqual([
      `${okinawa}/quiz.yaml: the file is missing; every story pack has story.yaml, timeline.yaml, factchecks.yaml, debates.yaml and quiz.yaml`,
    ]);
  });
});

describe('every error at once', () => {
  test('GIVEN mistakes in several files and packs THEN all are reported, pack by pack, file by file, line by line', () => {
    const errors = errorsAfter(
      { pack: TREATY, file: 'quiz.yaml', edit: replaceOnce('answer: C', 'answer: E') },
      { pack: TREATY, file: 'quiz.yaml', edit: replaceOnce('difficulty: medium', 'difficulty: meduim') },
      { pack: TREATY, file: 'story.yaml', edit: replaceOnce('as_of: "2026-11-20"', 'as_of: "2026-11-26"') },
      { pack: OKINAWA, file: 'timeline.yaml', edit: replaceOnce('date: "1972-05-15"', 'date: "1972-02-30"') },
      {
        pack: OKINAWA,
        file: 'quiz.yaml',
        edit: replaceOnce('choices: ["1952", "1972"]', 'choices: ["1952", "1952"]'),
      },
    );
    expect(errors).toEqual([
      `${okinawa}/timeline.yaml:4 events[0].date: "1972-02-30" is not a real date: February 1972 has 29 days`,
      `${okinawa}/quiz.yaml:5 questions[0].choices[1]: "1952" repeats choice A; every choice must differ`,
      `${treaty}/story.yaml:5 as_of: "2026-11-26" is in the future (today is 2026-11-25)`,
      `${treaty}/quiz.yaml:19 questions[1].difficulty: "meduim" is not one of: easy, medium, hard (did you mean medium?)`,
      `${treaty}/quiz.yaml:23 questions[2].answer: "E" is not one of the choices A-C`,
    ]);
  });

  test('GIVEN a question with a schema error THEN its answer is still checked against its choices', () => {
    const errors = errorsAfter(
      { pack: TREATY, file: 'quiz.yaml', edit: replaceOnce('answer: C', 'answer: E') },
      { pack: TREATY, file: 'quiz.yaml', edit: replaceOnce('difficulty: hard', 'difficulty: extreme') },
    );
    expect(errors).toEqual([
      `${treaty}/quiz.yaml:23 questions[2].answer: "E" is not one of the choices A-C`,
      `${treaty}/quiz.yaml:26 questions[2].difficulty: "extreme" is not one of: easy, medium, hard`,
    ]);
  });
});

function editedSnapshotFor(pack: string, file: 'quiz.yaml', edit: (text: string) => string) {
  return editedSnapshot({ pack, file, edit });
}
