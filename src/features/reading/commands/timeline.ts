import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { colours } from '../../../platform/discord/colours.js';
import { ephemeralOption } from '../../../platform/discord/visibility.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { formatDate, type PrecisionDate } from '../../story-packs/core/index.js';
import { decodeRangeEnd, describeRange, encodeRangeEnd, parseDateRange } from '../core/date-range.js';
import { type ContentReference, contentReference, referenceFor } from '../discord/content-reference.js';
import type { ReadingContext } from '../discord/context.js';
import { findStory, readingTime, replyWithPager, storyGoneMessage } from '../discord/find-content.js';
import { definePager } from '../discord/pager.js';
import { respondWithStories, storyOption } from '../discord/story-option.js';
import { buildTimelineView, type TimelineView } from '../messages/timeline-view.js';

export interface TimelineState {
  /** The story's id, or its hashed reference when the id is too long for a custom id. */
  story: ContentReference;
  from?: PrecisionDate;
  to?: PrecisionDate;
}

const rangeEnd = z.string().transform((text, context) => {
  const date = decodeRangeEnd(text);
  if (date === 'invalid') {
    context.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return date;
});

function nothingInRangeMessage(
  view: Extract<TimelineView, { kind: 'nothing-in-range' }>,
  title: string,
): string {
  const span =
    view.earliest && view.latest
      ? ` Its events run from ${formatDate(view.earliest)} to ${formatDate(view.latest)}.`
      : '';
  return `No events in the timeline of “${title}” ${describeRange(view.range)}.${span}`;
}

export const timelinePager = definePager<TimelineState>({
  feature: 'timeline',
  action: 'page',
  colour: colours.timeline,
  state: z.tuple([contentReference, rangeEnd, rangeEnd]).transform(([story, from, to]) => ({
    story,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  })),
  encode: (state, compact) => [
    referenceFor(state.story, compact),
    encodeRangeEnd(state.from),
    encodeRangeEnd(state.to),
  ],
  render(state, context) {
    const story = findStory(state.story, context);
    if (story === undefined) return { kind: 'unavailable', message: storyGoneMessage() };
    const view = buildTimelineView(
      story,
      context.content.getTimeline(story.id),
      { ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}) },
      readingTime(context),
    );
    if (view.kind === 'nothing-in-range')
      return { kind: 'unavailable', message: nothingInRangeMessage(view, story.title) };
    return { kind: 'pages', pages: view.pages };
  },
});

export default {
  kind: 'chat-input',
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription("A story's events in date order, with sources")
    .addStringOption((option) => storyOption(option, true))
    .addStringOption((option) =>
      option
        .setName('from')
        .setDescription('Start at this year, month or day: 1951, 1951-09 or 1951-09-08')
        .setMaxLength(10),
    )
    .addStringOption((option) =>
      option
        .setName('to')
        .setDescription('End at this year, month or day: 1960, 1960-01 or 1960-01-19')
        .setMaxLength(10),
    )
    .addBooleanOption(ephemeralOption)
    .toJSON(),
  audience: 'everyone',
  help: "A story's events in date order, each with its date, details and source; `from` and `to` narrow the range.",
  cooldownSeconds: 10,
  components: [timelinePager.route],
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  async execute(interaction, context) {
    await replyWithPager(interaction, context, timelinePager, (story): TimelineState => {
      const range = parseDateRange(
        interaction.options.getString('from'),
        interaction.options.getString('to'),
      );
      if (range.kind === 'invalid')
        throw new UserError(
          `\`${range.option}\` should be a year, a month or a day, like 1951, 1951-09 or 1951-09-08 (${range.reason}).`,
        );
      if (range.kind === 'reversed')
        throw new UserError(
          `The range is reversed: \`from\` (${formatDate(range.from)}) comes after \`to\` (${formatDate(range.to)}). Swap them and try again.`,
        );
      return { story: story.id, ...range.range };
    });
  },
} satisfies ChatInputCommand<ReadingContext>;
