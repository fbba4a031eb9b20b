import { type APIButtonComponent, ButtonStyle, ComponentType, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { colours } from '../../../platform/discord/colours.js';
import { ephemeralOption } from '../../../platform/discord/visibility.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { storyPromptCustomId } from '../../debate/commands/prompt.js';
import type { Story } from '../../story-packs/core/index.js';
import { type ContentReference, contentReference, referenceFor } from '../discord/content-reference.js';
import type { ReadingContext } from '../discord/context.js';
import { findStory, readingTime, replyWithPager, storyGoneMessage } from '../discord/find-content.js';
import { type ButtonRow, definePager } from '../discord/pager.js';
import { respondWithStories, storyOption } from '../discord/story-option.js';
import { buildSummaryPages, type SummaryLength } from '../messages/summary-view.js';
import { factCheckPager } from './factcheck.js';
import { timelinePager } from './timeline.js';

export interface SummaryState {
  /** The story's id, or its hashed reference when the id is too long for a custom id. */
  story: ContentReference;
  length: SummaryLength;
}

const lengthCodes: Record<SummaryLength, string> = { short: 's', full: 'f' };

/** Buttons under a summary that open the story's other views privately for whoever clicks. */
function storyButtons(story: Story, context: ReadingContext): ButtonRow {
  const buttons: APIButtonComponent[] = [
    timelinePager.openButton({ story: story.id }, 'Timeline', '📅'),
    factCheckPager.openButton({ story: story.id }, 'Fact-check', '🔎'),
  ];
  if (context.content.getDebatePrompts(story.id).length > 0)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: storyPromptCustomId(story.id),
      label: 'Debate prompt',
      emoji: { name: '🗣️' },
    });
  return { type: ComponentType.ActionRow, components: buttons };
}

export const summaryPager = definePager<SummaryState>({
  feature: 'summary',
  action: 'page',
  colour: colours.summary,
  state: z
    .tuple([contentReference, z.enum(['s', 'f'])])
    .transform(([story, length]) => ({ story, length: length === 'f' ? 'full' : 'short' }) as const),
  encode: (state, compact) => [referenceFor(state.story, compact), lengthCodes[state.length]],
  render(state, context) {
    const story = findStory(state.story, context);
    if (story === undefined) return { kind: 'unavailable', message: storyGoneMessage() };
    return {
      kind: 'pages',
      pages: buildSummaryPages(story, state.length, readingTime(context)),
      rows: [storyButtons(story, context)],
    };
  },
});

export default {
  kind: 'chat-input',
  data: new SlashCommandBuilder()
    .setName('summary')
    .setDescription('What a story is about: summary, key points, sources and when the facts were checked')
    .addStringOption((option) => storyOption(option, true))
    .addStringOption((option) =>
      option
        .setName('length')
        .setDescription('Short (default) or the full summary')
        .addChoices({ name: 'short', value: 'short' }, { name: 'full', value: 'full' }),
    )
    .addBooleanOption(ephemeralOption)
    .toJSON(),
  audience: 'everyone',
  help: "A story's summary (short or full) with key points, sources and when the facts were last checked.",
  cooldownSeconds: 10,
  components: [summaryPager.route],
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  async execute(interaction, context) {
    const length: SummaryLength = interaction.options.getString('length') === 'full' ? 'full' : 'short';
    await replyWithPager(interaction, context, summaryPager, (story) => ({ story: story.id, length }));
  },
} satisfies ChatInputCommand<ReadingContext>;
