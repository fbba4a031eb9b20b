import type { DebatePrompt, Story } from '../../story-packs/core/index.js';
import { type FieldGroup, listFields } from './embed-layout.js';
import { buildPages, type PageView, sourceLink } from './page-view.js';

const groupsPerPage = 25;

function numbered(lines: readonly string[]): string[] {
  return lines.map((line, index) => `${index + 1}. ${line}`);
}

function bulleted(lines: readonly string[]): string[] {
  return lines.map((line) => `• ${line}`);
}

/**
 * The debate card: the motion, its context and the discussion questions. The arguments stay behind
 * a button so that the discussion starts before anyone reads them.
 */
export function buildDebatePromptPages(prompt: DebatePrompt, story: Story | undefined): PageView[] {
  const from = story === undefined ? '' : `\n\n-# From the story “${story.title}” (\`${story.id}\`)`;
  const groups: FieldGroup[] = [
    ...listFields('Questions to discuss', numbered(prompt.questions)),
    ...listFields('Sources', bulleted(prompt.sources.map(sourceLink))),
  ].map((field) => [field]);
  return buildPages(
    {
      title: prompt.motion,
      firstDescription: `${prompt.context}${from}`,
      laterDescription: prompt.motion,
      footer: `Roundtable · Debate prompt · ${prompt.id}`,
    },
    groups,
    groupsPerPage,
  );
}

/** The arguments for and against a motion, shown on request. */
export function buildArgumentsPages(prompt: DebatePrompt): PageView[] {
  const groups: FieldGroup[] = [
    ...listFields('Arguments for', bulleted(prompt.for)),
    ...listFields('Arguments against', bulleted(prompt.against)),
  ].map((field) => [field]);
  return buildPages(
    {
      title: prompt.motion,
      firstDescription: 'The strongest arguments on each side. Which one would you answer first?',
      footer: `Roundtable · Arguments · ${prompt.id}`,
    },
    groups,
    groupsPerPage,
  );
}
