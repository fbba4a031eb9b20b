import { accuracy, type LeaderboardPeriod, scoringRule } from '../core/scoring.js';
import type { StandingRow } from '../storage/index.js';
import { type QuizEmbed, quizColour } from './parts.js';

const periodTitles: Record<LeaderboardPeriod, string> = {
  week: 'this week',
  month: 'this month',
  all: 'all time',
};

function percent(correct: number, answered: number): number {
  return Math.round(accuracy(correct, answered) * 100);
}

export function leaderboardEmbed(
  period: LeaderboardPeriod,
  rows: readonly StandingRow[],
  caller: StandingRow | undefined,
  callerId: string,
  players: number,
): QuizEmbed {
  const lines = rows.map((row) => {
    const you = row.userId === callerId ? ' ← you' : '';
    return `**${row.rank}.** <@${row.userId}>: ${row.points} points · ${percent(row.correct, row.answered)}% of ${row.answered}${you}`;
  });
  const inTop = rows.some((row) => row.userId === callerId);
  const own = caller
    ? inTop
      ? null
      : `You: rank **${caller.rank}** of ${players} with ${caller.points} points (${percent(caller.correct, caller.answered)}% of ${caller.answered}).`
    : 'You have no score for this period yet: answer the daily question to get on the board.';
  return {
    title: `Quiz leaderboard · ${periodTitles[period]}`,
    description: [lines.length > 0 ? lines.join('\n') : 'Nobody has scored in this period yet.', own]
      .filter((line) => line !== null)
      .join('\n\n'),
    color: quizColour,
    footer: {
      text: `${scoringRule.pointsPerCorrectAnswer} points a correct answer, +${scoringRule.streakBonusPerRound} per round of streak (bonus capped at ${scoringRule.streakBonusCap})`,
    },
  };
}

export interface MemberStats {
  standing: StandingRow;
  players: number;
  currentStreak: number;
  bestStreak: number;
}

export function statsEmbed(userId: string, stats: MemberStats): QuizEmbed {
  const { standing } = stats;
  return {
    title: 'Quiz stats',
    description: `<@${userId}>, all time in this server`,
    color: quizColour,
    fields: [
      { name: 'Points', value: String(standing.points), inline: true },
      { name: 'Rank', value: `${standing.rank} of ${stats.players}`, inline: true },
      { name: 'Answered', value: String(standing.answered), inline: true },
      { name: 'Correct', value: String(standing.correct), inline: true },
      { name: 'Accuracy', value: `${percent(standing.correct, standing.answered)}%`, inline: true },
      { name: 'Current streak', value: String(stats.currentStreak), inline: true },
      { name: 'Best streak', value: String(stats.bestStreak), inline: true },
    ],
  };
}

export function noStatsText(self: boolean, userId: string): string {
  return self
    ? 'You have not answered a daily question in this server yet. Your stats start with your first answer.'
    : `<@${userId}> has not answered a daily question in this server yet.`;
}

export function scoresRemovedText(removed: number, userId: string): string {
  return removed > 0
    ? `Removed the quiz scores, streaks and past answers of <@${userId}> in this server.`
    : `<@${userId}> has no quiz scores in this server.`;
}
