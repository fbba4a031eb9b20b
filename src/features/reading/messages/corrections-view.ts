import type {
  Correction,
  DayDate,
  DebatePrompt,
  FactCheck,
  QuizQuestion,
  Story,
  TimelineEvent,
  Update,
} from '../../story-packs/core/index.js';
import { compareDates, formatDate } from '../../story-packs/core/index.js';
import { shortenText } from '../core/text-split.js';
import type { FieldGroup } from './embed-layout.js';
import { textFields } from './embed-layout.js';
import { buildPages, itemFields, type PageView } from './page-view.js';

const correctionsPerPage = 5;

/** The items of a story that a correction may name, as the library holds them. */
export interface StoryItems {
  events: readonly TimelineEvent[];
  claims: readonly FactCheck[];
  updates: readonly Update[];
  prompts: readonly DebatePrompt[];
  questions: readonly QuizQuestion[];
}

/** The story's corrections, the most recent first (those of one day in the order the pack lists them). */
export function correctionsNewestFirst(story: Story): Correction[] {
  return [...(story.corrections ?? [])].sort((left, right) => compareDates(right.date, left.date));
}

/** The day of the story's most recent correction, if it has any. */
export function lastCorrectedOn(story: Story): DayDate | undefined {
  return correctionsNewestFirst(story)[0]?.date;
}

/** `Corrected on 7 December 2026 (10 corrections: see Corrections).`, or nothing for a story never corrected. */
export function correctedLine(story: Story): string {
  const count = story.corrections?.length ?? 0;
  const last = lastCorrectedOn(story);
  if (last === undefined) return '';
  return `Corrected on ${formatDate(last)} (${count} ${count === 1 ? 'correction' : 'corrections'}: see **Corrections**).`;
}

function quoted(text: string): string {
  return `“${shortenText(text, 80)}”`;
}

function describeItem(id: string, story: Story, items: StoryItems): string {
  if (id === story.id) return 'the summary and key points';
  const event = items.events.find((entry) => entry.id === id);
  if (event) return `the timeline event ${quoted(event.title)}`;
  const claim = items.claims.find((entry) => entry.id === id);
  if (claim) return `the fact-check of ${quoted(claim.claim)}`;
  const update = items.updates.find((entry) => entry.id === id);
  if (update) return `the update ${quoted(update.title)}`;
  const prompt = items.prompts.find((entry) => entry.id === id);
  if (prompt) return `the debate motion ${quoted(prompt.motion)}`;
  const question = items.questions.find((entry) => entry.id === id);
  if (question) return `the quiz question ${quoted(question.question)}`;
  return `\`${id}\``;
}

function correctionBody(correction: Correction, story: Story, items: StoryItems): string {
  const concerns = correction.items.map((id) => describeItem(id, story, items)).join('; ');
  return [
    `**Was:** ${correction.wrong}`,
    `**Now:** ${correction.right}`,
    `**Why:** ${correction.why}`,
    `**Concerns:** ${concerns}.`,
  ].join('\n');
}

function correctionFields(correction: Correction, story: Story, items: StoryItems): FieldGroup {
  const name = `Corrected on ${formatDate(correction.date)}`;
  const body = correctionBody(correction, story, items);
  return correction.sources === undefined
    ? textFields(name, body)
    : itemFields(name, body, correction.sources);
}

/** Every correction of a story, newest first: what was wrong, what is right, why, and what it concerns. */
export function buildCorrectionsPages(story: Story, items: StoryItems): PageView[] {
  const corrections = correctionsNewestFirst(story);
  const count = corrections.length;
  const intro =
    count === 0
      ? 'This story has not been corrected since it was published.'
      : `${count} ${count === 1 ? 'correction' : 'corrections'} made to this story since it was published, newest first: what was wrong, what is right now and why.`;
  return buildPages(
    {
      title: `Corrections: ${story.title}`,
      firstDescription: intro,
      footer: `Roundtable · Corrections · ${story.id}`,
    },
    corrections.map((correction) => correctionFields(correction, story, items)),
    correctionsPerPage,
  );
}
