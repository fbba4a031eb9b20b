import { SlashCommandBuilder } from 'discord.js';
import { ephemeralOption } from '../../../platform/discord/visibility.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { errorReportRoutes } from '../../error-reports/commands/report-error.js';
import type { ErrorReportContext } from '../../error-reports/discord/context.js';
import { preparePagerReply, sendPagerReply } from '../discord/find-content.js';
import type { MessagePayload } from '../discord/pager.js';
import { correctionsPager } from '../discord/pagers/corrections-pager.js';
import { summaryPager } from '../discord/pagers/summary-pager.js';
import { respondWithStories, storyOption } from '../discord/story-option.js';
import type { SummaryLength } from '../messages/summary-view.js';

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
  components: [summaryPager.route, correctionsPager.route, ...errorReportRoutes.components],
  modals: errorReportRoutes.modals,
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  prepare(interaction, context) {
    const length: SummaryLength = interaction.options.getString('length') === 'full' ? 'full' : 'short';
    return preparePagerReply(interaction, context, summaryPager, (story) => ({ story: story.id, length }));
  },
  async execute(interaction, _context, payload) {
    await sendPagerReply(interaction, payload);
  },
} satisfies ChatInputCommand<ErrorReportContext, MessagePayload>;
