import { AttachmentBuilder, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { choiceLetter } from '../core/questions.js';
import { accuracy, currentStreak, type LeaderboardPeriod, leaderboardPeriods } from '../core/scoring.js';
import type { QuizContext } from '../discord/context.js';
import { leaderboardEmbed, quizColour } from '../messages/quiz-messages.js';
import { requireCachedGuild, requireManageServer, serverToday } from './shared.js';

function periodOption(interaction: ChatInputCommandInteraction): LeaderboardPeriod {
  const value = interaction.options.getString('period') ?? 'all';
  const period = leaderboardPeriods.find((candidate) => candidate === value);
  if (!period) throw new UserError('Pick a period: week, month or all.');
  return period;
}

export async function runLeaderboard(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildId = requireCachedGuild(interaction).guildId;
  const period = periodOption(interaction);
  const today = serverToday(context, guildId);
  const scores = context.quiz.storage.scores;
  const rows = scores.leaderboard(guildId, period, today, 10);
  const caller = scores.standing(guildId, interaction.user.id, period, today);
  const players = scores.players(guildId, period, today);
  await interaction.reply({
    embeds: [leaderboardEmbed(period, rows, caller, interaction.user.id, players)],
    flags: MessageFlags.Ephemeral,
  });
}

export async function runStats(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildId = requireCachedGuild(interaction).guildId;
  const target = interaction.options.getUser('member') ?? interaction.user;
  const scores = context.quiz.storage.scores;
  const today = serverToday(context, guildId);
  const standing = scores.standing(guildId, target.id, 'all', today);
  const self = target.id === interaction.user.id;
  if (!standing) {
    await interaction.reply({
      content: self
        ? 'You have not answered a daily question in this server yet. Your stats start with your first answer.'
        : `<@${target.id}> has not answered a daily question in this server yet.`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const streak = scores.streak(guildId, target.id);
  const latest = context.quiz.storage.rounds.latestClosedDate(guildId);
  const players = scores.players(guildId, 'all', today);
  const fields = [
    { name: 'Points', value: String(standing.points), inline: true },
    { name: 'Rank', value: `${standing.rank} of ${players}`, inline: true },
    { name: 'Answered', value: String(standing.answered), inline: true },
    { name: 'Correct', value: String(standing.correct), inline: true },
    {
      name: 'Accuracy',
      value: `${Math.round(accuracy(standing.correct, standing.answered) * 100)}%`,
      inline: true,
    },
    { name: 'Current streak', value: String(streak ? currentStreak(streak, latest) : 0), inline: true },
    { name: 'Best streak', value: String(streak?.best ?? 0), inline: true },
  ];
  await interaction.reply({
    embeds: [
      {
        title: 'Quiz stats',
        description: `<@${target.id}>, all time in this server`,
        color: quizColour,
        fields,
      },
    ],
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>,
): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function runExport(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildId = requireCachedGuild(interaction).guildId;
  requireManageServer(interaction);
  const scores = context.quiz.storage.scores;
  const latest = context.quiz.storage.rounds.latestClosedDate(guildId);
  const totals = scores.exportTotals(guildId);
  const history = scores.exportHistory(guildId);
  if (totals.length === 0) throw new UserError('There are no quiz scores in this server yet.');
  const totalsCsv = csv(
    ['user_id', 'points', 'answered', 'correct', 'accuracy', 'current_streak', 'best_streak'],
    totals.map((row) => [
      row.userId,
      row.points,
      row.answered,
      row.correct,
      accuracy(row.correct, row.answered).toFixed(3),
      currentStreak(
        { current: row.currentStreak, lastCorrectDate: row.lastCorrectDate, best: row.bestStreak },
        latest,
      ),
      row.bestStreak,
    ]),
  );
  const historyCsv = csv(
    ['local_date', 'user_id', 'choice', 'correct', 'points', 'streak'],
    history.map((row) => [
      row.localDate,
      row.userId,
      choiceLetter(row.choice),
      row.correct,
      row.points,
      row.streak,
    ]),
  );
  await interaction.reply({
    content: `Quiz scores of ${totals.length} member${totals.length === 1 ? '' : 's'} over ${new Set(history.map((row) => row.localDate)).size} rounds. Members who left keep their scores until removed with \`/quiz remove-scores\`.`,
    files: [
      new AttachmentBuilder(Buffer.from(totalsCsv, 'utf8'), { name: 'quiz-scores.csv' }),
      new AttachmentBuilder(Buffer.from(historyCsv, 'utf8'), { name: 'quiz-answers-by-round.csv' }),
    ],
    flags: MessageFlags.Ephemeral,
  });
}

export async function runRemoveScores(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildId = requireCachedGuild(interaction).guildId;
  requireManageServer(interaction);
  const target = interaction.options.getUser('member', true);
  const removed = context.quiz.storage.scores.removeMember(guildId, target.id);
  context.logger.info(
    { guildId, userId: target.id, removed, by: interaction.user.id },
    'quiz scores removed',
  );
  await interaction.reply({
    content:
      removed > 0
        ? `Removed the quiz scores, streaks and past answers of <@${target.id}> in this server.`
        : `<@${target.id}> has no quiz scores in this server.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}
