import { SlashCommandBuilder } from 'discord.js';
import { ephemeralOption } from '../../../platform/discord/visibility.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { errorReportRoutes } from '../../error-reports/commands/report-error.js';
import type { ErrorReportContext } from '../../error-reports/discord/context.js';
import { preparePagerReply, sendPagerReply } from '../discord/find-content.js';
import type { MessagePayload } from '../discord/pager.js';
import { correctionsPager } from '../discord/pagers/corrections-pager.js';
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
  components: [factCheckPager.route, correctionsPager.route, ...errorReportRoutes.components],
  modals: errorReportRoutes.modals,
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  prepare(interaction, context) {
    return preparePagerReply(interaction, context, factCheckPager, (story) => ({ story: story.id }));
  },
  async execute(interaction, _context, payload) {
    await sendPagerReply(interaction, payload);
  },
} satisfies ChatInputCommand<ErrorReportContext, MessagePayload>;
