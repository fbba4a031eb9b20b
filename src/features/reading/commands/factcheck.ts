import { SlashCommandBuilder } from 'discord.js';
import { ephemeralOption } from '../../../platform/discord/visibility.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import type { ReadingContext } from '../discord/context.js';
import { replyWithPager } from '../discord/find-content.js';
import { factCheckPager } from '../discord/pagers/factcheck-pager.js';
import { respondWithStories, storyOption } from '../discord/story-option.js';

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
