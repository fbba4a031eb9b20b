import { formatDate, isBeforeStartOf, isDayDate, type PrecisionDate, parsePrecisionDate } from './dates.js';
import { ANSWER_LETTERS } from './limits.js';

/** A problem found in a value, at a path relative to that value. */
export interface PathProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Reads a date written as text, or already parsed. */
export function readDate(value: unknown): PrecisionDate | undefined {
  if (typeof value === 'string') {
    const parsed = parsePrecisionDate(value);
    return parsed.kind === 'ok' ? parsed.date : undefined;
  }
  if (typeof value === 'object' && value !== null && typeof (value as PrecisionDate).iso === 'string') {
    return readDate((value as PrecisionDate).iso);
  }
  return undefined;
}

/** Normalises a choice for comparison: case, accents, spacing and width are ignored. */
export function normaliseChoice(choice: string): string {
  return choice.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function letterRange(count: number): string {
  const last = ANSWER_LETTERS[Math.min(count, ANSWER_LETTERS.length) - 1] ?? 'A';
  return count <= 1 ? 'A' : `A-${last}`;
}

/** The answer must name one of the choices; no two choices may read the same. */
export function findQuizQuestionProblems(question: unknown): PathProblem[] {
  const problems: PathProblem[] = [];
  const choices = fieldOf(question, 'choices');
  const answer = fieldOf(question, 'answer');
  if (!Array.isArray(choices)) return problems;

  const seen = new Map<string, number>();
  choices.forEach((choice, index) => {
    if (typeof choice !== 'string') return;
    const key = normaliseChoice(choice);
    if (key === '') return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    problems.push({
      path: ['choices', index],
      message: `${JSON.stringify(choice)} repeats choice ${ANSWER_LETTERS[first] ?? first + 1}; every choice must differ`,
    });
  });

  if (typeof answer === 'number' && choices.length > 0) {
    problems.push({
      path: ['answer'],
      message: `${answer} is not a letter; write the letter of the right choice, ${letterRange(choices.length)} (A is the first)`,
    });
  }
  if (typeof answer === 'string' && choices.length > 0) {
    const letters: readonly string[] = ANSWER_LETTERS.slice(0, choices.length);
    if (!letters.includes(answer)) {
      const capitalHint =
        letters.includes(answer.toUpperCase()) && answer !== answer.toUpperCase()
          ? ` (write the capital letter ${answer.toUpperCase()})`
          : '';
      problems.push({
        path: ['answer'],
        message: `${JSON.stringify(answer)} is not one of the choices ${letterRange(choices.length)}${capitalHint}`,
      });
    }
  }
  return problems;
}

/** `as_of` (the day the facts were checked) cannot come before the article it checks was published. */
export function findStoryDateProblems(story: unknown): PathProblem[] {
  const asOf = readDate(fieldOf(story, 'as_of'));
  const articles = fieldOf(story, 'articles');
  if (asOf === undefined || !isDayDate(asOf) || !Array.isArray(articles)) return [];
  const problems: PathProblem[] = [];
  for (const article of articles) {
    const published = readDate(fieldOf(article, 'published'));
    if (published === undefined || !isBeforeStartOf(asOf, published)) continue;
    const title = fieldOf(article, 'title');
    const named = typeof title === 'string' ? ` "${title}"` : '';
    problems.push({
      path: ['as_of'],
      message: `"${asOf.iso}" is before the article${named} was published (${formatDate(published)}); as_of is the day the facts were last checked`,
    });
  }
  return problems.slice(0, 1);
}
