/** The most characters a text may have, and where Discord shows it (the reason for the limit). */
export interface TextLimit {
  readonly max: number;
  readonly shownAs: string;
}

/** Every length limit of the story pack format, in one place for the schemas, messages and guide. */
export const TEXT_LIMITS = {
  storyTitle: { max: 200, shownAs: 'the story title, an embed title' },
  summaryShort: { max: 300, shownAs: 'the one-paragraph summary' },
  summaryFull: { max: 3500, shownAs: 'one embed description, which Discord caps at 4096' },
  keyPoint: { max: 400, shownAs: 'one key point line' },
  articleOutlet: { max: 256, shownAs: 'an embed author line' },
  articleTitle: { max: 256, shownAs: 'an embed field name' },
  sourceName: { max: 256, shownAs: 'a link label' },
  url: { max: 2048, shownAs: 'an embed link, which Discord caps at 2048' },
  eventTitle: { max: 200, shownAs: 'an embed field name, which Discord caps at 256' },
  eventDetail: {
    max: 700,
    shownAs: 'an embed field value, which Discord caps at 1024, with room for the date and source link',
  },
  claim: { max: 300, shownAs: 'the quoted claim' },
  correction: {
    max: 700,
    shownAs: 'an embed field value, which Discord caps at 1024, with room for the verdict and sources',
  },
  motion: { max: 200, shownAs: 'the motion, an embed title' },
  debateContext: { max: 1000, shownAs: 'the context paragraph of the debate card' },
  argument: { max: 300, shownAs: 'one argument line' },
  discussionQuestion: { max: 300, shownAs: 'one discussion question line' },
  question: { max: 300, shownAs: 'the question text' },
  choice: { max: 80, shownAs: 'a Discord button label' },
  explanation: { max: 1000, shownAs: 'the explanation shown after the answer' },
  correctionWrong: { max: 300, shownAs: 'what a correction says was wrong, on the corrections page' },
  correctionRight: { max: 500, shownAs: 'what a correction says is right, on the corrections page' },
  correctionWhy: { max: 500, shownAs: 'why a correction was made, on the corrections page' },
} as const satisfies Record<string, TextLimit>;

/** Lowercase kebab-case, the shape of every id and tag. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Ids travel inside Discord component and autocomplete identifiers (100 characters, shared with other data). */
export const ID_LIMIT: TextLimit = {
  max: 60,
  shownAs: 'an id travels inside Discord button and autocomplete identifiers, next to other data',
};

export const MAX_TAGS = 10;
export const MIN_KEY_POINTS = 3;
export const MIN_ARGUMENTS = 3;
export const MIN_DISCUSSION_QUESTIONS = 2;
export const MIN_CHOICES = 2;
/** One row of Discord buttons holds five. */
export const MAX_CHOICES = 5;

/** Letters naming quiz choices, A for the first. */
export const ANSWER_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type AnswerLetter = (typeof ANSWER_LETTERS)[number];

export const VERDICTS = ['accurate', 'imprecise', 'inaccurate', 'outdated', 'unverified'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
