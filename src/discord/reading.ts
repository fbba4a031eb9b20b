import type { ChatInputCommandInteraction, MessageComponentInteraction } from 'discord.js';
import { z } from 'zod';
import { ID_PATTERN } from '../content/index.js';
import type { BotContext } from '../context.js';
import type { ReadingTime } from '../reading/page-view.js';
import type { Viewer } from './pager.js';

/** A story or item id inside a custom id. */
export const contentIdArgument = z.string().regex(ID_PATTERN);

export function readingTime(context: BotContext): ReadingTime {
  return { now: context.clock.now(), staleAfterDays: context.options.contentStaleDays };
}

export function viewerOf(interaction: ChatInputCommandInteraction | MessageComponentInteraction): Viewer {
  return { userId: interaction.user.id, memberPermissions: interaction.memberPermissions };
}

/** The answer for a button whose story was removed from the packs since the message was posted. */
export function storyGoneMessage(storyId: string): string {
  return `The story \`${storyId}\` is no longer available. Run the command again to pick a current story.`;
}
