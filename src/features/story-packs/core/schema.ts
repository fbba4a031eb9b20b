import { z } from 'zod';
import { type DayDate, type PrecisionDate, parseDayDate, parsePrecisionDate } from './dates.js';
import { findQuizQuestionProblems, findStoryDateProblems, type PathProblem } from './item-rules.js';
import {
  ANSWER_LETTERS,
  DIFFICULTIES,
  ID_LIMIT,
  ID_PATTERN,
  MAX_CHOICES,
  MAX_TAGS,
  MIN_ARGUMENTS,
  MIN_CHOICES,
  MIN_DISCUSSION_QUESTIONS,
  MIN_KEY_POINTS,
  TEXT_LIMITS,
  type TextLimit,
  VERDICTS,
} from './limits.js';

/** What the error messages need to know about a field beyond its zod type. */
export interface FieldInfo {
  readonly kind: 'text' | 'date' | 'day' | 'id' | 'tag' | 'url';
  readonly shownAs?: string;
}

export const fieldInfo = z.registry<FieldInfo>();

function text(limit: TextLimit) {
  return z
    .string()
    .trim()
    .min(1)
    .max(limit.max)
    .register(fieldInfo, { kind: 'text', shownAs: limit.shownAs });
}

const idSchema = z
  .string()
  .max(ID_LIMIT.max)
  .regex(ID_PATTERN, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a valid id: use lowercase letters, digits and single hyphens, e.g. usj-q-treaty-year`,
  })
  .register(fieldInfo, { kind: 'id', shownAs: ID_LIMIT.shownAs });

const tagSchema = z
  .string()
  .regex(ID_PATTERN, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a valid tag: use lowercase letters, digits and hyphens, e.g. north-korea`,
  })
  .register(fieldInfo, { kind: 'tag' });

function describeWebAddressProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'contains a space';
  if (!/^https?:\/\//.test(value)) return 'must start with https:// (or http://)';
  try {
    const url = new URL(value);
    if (!url.hostname.includes('.')) return 'does not name a site';
  } catch {
    return 'is not a complete address';
  }
  return undefined;
}

const webAddressSchema = z
  .string()
  .trim()
  .min(1)
  .max(TEXT_LIMITS.url.max)
  .superRefine((value, context) => {
    const problem = describeWebAddressProblem(value);
    if (problem !== undefined) {
      context.addIssue({
        code: 'custom',
        input: value,
        message: `${JSON.stringify(value)} is not a web address: it ${problem}`,
      });
    }
  })
  .register(fieldInfo, { kind: 'url', shownAs: TEXT_LIMITS.url.shownAs });

const precisionDateSchema = z
  .string()
  .transform((value, context): PrecisionDate => {
    const parsed = parsePrecisionDate(value);
    if (parsed.kind === 'invalid') {
      context.addIssue({ code: 'custom', input: value, message: parsed.reason });
      return z.NEVER;
    }
    return parsed.date;
  })
  .register(fieldInfo, { kind: 'date' });

const dayDateSchema = z
  .string()
  .transform((value, context): DayDate => {
    const parsed = parseDayDate(value);
    if (parsed.kind === 'invalid') {
      context.addIssue({ code: 'custom', input: value, message: parsed.reason });
      return z.NEVER;
    }
    return parsed.date;
  })
  .register(fieldInfo, { kind: 'day' });

function addProblems(problems: readonly PathProblem[], context: z.RefinementCtx): void {
  for (const problem of problems) {
    context.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
  }
}

/**
 * A list whose length is checked even when some of its entries are invalid, so that every problem
 * is reported in one pass.
 */
function list<Item extends z.ZodType>(item: Item, bounds: { min?: number; max?: number } = {}) {
  const { min = 0, max = Number.POSITIVE_INFINITY } = bounds;
  return z
    .array(item)
    .superRefine(
      (entries: unknown, context) => {
        if (!Array.isArray(entries)) return;
        if (entries.length < min) {
          context.addIssue({
            code: 'too_small',
            origin: 'array',
            minimum: min,
            inclusive: true,
            input: entries,
          });
        }
        if (entries.length > max) {
          context.addIssue({
            code: 'too_big',
            origin: 'array',
            maximum: max,
            inclusive: true,
            input: entries,
          });
        }
      },
      { when: () => true },
    )
    .readonly();
}

const schemaVersionSchema = z.literal(1);

export const sourceSchema = z
  .strictObject({
    name: text(TEXT_LIMITS.sourceName),
    url: webAddressSchema,
    published: dayDateSchema.optional(),
  })
  .readonly();

const sourcesSchema = list(sourceSchema, { min: 1 });

export const articleSchema = z
  .strictObject({
    outlet: text(TEXT_LIMITS.articleOutlet),
    title: text(TEXT_LIMITS.articleTitle),
    url: webAddressSchema,
    published: precisionDateSchema,
  })
  .readonly();

/** The day by which a fact is expected to change; readers are told it is due for review once it has passed. */
const reviewBySchema = dayDateSchema.optional();

export const keyPointSchema = z
  .strictObject({
    text: text(TEXT_LIMITS.keyPoint),
    sources: sourcesSchema,
    review_by: reviewBySchema,
  })
  .readonly();

/**
 * A correction made to the pack after publication: the day it was made, the items it concerns (ids of
 * the pack's items, or the story id for its summary and key points), what was wrong, what is right and why.
 */
export const correctionSchema = z
  .strictObject({
    date: dayDateSchema,
    items: list(idSchema, { min: 1 }),
    wrong: text(TEXT_LIMITS.correctionWrong),
    right: text(TEXT_LIMITS.correctionRight),
    why: text(TEXT_LIMITS.correctionWhy),
    sources: list(sourceSchema, { min: 1 }).optional(),
  })
  .readonly();

export const storySchema = z
  .strictObject({
    schema_version: schemaVersionSchema,
    id: idSchema,
    title: text(TEXT_LIMITS.storyTitle),
    tags: list(tagSchema, { min: 1, max: MAX_TAGS }),
    as_of: dayDateSchema,
    articles: list(articleSchema, { min: 1 }),
    summary: z
      .strictObject({
        short: text(TEXT_LIMITS.summaryShort),
        full: text(TEXT_LIMITS.summaryFull),
      })
      .readonly(),
    key_points: list(keyPointSchema, { min: MIN_KEY_POINTS }),
    corrections: list(correctionSchema).optional(),
  })
  .superRefine((story, context) => addProblems(findStoryDateProblems(story), context))
  .readonly();

export const timelineEventSchema = z
  .strictObject({
    id: idSchema,
    date: precisionDateSchema,
    title: text(TEXT_LIMITS.eventTitle),
    detail: text(TEXT_LIMITS.eventDetail),
    sources: sourcesSchema,
    review_by: reviewBySchema,
  })
  .readonly();

export const timelineFileSchema = z
  .strictObject({
    schema_version: schemaVersionSchema,
    events: list(timelineEventSchema, { min: 1 }),
  })
  .readonly();

export const factCheckSchema = z
  .strictObject({
    id: idSchema,
    claim: text(TEXT_LIMITS.claim),
    verdict: z.enum(VERDICTS),
    correction: text(TEXT_LIMITS.correction),
    sources: sourcesSchema,
    review_by: reviewBySchema,
  })
  .readonly();

/** A dated development since the article: the same shape as a timeline event. */
export const updateSchema = timelineEventSchema;

export const factChecksFileSchema = z
  .strictObject({
    schema_version: schemaVersionSchema,
    claims: list(factCheckSchema, { min: 1 }),
    updates: list(updateSchema),
  })
  .readonly();

export const debatePromptSchema = z
  .strictObject({
    id: idSchema,
    motion: text(TEXT_LIMITS.motion),
    context: text(TEXT_LIMITS.debateContext),
    for: list(text(TEXT_LIMITS.argument), { min: MIN_ARGUMENTS }),
    against: list(text(TEXT_LIMITS.argument), { min: MIN_ARGUMENTS }),
    questions: list(text(TEXT_LIMITS.discussionQuestion), { min: MIN_DISCUSSION_QUESTIONS }),
    sources: sourcesSchema,
  })
  .readonly();

export const debatesFileSchema = z
  .strictObject({
    schema_version: schemaVersionSchema,
    prompts: list(debatePromptSchema, { min: 1 }),
  })
  .readonly();

export const quizQuestionSchema = z
  .strictObject({
    id: idSchema,
    question: text(TEXT_LIMITS.question),
    choices: list(text(TEXT_LIMITS.choice), { min: MIN_CHOICES, max: MAX_CHOICES }),
    answer: z.enum(ANSWER_LETTERS),
    explanation: text(TEXT_LIMITS.explanation),
    source: sourceSchema,
    difficulty: z.enum(DIFFICULTIES),
    valid_until: dayDateSchema.optional(),
  })
  .superRefine((question, context) => addProblems(findQuizQuestionProblems(question), context))
  .readonly();

export const quizFileSchema = z
  .strictObject({
    schema_version: schemaVersionSchema,
    questions: list(quizQuestionSchema, { min: 1 }),
  })
  .readonly();

/** The five files of a story pack, in the order they are checked and reported. */
export const PACK_FILES = {
  'story.yaml': storySchema,
  'timeline.yaml': timelineFileSchema,
  'factchecks.yaml': factChecksFileSchema,
  'debates.yaml': debatesFileSchema,
  'quiz.yaml': quizFileSchema,
} as const;

export type PackFileName = keyof typeof PACK_FILES;
export const PACK_FILE_NAMES = Object.keys(PACK_FILES) as PackFileName[];

/** Where each file keeps its list of items, each of which carries an `id`. */
export const ITEM_LISTS: Readonly<Record<PackFileName, readonly string[]>> = {
  'story.yaml': [],
  'timeline.yaml': ['events'],
  'factchecks.yaml': ['claims', 'updates'],
  'debates.yaml': ['prompts'],
  'quiz.yaml': ['questions'],
};
