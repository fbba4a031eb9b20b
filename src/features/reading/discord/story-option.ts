import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { escapeMarkdown } from '../../../platform/text.js';
import type { Story } from '../../story-packs/core/index.js';
import { AUTOCOMPLETE_LIMIT } from '../../story-packs/core/index.js';
import { lookUpStory } from '../core/story-lookup.js';
import { shortenText } from '../core/text-split.js';
import type { ReadingContext } from './context.js';

export const storyOptionName = 'story';

/** Autocomplete choice names and values are capped at 100 characters. */
const choiceLimit = 100;

/** The `story` option every reading command shares: autocompleted from the packs. */
export function storyOption(option: SlashCommandStringOption, required: boolean): SlashCommandStringOption {
  return option
    .setName(storyOptionName)
    .setDescription('The story: start typing a title, topic or id and pick from the list')
    .setRequired(required)
    .setMaxLength(choiceLimit)
    .setAutocomplete(true);
}

/** Answers autocomplete for a `story` option: best matches first, newest stories for empty input. */
export async function respondWithStories(
  interaction: AutocompleteInteraction,
  context: ReadingContext,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== storyOptionName) {
    await interaction.respond([]);
    return;
  }
  const stories = context.content.searchStories(String(focused.value), AUTOCOMPLETE_LIMIT);
  await interaction.respond(
    stories.map((story) => ({ name: shortenText(story.title, choiceLimit), value: story.id })),
  );
}

function storyLine(story: Story): string {
  return `• **${escapeMarkdown(shortenText(story.title, 150))}** (\`${story.id}\`)`;
}

const pickHint = 'Start typing in the `story` option and pick one from the list.';

function shownInput(input: string): string {
  return escapeMarkdown(shortenText(input.replaceAll('`', "'"), 80));
}

/** The answer for a typed story name that several stories match about equally well. */
export function ambiguousStoryMessage(input: string, matches: readonly Story[]): string {
  return `More than one story matches “${shownInput(input)}”. Which one did you mean?\n${matches.map(storyLine).join('\n')}\n\n${pickHint}`;
}

/** The answer for a story that does not exist, with the closest stories or, failing that, the newest. */
export function unknownStoryMessage(
  input: string,
  suggestions: readonly Story[],
  newest: readonly Story[],
): string {
  const heading = `I could not find a story called “${shownInput(input)}”.`;
  const hint = pickHint;
  if (suggestions.length > 0)
    return `${heading} Did you mean:\n${suggestions.map(storyLine).join('\n')}\n\n${hint}`;
  if (newest.length === 0) return `${heading} There are no stories loaded yet.`;
  return `${heading} These are the newest stories:\n${newest.map(storyLine).join('\n')}\n\n${hint}`;
}

/**
 * The story the member chose or typed; an ambiguous or unknown one is refused privately with the
 * stories it could mean.
 */
export function requireStory(input: string, context: ReadingContext): Story {
  const lookup = lookUpStory(context.content, input);
  if (lookup.kind === 'found') return lookup.story;
  if (lookup.kind === 'ambiguous') throw new UserError(ambiguousStoryMessage(lookup.input, lookup.matches));
  throw new UserError(
    unknownStoryMessage(lookup.input, lookup.suggestions, context.content.stories.slice(0, 5)),
  );
}
