import { type DayDate, isAfterDay, parseDayDate, parsePrecisionDate } from './dates.js';
import { findQuizQuestionProblems, findStoryDateProblems, type PathProblem } from './item-rules.js';
import { ITEM_LISTS, type PackFileName } from './schema.js';
import type { IssuePath } from './yaml-document.js';

interface FoundValue {
  readonly path: IssuePath;
  readonly key: string | number | undefined;
  readonly value: unknown;
}

function* walk(value: unknown, path: IssuePath = []): Generator<FoundValue> {
  yield { path, key: path[path.length - 1], value };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* walk(item, [...path, index]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* walk(item, [...path, key]);
  }
}

const PLACEHOLDER = /\bTODO\b/;

function shorten(text: string, length: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= length ? oneLine : `${oneLine.slice(0, length - 1)}…`;
}

/** Text still holding a `TODO` placeholder, as written by `npm run content:new`. */
export function findPlaceholders(data: unknown): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const { path, value } of walk(data)) {
    if (typeof value === 'string' && PLACEHOLDER.test(value)) {
      problems.push({
        path,
        message: `still holds the placeholder ${JSON.stringify(shorten(value, 60))}; replace it with the real value`,
      });
    }
  }
  return problems;
}

const PAST_DATE_FIELDS = new Set(['date', 'published', 'as_of']);

/** Dates of events, publications and checks must not lie in the future; an expired `valid_until` is a warning. */
export function findDateProblems(
  data: unknown,
  today: DayDate,
): { errors: PathProblem[]; warnings: PathProblem[] } {
  const errors: PathProblem[] = [];
  const warnings: PathProblem[] = [];
  for (const { path, key, value } of walk(data)) {
    if (typeof value !== 'string' || typeof key !== 'string') continue;
    if (PAST_DATE_FIELDS.has(key)) {
      const parsed = parsePrecisionDate(value);
      if (parsed.kind === 'ok' && isAfterDay(parsed.date, today)) {
        errors.push({ path, message: `"${value}" is in the future (today is ${today.iso})` });
      }
    } else if (key === 'valid_until') {
      const parsed = parseDayDate(value);
      if (parsed.kind === 'ok' && isAfterDay(today, parsed.date)) {
        warnings.push({
          path,
          message: `"${value}" has passed (today is ${today.iso}), so this question is no longer asked; check the fact, then move valid_until or remove the question`,
        });
      }
    }
  }
  return { errors, warnings };
}

function listOf(data: unknown, key: string): unknown[] {
  if (typeof data !== 'object' || data === null) return [];
  const list = (data as Record<string, unknown>)[key];
  return Array.isArray(list) ? list : [];
}

function prefixed(prefix: IssuePath, problems: readonly PathProblem[]): PathProblem[] {
  return problems.map((problem) => ({ path: [...prefix, ...problem.path], message: problem.message }));
}

/** Rules across the fields of one item: quiz answers and choices, a story's `as_of` against its articles. */
export function findItemProblems(fileName: PackFileName, data: unknown): PathProblem[] {
  if (fileName === 'story.yaml') return findStoryDateProblems(data);
  if (fileName !== 'quiz.yaml') return [];
  return listOf(data, 'questions').flatMap((question, index) =>
    prefixed(['questions', index], findQuizQuestionProblems(question)),
  );
}

export interface FoundId {
  readonly id: string;
  readonly path: IssuePath;
}

/** The ids a file declares: the story id, or the id of every item of its lists. */
export function collectIds(fileName: PackFileName, data: unknown): FoundId[] {
  if (fileName === 'story.yaml') {
    const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).id : undefined;
    return typeof id === 'string' ? [{ id, path: ['id'] }] : [];
  }
  return ITEM_LISTS[fileName].flatMap((listKey) =>
    listOf(data, listKey).flatMap((item, index) => {
      const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
      return typeof id === 'string' ? [{ id, path: [listKey, index, 'id'] }] : [];
    }),
  );
}
