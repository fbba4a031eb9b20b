import { SlashCommandBuilder } from 'discord.js';
import { ephemeralOption } from '../../../platform/discord/visibility.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { errorReportRoutes } from '../../error-reports/commands/report-error.js';
import type { ErrorReportContext } from '../../error-reports/discord/context.js';
import { formatDate } from '../../story-packs/core/index.js';
import { DATE_INPUT_MAX_LENGTH, dateInputProblem, parseDateRange } from '../core/date-range.js';
import { preparePagerReply, sendPagerReply } from '../discord/find-content.js';
import type { MessagePayload } from '../discord/pager.js';
import { type TimelineState, timelinePager } from '../discord/pagers/timeline-pager.js';
import { respondWithStories, storyOption } from '../discord/story-option.js';

export default {
  kind: 'chat-input',
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription("A story's events in date order, with sources")
    .addStringOption((option) => storyOption(option, true))
    .addStringOption((option) =>
      option
        .setName('from')
        .setDescription('Start at this year, month or day: 1951, March 2020, 8 Sept 1951, 2020年3月')
        .setMaxLength(DATE_INPUT_MAX_LENGTH),
    )
    .addStringOption((option) =>
      option
        .setName('to')
        .setDescription('End at this year, month or day: 1960, January 1960, 19 Jan 1960, 1960年1月')
        .setMaxLength(DATE_INPUT_MAX_LENGTH),
    )
    .addBooleanOption(ephemeralOption)
    .toJSON(),
  audience: 'everyone',
  help: "A story's events in date order, each with its date, details and source; `from` and `to` narrow the range.",
  cooldownSeconds: 10,
  components: [timelinePager.route, ...errorReportRoutes.components],
  modals: errorReportRoutes.modals,
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  prepare(interaction, context) {
    return preparePagerReply(interaction, context, timelinePager, (story): TimelineState => {
      const range = parseDateRange(
        interaction.options.getString('from'),
        interaction.options.getString('to'),
      );
      if (range.kind === 'invalid') throw new UserError(dateInputProblem(range.option, range.reason));
      if (range.kind === 'reversed')
        throw new UserError(
          `The range is reversed: \`from\` (${formatDate(range.from)}) comes after \`to\` (${formatDate(range.to)}). Swap them and try again.`,
        );
      return { story: story.id, ...range.range };
    });
  },
  async execute(interaction, _context, payload) {
    await sendPagerReply(interaction, payload);
  },
} satisfies ChatInputCommand<ErrorReportContext, MessagePayload>;
