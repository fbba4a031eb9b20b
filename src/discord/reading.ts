import type { ChatInputCommandInteraction, MessageComponentInteraction } from 'discord.js';
import type { Story } from '../content/index.js';
import type { BotContext } from '../context.js';
import type { ReadingTime } from '../reading/page-view.js';
import { type ContentReference, resolveReference } from './content-reference.js';
import type { Viewer } from './pager.js';

/** The story a custom id names, by id or hashed reference. */
export function findStory(reference: ContentReference, context: BotContext): Story | undefined {
  return resolveReference(reference, context.content.stories, (id) => context.content.getStory(id));
}

export function readingTime(context: BotContext): ReadingTime {
  return { now: context.clock.now(), staleAfterDays: context.options.contentStaleDays };
}

export function viewerOf(interaction: ChatInputCommandInteraction | MessageComponentInteraction): Viewer {
  return { userId: interaction.user.id, memberPermissions: interaction.memberPermissions };
}

/** The answer for a button whose story was removed from the packs since the message was posted. */
export function storyGoneMessage(): string {
  return 'This story is no longer in the story packs. Run the command again to pick a current story.';
}
