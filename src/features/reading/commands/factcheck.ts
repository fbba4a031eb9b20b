import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { colours } from '../../../platform/discord/colours.js';
import { ephemeralOption } from '../../../platform/discord/visibility.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { type ContentReference, contentReference, referenceFor } from '../discord/content-reference.js';
import type { ReadingContext } from '../discord/context.js';
import { findStory, readingTime, replyWithPager, storyGoneMessage } from '../discord/find-content.js';
import { definePager } from '../discord/pager.js';
import { respondWithStories, storyOption } from '../discord/story-option.js';
import { buildFactCheckPages } from '../messages/factcheck-view.js';

export interface FactCheckState {
  /** The story's id, or its hashed reference when the id is too long for a custom id. */
  story: ContentReference;
}

export const factCheckPager = definePager<FactCheckState>({
  feature: 'factcheck',
  action: 'page',
  colour: colours.factCheck,
  state: z.tuple([contentReference]).transform(([story]) => ({ story })),
  encode: (state, compact) => [referenceFor(state.story, compact)],
  render(state, context) {
    const story = findStory(state.story, context);
    if (story === undefined) return { kind: 'unavailable', message: storyGoneMessage() };
    return {
      kind: 'pages',
      pages: buildFactCheckPages(
        story,
        context.content.getFactChecks(story.id),
        context.content.getUpdates(story.id),
        readingTime(context),
      ),
    };
  },
});

export default {
  kind: 'chat-input',
  data: new SlashCommandBuilder()
    .setName('factcheck')
    .setDescription("The article's claims with verdicts and corrections, then what has happened since")
    .addStringOption((option) => storyOption(option, true))
    .addBooleanOption(ephemeralOption)
    .toJSON(),
  audience: 'everyone',
  help: "The claims a story's article makes, each with a verdict, the correction and sources; then dated updates since.",
  cooldownSeconds: 10,
  components: [factCheckPager.route],
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  async execute(interaction, context) {
    await replyWithPager(interaction, context, factCheckPager, (story) => ({ story: story.id }));
  },
} satisfies ChatInputCommand<ReadingContext>;
