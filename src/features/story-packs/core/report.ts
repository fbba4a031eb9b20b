import { type ContentIssue, formatContentIssue } from './issues.js';
import type { ContentLibrary } from './library.js';
import type { ContentLoadResult } from './validate.js';

function count(amount: number, singular: string, plural = `${singular}s`): string {
  return `${amount} ${amount === 1 ? singular : plural}`;
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

/**
 * The report printed by `npm run content:check` and by the bot when it refuses to start: one line per
 * pack (or every error, one per line as `file:line path: message`), then the warnings.
 */
export function formatContentReport(result: ContentLoadResult): string {
  if (result.kind === 'invalid') {
    return [
      ...result.errors.map(formatContentIssue),
      ...warningLines(result.warnings),
      `${count(result.errors.length, 'error')}, ${count(result.warnings.length, 'warning')}: the story packs are not valid.`,
    ].join('\n');
  }
  const { library } = result;
  const packLines = library.stories.map(
    (story) => `${story.id}: ${describePack(library, story.id, story.as_of.iso)}`,
  );
  const oldest = library.stories.at(-1);
  const summary =
    oldest === undefined
      ? 'No story packs.'
      : `${count(library.stories.length, 'story pack')} valid; oldest as_of ${oldest.as_of.iso} (${oldest.id}).`;
  return [...packLines, summary, ...warningLines(result.warnings)].join('\n');
}
