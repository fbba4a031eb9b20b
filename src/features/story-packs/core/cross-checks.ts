import { type DayDate, isAfterDay, parseDayDate, parsePrecisionDate } from './dates.js';
import { findQuizQuestionProblems, findStoryDateProblems, type PathProblem } from './item-rules.js';
import { ITEM_LISTS, type PackFileName } from './schema.js';
import type { IssuePath } from './yaml-document.js';

/**
 * Calls `onText` for every string in `data`, in document order. `path` is one array that changes as the
 * walk goes on: copy it to keep it.
 */
function forEachText(data: unknown, onText: (path: IssuePath, text: string) => void): void {
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      onText(path, value);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        path.push(index);
        visit(value[index]);
        path.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        path.push(key);
        visit(item);
        path.pop();
      }
    }
  };
  visit(data);
}

const PLACEHOLDER = /\bTODO\b/;

function shorten(text: string, length: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= length ? oneLine : `${oneLine.slice(0, length - 1)}…`;
}

const PLACEHOLDER_MESSAGE = 'still holds the placeholder ';
const PLACEHOLDER_ADVICE = '; replace it with the real value';

/**
 * The placeholder a problem from {@link findPlaceholders} quotes (`"TODO story title"`), so a report
 * can count what is left and list it briefly; undefined for any other problem.
 */
export function quotedPlaceholder(problem: { readonly message: string }): string | undefined {
  const { message } = problem;
  if (!message.startsWith(PLACEHOLDER_MESSAGE) || !message.endsWith(PLACEHOLDER_ADVICE)) return undefined;
  return message.slice(PLACEHOLDER_MESSAGE.length, -PLACEHOLDER_ADVICE.length);
}

/** Text still holding a `TODO` placeholder, as written by `npm run content:new`. */
export function findPlaceholders(data: unknown): PathProblem[] {
  const problems: PathProblem[] = [];
  forEachText(data, (path, value) => {
    if (!PLACEHOLDER.test(value)) return;
    problems.push({
      path: [...path],
      message: `${PLACEHOLDER_MESSAGE}${JSON.stringify(shorten(value, 60))}${PLACEHOLDER_ADVICE}`,
    });
  });
  return problems;
}

const PAST_DATE_FIELDS = new Set(['date', 'published', 'as_of']);

/** A date as written in a file, where the date checks of every load look at it. */
export interface DateText {
  readonly path: IssuePath;
  readonly text: string;
}

/** Dates that look ahead: the last day a question is asked, the day by which a fact is expected to change. */
const FUTURE_DATE_FIELDS = new Set(['valid_until', 'review_by']);

/**
 * The text of every date field: events, publications, checks and corrections (`date`, `published`,
 * `as_of`), and `valid_until` and `review_by`.
 */
export function collectDateTexts(data: unknown): DateText[] {
  const dates: DateText[] = [];
  forEachText(data, (path, text) => {
    const key = path[path.length - 1];
    if (typeof key === 'string' && (PAST_DATE_FIELDS.has(key) || FUTURE_DATE_FIELDS.has(key))) {
      dates.push({ path: [...path], text });
    }
  });
  return dates;
}

/** The warning for a `review_by` day that has passed. */
export function reviewDueMessage(text: string, today: DayDate): string {
  return `"${text}" has passed (today is ${today.iso}): this fact was expected to change by then; check it, update the item, then move review_by or remove it`;
}

/**
 * Dates of events, publications, checks and corrections must not lie in the future; an expired
 * `valid_until` or `review_by` is a warning.
 */
export function findDateProblems(
  dates: readonly DateText[],
  today: DayDate,
): { errors: PathProblem[]; warnings: PathProblem[] } {
  const errors: PathProblem[] = [];
  const warnings: PathProblem[] = [];
  for (const { path, text } of dates) {
    const key = path[path.length - 1];
    if (key === 'review_by') {
      const parsed = parseDayDate(text);
      if (parsed.kind === 'ok' && isAfterDay(today, parsed.date))
        warnings.push({ path, message: reviewDueMessage(text, today) });
    } else if (key === 'valid_until') {
      const parsed = parseDayDate(text);
      if (parsed.kind === 'ok' && isAfterDay(today, parsed.date)) {
        warnings.push({
          path,
          message: `"${text}" has passed (today is ${today.iso}), so this question is no longer asked; check the fact, then move valid_until or remove the question`,
        });
      }
    } else {
      const parsed = parsePrecisionDate(text);
      if (parsed.kind === 'ok' && isAfterDay(parsed.date, today)) {
        errors.push({ path, message: `"${text}" is in the future (today is ${today.iso})` });
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
