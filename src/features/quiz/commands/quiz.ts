import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { defineCommandWithSubcommands } from '../../../platform/router/subcommands.js';
import type { QuizContext } from '../discord/context.js';
import { answerButton } from './answer.js';
import { exportSubcommand } from './export.js';
import { joinSubcommand } from './join.js';
import { leaderboardSubcommand } from './leaderboard.js';
import { leaveSubcommand } from './leave.js';
import { bellButton, stopPingsButton } from './membership.js';
import { pauseSubcommand } from './pause.js';
import { practiceSubcommand } from './practice.js';
import { removeScoresSubcommand } from './remove-scores.js';
import { resumeSubcommand } from './resume.js';
import { settingsSubcommand } from './settings.js';
import { setupSubcommand } from './setup.js';
import { statsSubcommand } from './stats.js';
import { statusSubcommand } from './status.js';

const quiz = defineCommandWithSubcommands<QuizContext>({
  data: new SlashCommandBuilder()
    .setName('quiz')
    .setDescription('The daily quiz: one question a day from the story packs, with scores and streaks')
    .setContexts(InteractionContextType.Guild),
  audience: 'everyone',
  help: 'Daily quiz: answer the question of the day, see the leaderboard and your stats, or practise privately.',
  subcommands: [
    setupSubcommand,
    settingsSubcommand,
    pauseSubcommand,
    resumeSubcommand,
    statusSubcommand,
    joinSubcommand,
    leaveSubcommand,
    leaderboardSubcommand,
    statsSubcommand,
    practiceSubcommand,
    exportSubcommand,
    removeScoresSubcommand,
  ],
});

/** `/quiz`, with the buttons of the daily question itself (the answers and the 🔔 bell) and the bell's reply. */
export default {
  ...quiz,
  components: [answerButton, bellButton, stopPingsButton, ...(quiz.components ?? [])],
} satisfies ChatInputCommand<QuizContext, unknown>;
