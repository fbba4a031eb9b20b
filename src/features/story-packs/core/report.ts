import type { DayDate } from './dates.js';
import { type ContentIssue, formatContentIssue } from './issues.js';
import type { ContentLibrary } from './library.js';
import type { ContentLoadResult } from './validate.js';

function count(amount: number, singular: string, plural = `${singular}s`): string {
  return `${amount} ${amount === 1 ? singular : plural}`;
}

/** When the report is made, and after how many days readers are warned that facts may be old. */
export interface ReportFreshness {
  readonly today: Date;
  readonly staleAfterDays: number;
}

/** ` (45 days old: readers see a warning after CONTENT_STALE_DAYS=30)` for a stale pack, else nothing. */
function staleNote(asOf: DayDate, freshness: ReportFreshness | undefined): string {
  if (freshness === undefined) return '';
  const today = freshness.today;
  const days = Math.floor(
    (Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) -
      Date.UTC(asOf.year, asOf.month - 1, asOf.day)) /
      86_400_000,
  );
  if (days <= freshness.staleAfterDays) return '';
  return ` (${count(days, 'day')} old: readers see a warning after CONTENT_STALE_DAYS=${freshness.staleAfterDays})`;
}

function describePack(library: ContentLibrary, storyId: string, asOf: string): string {
  return [
    count(library.getTimeline(storyId).length, 'event'),
    count(library.getFactChecks(storyId).length, 'fact-check'),
    count(library.getUpdates(storyId).length, 'update'),
    count(library.getDebatePrompts(storyId).length, 'prompt'),
    count(library.getQuizQuestions(storyId).length, 'question'),
  ]
    .join(', ')
    .concat(`; as_of ${asOf}`);
}

function warningLines(warnings: readonly ContentIssue[]): string[] {
  if (warnings.length === 0) return [];
  return [`${count(warnings.length, 'warning')}:`, ...warnings.map(formatContentIssue)];
}

/**
 * The report printed by `npm run content:check` and by the bot when it refuses to start: one line per
 * pack, noting those readers see as stale when `freshness` is given (or every error, one per line as
 * `file:line path: message`), then the warnings.
 */
export function formatContentReport(result: ContentLoadResult, freshness?: ReportFreshness): string {
  if (result.kind === 'invalid') {
    return [
      ...result.errors.map(formatContentIssue),
      ...warningLines(result.warnings),
      `${count(result.errors.length, 'error')}, ${count(result.warnings.length, 'warning')}: the story packs are not valid.`,
    ].join('\n');
  }
  const { library } = result;
  const packLines = library.stories.map(
    (story) =>
      `${story.id}: ${describePack(library, story.id, story.as_of.iso)}${staleNote(story.as_of, freshness)}`,
  );
  const oldest = library.stories.at(-1);
  const summary =
    oldest === undefined
      ? 'No story packs.'
      : `${count(library.stories.length, 'story pack')} valid; oldest as_of ${oldest.as_of.iso} (${oldest.id}).`;
  return [...packLines, summary, ...warningLines(result.warnings)].join('\n');
}
