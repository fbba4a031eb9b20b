import { type ChatInputCommandInteraction, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { respondWithStories, storyOption } from '../../reading/discord/story-option.js';
import { maximumDurationMinutes } from '../core/schedule.js';
import type { QuizContext } from '../discord/context.js';
import { answerButton } from './answer.js';
import { bellButton, runJoin, runLeave } from './membership.js';
import { practiceAnswerButton, practiceNextButton, runPractice } from './practice.js';
import { runExport, runLeaderboard, runRemoveScores, runStats } from './scores.js';
import { autocompleteTimeZone, quizChannelTypes, runPause, runResume, runSetup } from './setup.js';
import { runStatus } from './status.js';

type Handler = (interaction: ChatInputCommandInteraction, context: QuizContext) => Promise<void>;

const handlers: Readonly<Record<string, Handler>> = {
  setup: runSetup,
  pause: runPause,
  resume: runResume,
  status: runStatus,
  join: runJoin,
  leave: runLeave,
  leaderboard: runLeaderboard,
  stats: runStats,
  practice: runPractice,
  export: runExport,
  'remove-scores': runRemoveScores,
};

const data = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('The daily quiz: one question a day from the story packs, with scores and streaks')
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('setup')
      .setDescription('Admins: post a daily question in a channel at a local time (Manage Server)')
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setDescription('Where the question is posted')
          .setRequired(true)
          .addChannelTypes(...quizChannelTypes),
      )
      .addStringOption((option) =>
        option
          .setName('time')
          .setDescription('Local time of day to post, HH:MM in 24-hour format, e.g. 09:00')
          .setRequired(true)
          .setMinLength(4)
          .setMaxLength(5),
      )
      .addStringOption((option) =>
        option
          .setName('timezone')
          .setDescription('Time zone name, e.g. Europe/London or America/New_York (start typing)')
          .setRequired(true)
          .setMaxLength(100)
          .setAutocomplete(true),
      )
      .addIntegerOption((option) =>
        option
          .setName('duration')
          .setDescription('Hours answers stay open (default 12)')
          .setMinValue(1)
          .setMaxValue(maximumDurationMinutes / 60),
      )
      .addRoleOption((option) =>
        option
          .setName('ping-role')
          .setDescription('Role pinged with each question; members join it with /quiz join'),
      ),
  )
  .addSubcommand((sub) => sub.setName('pause').setDescription('Admins: stop posting questions until resumed'))
  .addSubcommand((sub) => sub.setName('resume').setDescription('Admins: start posting questions again'))
  .addSubcommand((sub) =>
    sub.setName('status').setDescription('Next question time, channel, questions left and the latest round'),
  )
  .addSubcommand((sub) => sub.setName('join').setDescription('Get pinged for each daily question'))
  .addSubcommand((sub) => sub.setName('leave').setDescription('Stop getting pinged for the daily question'))
  .addSubcommand((sub) =>
    sub
      .setName('leaderboard')
      .setDescription('Top 10 by points, and your own rank')
      .addStringOption((option) =>
        option
          .setName('period')
          .setDescription('Which scores to count (default: all time)')
          .addChoices(
            { name: 'This week', value: 'week' },
            { name: 'This month', value: 'month' },
            { name: 'All time', value: 'all' },
          ),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('stats')
      .setDescription('Points, accuracy, streaks and rank')
      .addUserOption((option) => option.setName('member').setDescription('Whose stats (default: yours)')),
  )
  .addSubcommand((sub) =>
    sub
      .setName('practice')
      .setDescription('A private practice question with instant feedback; never scored')
      .addStringOption((option) => storyOption(option, false)),
  )
  .addSubcommand((sub) =>
    sub.setName('export').setDescription('Admins: download the server’s quiz scores as CSV'),
  )
  .addSubcommand((sub) =>
    sub
      .setName('remove-scores')
      .setDescription('Admins: delete a member’s quiz scores, e.g. after they left')
      .addUserOption((option) =>
        option.setName('member').setDescription('Whose scores to remove').setRequired(true),
      ),
  )
  .toJSON();

export default {
  kind: 'chat-input',
  data,
  audience: 'everyone',
  help: 'Daily quiz: answer the question of the day, see the leaderboard and your stats, or practise privately.',
  async execute(interaction, context) {
    const handler = handlers[interaction.options.getSubcommand()];
    if (!handler) throw new UserError('This quiz subcommand is not available any more.');
    await handler(interaction, context);
  },
  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'timezone') await autocompleteTimeZone(interaction);
    else await respondWithStories(interaction, context);
  },
  components: [answerButton, bellButton, practiceAnswerButton, practiceNextButton],
} satisfies ChatInputCommand<QuizContext>;
