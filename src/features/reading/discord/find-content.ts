import type { ChatInputCommandInteraction, MessageComponentInteraction } from 'discord.js';
import { visibilityFlags } from '../../../platform/discord/visibility.js';
import { UserError } from '../../../platform/router/errors.js';
import type { DebatePrompt, Story } from '../../story-packs/core/index.js';
import type { ReadingTime } from '../messages/page-view.js';
import { type ContentReference, resolveReference } from './content-reference.js';
import type { ReadingContext } from './context.js';
import type { MessagePayload, Pager, Viewer } from './pager.js';
import { requireStory, storyOptionName } from './story-option.js';

/** The story a custom id names, by id or hashed reference. */
export function findStory(reference: ContentReference, context: ReadingContext): Story | undefined {
  return resolveReference(reference, context.content.stories, (id) => context.content.getStory(id));
}

/** The debate prompt a custom id names, by id or hashed reference. */
export function findPrompt(reference: ContentReference, context: ReadingContext): DebatePrompt | undefined {
  return resolveReference(reference, context.content.debatePrompts, (id) =>
    context.content.getDebatePrompt(id),
  );
}

export function readingTime(context: ReadingContext): ReadingTime {
  return { now: context.clock.now(), staleAfterDays: context.contentStaleDays };
}

export function viewerOf(interaction: ChatInputCommandInteraction | MessageComponentInteraction): Viewer {
  return { userId: interaction.user.id, memberPermissions: interaction.memberPermissions };
}

/** The answer for a button whose story was removed from the packs since the message was posted. */
export function storyGoneMessage(): string {
  return 'This story is no longer in the story packs. Run the command again to pick a current story.';
}

/** What a pager shows of the story its state names, or that the story is gone. */
export function viewOfStory<View>(
  reference: ContentReference,
  context: ReadingContext,
  view: (story: Story) => View,
): View | { kind: 'unavailable'; message: string } {
  const story = findStory(reference, context);
  return story === undefined ? { kind: 'unavailable', message: storyGoneMessage() } : view(story);
}

/**
 * The answer to a reading command, checked before anything is sent: the story of its `story` option,
 * then the first page of `pager` for the state `stateOf` gives, paged by the member who asked. An
 * unknown story or an input the view cannot show is refused with a `UserError`.
 */
export async function preparePagerReply<State>(
  interaction: ChatInputCommandInteraction,
  context: ReadingContext,
  pager: Pager<State>,
  stateOf: (story: Story) => State,
): Promise<MessagePayload> {
  const story = requireStory(interaction.options.getString(storyOptionName, true), context);
  const shown = await pager.message(stateOf(story), 0, interaction.user.id, context, viewerOf(interaction));
  if (shown.kind === 'unavailable') throw new UserError(shown.message);
  return shown.payload;
}

/** Sends a prepared reading answer: public unless the member asked for privacy. */
export async function sendPagerReply(
  interaction: ChatInputCommandInteraction,
  payload: MessagePayload,
): Promise<void> {
  await interaction.reply({ ...payload, ...visibilityFlags(interaction) });
}
