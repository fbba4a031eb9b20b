import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
  TimestampStyles,
  time,
} from 'discord.js';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { choiceLetter } from '../core/questions.js';
import type { QuizRound, RoundQuestion } from '../core/round.js';
import { accuracy, type LeaderboardPeriod, scoringRule } from '../core/scoring.js';
import type { StandingRow } from '../storage/index.js';

export const quizColour = 0xdb2777;
export const quizFeature = 'quiz';

export const quizActions = {
  answer: 'answer',
  bell: 'bell',
  practice: 'practice',
  practiceNext: 'practice-next',
} as const;

/** `round <id>` in the footer identifies the round's messages when looking for them after a crash. */
export function roundMarker(roundId: number): string {
  return `round ${roundId}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function formatDay(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

export function choiceLines(question: RoundQuestion): string {
  return question.choices.map((choice, index) => `**${choiceLetter(index)}.** ${choice}`).join('\n');
}

function choiceButtons(
  question: RoundQuestion,
  customId: (index: number) => string,
  disabled: boolean,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: question.choices.map((choice, index) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: customId(index),
      label: truncate(`${choiceLetter(index)}: ${choice}`, 80),
      disabled,
    })),
  };
}

export function answerCustomId(roundId: number, choice: number): string {
  return buildCustomId(quizFeature, quizActions.answer, roundId, choice);
}

export function bellCustomId(): string {
  return buildCustomId(quizFeature, quizActions.bell);
}

export interface QuestionMessageState {
  answerCount: number;
  closed: boolean;
  storyTitle: string | null;
}

export interface QuizMessagePayload {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

/** The daily question: the question and choices, live answer count, answer buttons and the bell. */
export function questionMessage(round: QuizRound, state: QuestionMessageState): QuizMessagePayload {
  const lines: string[] = [];
  if (round.pingRoleId) lines.push(`<@&${round.pingRoleId}> today's question is up.`);
  if (round.late)
    lines.push(
      `*Posted late: this question was due ${time(new Date(round.scheduledAt), TimestampStyles.ShortTime)}, while Roundtable could not post it. Answers still close ${time(new Date(round.closesAt), TimestampStyles.RelativeTime)}.*`,
    );
  const fields: APIEmbedField[] = [
    { name: 'Answers', value: String(state.answerCount), inline: true },
    {
      name: state.closed ? 'Closed' : 'Closes',
      value: `${time(new Date(round.closesAt), TimestampStyles.ShortDateTime)} (${time(new Date(round.closesAt), TimestampStyles.RelativeTime)})`,
      inline: true,
    },
  ];
  const embed: APIEmbed = {
    title: `Daily quiz · ${formatDay(round.localDate)}`,
    description: `**${round.question.question}**\n\n${choiceLines(round.question)}`,
    color: quizColour,
    fields,
    footer: {
      text: `${state.storyTitle ? `${truncate(state.storyTitle, 120)} · ` : ''}${round.question.difficulty} · ${roundMarker(round.id)}`,
    },
  };
  const components = [
    choiceButtons(round.question, (index) => answerCustomId(round.id, index), state.closed),
  ];
  if (round.pingRoleId) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          custom_id: bellCustomId(),
          label: 'Ping me for the daily quiz',
          emoji: { name: '🔔' },
        },
      ],
    });
  }
  return {
    content: lines.join('\n'),
    embeds: [embed],
    components,
    allowedMentions: round.pingRoleId ? { parse: [], roles: [round.pingRoleId] } : { parse: [] },
  };
}

/** A bar of `width` cells for `share` in [0, 1]. */
export function bar(share: number, width = 12): string {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export interface ResultsMessageInput {
  distribution: readonly number[];
  players: number;
  streaks: ReadonlyArray<{ userId: string; streak: number }>;
  questionUrl: string | null;
}

export function resultsMessage(round: QuizRound, input: ResultsMessageInput): QuizMessagePayload {
  const question = round.question;
  const right = `${choiceLetter(question.answerIndex)}. ${question.choices[question.answerIndex] ?? ''}`;
  const total = input.distribution.reduce((sum, count) => sum + count, 0);
  const bars = question.choices
    .map((_, index) => {
      const count = input.distribution[index] ?? 0;
      const share = total === 0 ? 0 : count / total;
      const mark = index === question.answerIndex ? ' ✅' : '';
      return `\`${choiceLetter(index)}\` \`${bar(share)}\` ${Math.round(share * 100)}% (${count})${mark}`;
    })
    .join('\n');
  const fields: APIEmbedField[] = [
    { name: 'Answers', value: bars },
    { name: 'Players', value: String(input.players), inline: true },
    {
      name: 'Source',
      value: truncate(`[${question.source.name}](${question.source.url})`, 1024),
      inline: true,
    },
  ];
  if (input.streaks.length > 0) {
    fields.push({
      name: 'Streaks',
      value: input.streaks.map((entry) => `<@${entry.userId}>: ${entry.streak} in a row`).join('\n'),
    });
  }
  const link = input.questionUrl ? `[Question](${input.questionUrl}) · ` : '';
  return {
    content: '',
    embeds: [
      {
        title: `Quiz results · ${formatDay(round.localDate)}`,
        description: truncate(
          `${link}**${question.question}**\n\nAnswer: **${right}**\n\n${question.explanation}`,
          4000,
        ),
        color: quizColour,
        fields,
        footer: {
          text: `Correct answers score ${scoringRule.pointsPerCorrectAnswer} points plus a streak bonus · ${roundMarker(round.id)}`,
        },
      },
    ],
    components: [],
    allowedMentions: { parse: [] },
  };
}

const periodTitles: Record<LeaderboardPeriod, string> = {
  week: 'this week',
  month: 'this month',
  all: 'all time',
};

export function leaderboardEmbed(
  period: LeaderboardPeriod,
  rows: readonly StandingRow[],
  caller: StandingRow | undefined,
  callerId: string,
  players: number,
): APIEmbed {
  const lines = rows.map((row) => {
    const share = Math.round(accuracy(row.correct, row.answered) * 100);
    const you = row.userId === callerId ? ' ← you' : '';
    return `**${row.rank}.** <@${row.userId}>: ${row.points} points · ${share}% of ${row.answered}${you}`;
  });
  const inTop = rows.some((row) => row.userId === callerId);
  const own = caller
    ? inTop
      ? null
      : `You: rank **${caller.rank}** of ${players} with ${caller.points} points (${Math.round(accuracy(caller.correct, caller.answered) * 100)}% of ${caller.answered}).`
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

export function practiceCustomId(questionId: string, choice: number): string {
  return buildCustomId(quizFeature, quizActions.practice, questionId, choice);
}

export function practiceNextCustomId(storyId: string): string {
  return buildCustomId(quizFeature, quizActions.practiceNext, storyId);
}

export function practiceQuestionMessage(question: RoundQuestion, storyTitle: string | null) {
  return {
    embeds: [
      {
        title: 'Practice question',
        description: `**${question.question}**\n\n${choiceLines(question)}`,
        color: quizColour,
        footer: {
          text: `${storyTitle ? `${truncate(storyTitle, 120)} · ` : ''}${question.difficulty} · practice never counts toward scores`,
        },
      } satisfies APIEmbed,
    ],
    components: [choiceButtons(question, (index) => practiceCustomId(question.id, index), false)],
  };
}

export function practiceFeedbackMessage(question: RoundQuestion, choice: number, storyId: string) {
  const correct = choice === question.answerIndex;
  const right = `${choiceLetter(question.answerIndex)}. ${question.choices[question.answerIndex] ?? ''}`;
  return {
    embeds: [
      {
        title: correct ? 'Correct!' : 'Not quite',
        description: truncate(
          `**${question.question}**\n\nYou chose **${choiceLetter(choice)}**. The answer is **${right}**.\n\n${question.explanation}`,
          4000,
        ),
        color: quizColour,
        fields: [
          { name: 'Source', value: truncate(`[${question.source.name}](${question.source.url})`, 1024) },
        ],
        footer: { text: 'Practice never counts toward scores or streaks' },
      } satisfies APIEmbed,
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            custom_id: practiceNextCustomId(storyId),
            label: 'Another question',
          },
        ],
      } satisfies APIActionRowComponent<APIButtonComponent>,
    ],
  };
}
