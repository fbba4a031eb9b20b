import type { z } from 'zod';
import type * as schemas from './schema.js';

/** A cited source: `name` is the outlet or document, `url` an http(s) address, `published` an optional day. */
export type Source = z.output<typeof schemas.sourceSchema>;

/** An article the story pack is based on; `published` is a {@link PrecisionDate}. */
export type Article = z.output<typeof schemas.articleSchema>;

/** One sourced key point of a story. */
export type KeyPoint = z.output<typeof schemas.keyPointSchema>;

/**
 * A correction of the pack: `date` (the day it was made), `items` (ids of the pack's items, or the
 * story id for its summary and key points), `wrong`, `right`, `why` and optional `sources`.
 */
export type Correction = z.output<typeof schemas.correctionSchema>;

/**
 * The contents of `story.yaml`: `id` (equals the folder name), `title`, lowercase `tags`,
 * `as_of` (the day the facts were last checked), `articles`, `summary.short` (plain text),
 * `summary.full` (Markdown), `key_points` (each may carry `review_by`) and optional `corrections`.
 * Field names follow the YAML format.
 */
export type Story = z.output<typeof schemas.storySchema>;

/** Fields shared by every item of a pack: its id, unique across all packs, and its story's id. */
export interface StoryItem {
  readonly id: string;
  /** The id of the story the item belongs to. */
  readonly storyId: string;
}

/** A dated event of a story's timeline; `date` may be a year, a month or a day. */
export type TimelineEvent = z.output<typeof schemas.timelineEventSchema> & StoryItem;

/** A claim made by the article, with a verdict and the corrected fact. */
export type FactCheck = z.output<typeof schemas.factCheckSchema> & StoryItem;

/** A dated development since the article that changes what a reader should take from it. */
export type Update = z.output<typeof schemas.updateSchema> & StoryItem;

/**
 * A debate motion with sourced context, at least three arguments `for` and `against`,
 * and at least two discussion `questions`.
 */
export type DebatePrompt = z.output<typeof schemas.debatePromptSchema> & StoryItem;

/**
 * A multiple-choice question: `answer` is the letter of the right choice (A = first; see
 * {@link answerIndexOf}). `valid_until`, when present, is the last day the question may be asked.
 */
export type QuizQuestion = z.output<typeof schemas.quizQuestionSchema> & StoryItem;

export type TimelineFile = z.output<typeof schemas.timelineFileSchema>;
export type FactChecksFile = z.output<typeof schemas.factChecksFileSchema>;
export type DebatesFile = z.output<typeof schemas.debatesFileSchema>;
export type QuizFile = z.output<typeof schemas.quizFileSchema>;

/** The five parsed files of one story pack, as read from its folder. */
export interface ParsedStoryPack {
  readonly story: Story;
  readonly timeline: TimelineFile;
  readonly factChecks: FactChecksFile;
  readonly debates: DebatesFile;
  readonly quiz: QuizFile;
}
