import { quotedPlaceholder } from './cross-checks.js';
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
  const due = warnings.filter((warning) => warning.path.endsWith('review_by')).length;
  const dueLine =
    due === 0
      ? []
      : [`${count(due, 'item')} due for review: review_by has passed (listed below as warnings).`];
  return [...dueLine, `${count(warnings.length, 'warning')}:`, ...warnings.map(formatContentIssue)];
}

/** Where an issue is: its pack folder and the file in it, or neither for the content folder itself. */
function placeOf(issue: ContentIssue): { pack: string; folder: string; file: string } | undefined {
  const match = /^(.*?[/\\]?stories[/\\]([^/\\]+)[/\\])(.+)$/.exec(issue.file);
  const [, folder, pack, file] = match ?? [];
  if (folder === undefined || pack === undefined || file === undefined) return undefined;
  return { pack, folder, file };
}

/**
 * `line 6 · questions[0].answer: …`: the issue without its file, under that file's heading; a
 * placeholder briefly, as `line 4 · title: placeholder "TODO story title"`.
 */
function issueLine(issue: ContentIssue): string {
  const place = [issue.line === undefined ? '' : `line ${issue.line}`, issue.path]
    .filter(Boolean)
    .join(' · ');
  const placeholder = quotedPlaceholder(issue);
  const message = placeholder === undefined ? issue.message : `placeholder ${placeholder}`;
  return place === '' ? message : `${place}: ${message}`;
}

/** A heading's counts: `3 errors`, `19 placeholders`, or `5 errors: 3 placeholders, 2 others`. */
function errorTally(errors: readonly ContentIssue[]): string {
  const placeholders = errors.filter((error) => quotedPlaceholder(error) !== undefined).length;
  if (placeholders === 0) return count(errors.length, 'error');
  if (placeholders === errors.length) return count(placeholders, 'placeholder');
  return `${count(errors.length, 'error')}: ${count(placeholders, 'placeholder')}, ${count(errors.length - placeholders, 'other')}`;
}

/** The first line: how many placeholders are left, when any, before the other counts. */
function invalidSummary(errors: readonly ContentIssue[], warnings: number): string {
  const placeholders = errors.filter((error) => quotedPlaceholder(error) !== undefined).length;
  const others = errors.length - placeholders;
  const counts =
    placeholders === 0
      ? count(errors.length, 'error')
      : `${count(placeholders, 'placeholder')} (TODO) left to replace, ${others === 0 ? 'no' : others} other ${others === 1 ? 'error' : 'errors'}`;
  return `The story packs are not valid: ${counts}, ${count(warnings, 'warning')}.`;
}

/**
 * The errors grouped under a heading per pack (with its counts) and per file, in the order found;
 * errors about the content folder itself come first, each on its own line.
 */
function groupedErrorLines(errors: readonly ContentIssue[]): string[] {
  const outside: ContentIssue[] = [];
  const packs = new Map<string, { folder: string; files: Map<string, ContentIssue[]> }>();
  for (const error of errors) {
    const place = placeOf(error);
    if (place === undefined) {
      outside.push(error);
      continue;
    }
    let pack = packs.get(place.pack);
    if (pack === undefined) {
      pack = { folder: place.folder, files: new Map() };
      packs.set(place.pack, pack);
    }
    pack.files.set(place.file, [...(pack.files.get(place.file) ?? []), error]);
  }
  const lines = outside.map(formatContentIssue);
  for (const [id, pack] of packs) {
    const packErrors = [...pack.files.values()].flat();
    if (lines.length > 0) lines.push('');
    lines.push(`${id} (${pack.folder}): ${errorTally(packErrors)}`);
    for (const [file, fileErrors] of pack.files) {
      lines.push(`  ${file}: ${errorTally(fileErrors)}`);
      lines.push(...fileErrors.map((error) => `    ${issueLine(error)}`));
    }
  }
  return lines;
}

/**
 * The report printed by `npm run content:check` and by the bot when it refuses to start. For valid
 * packs: one line per pack, noting those readers see as stale when `freshness` is given, then the
 * warnings. Otherwise the counts first (how many placeholders are left, when any), then the errors
 * under a heading per pack and file, then the warnings.
 */
export function formatContentReport(result: ContentLoadResult, freshness?: ReportFreshness): string {
  if (result.kind === 'invalid') {
    const warnings = result.warnings.length === 0 ? [] : ['', ...warningLines(result.warnings)];
    return [
      invalidSummary(result.errors, result.warnings.length),
      '',
      ...groupedErrorLines(result.errors),
      ...warnings,
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
