import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { cleanText, toSafeDisplay, truncateAtWord } from '../../../platform/text.js';
import type { Correction } from '../../story-packs/core/index.js';
import { choiceLetter } from '../core/questions.js';
import type { QuizRound } from '../core/round.js';
import { scoringRule } from '../core/scoring.js';
import {
  choiceButtons,
  choiceLines,
  formatDay,
  type QuizButtonRow,
  type QuizEmbedField,
  type QuizMessage,
  quizColour,
  rightAnswer,
  sourceLink,
  truncate,
} from './parts.js';
import { answerCustomId, bellCustomId, roundMarker } from './quiz-ids.js';

export interface QuestionMessageState {
  answerCount: number;
  closed: boolean;
  storyTitle: string | null;
}

/** The daily question: the question and choices, live answer count, answer buttons and the bell. */
export function questionMessage(round: QuizRound, state: QuestionMessageState): QuizMessage {
  const lines: string[] = [];
  if (round.pingRoleId) lines.push(`<@&${round.pingRoleId}>, today's question is up.`);
  if (round.late)
    lines.push(
      `*Posted late: this question was due at ${discordTimestamp(round.scheduledAt, 't')}, but Roundtable could not post it then. Answers still close ${discordTimestamp(round.closesAt, 'R')}.*`,
    );
  const fields: QuizEmbedField[] = [
    { name: 'Answers', value: String(state.answerCount), inline: true },
    {
      name: state.closed ? 'Closed' : 'Closes',
      value: `${discordTimestamp(round.closesAt, 'f')} (${discordTimestamp(round.closesAt, 'R')})`,
      inline: true,
    },
  ];
  const rows: QuizButtonRow[] = [
    choiceButtons(round.question, (index) => answerCustomId(round.id, index), state.closed),
  ];
  if (round.pingRoleId)
    rows.push([
      { customId: bellCustomId(), label: 'Ping me for the daily quiz', style: 'primary', emoji: '🔔' },
    ]);
  return {
    content: lines.join('\n'),
    embeds: [
      {
        title: `Daily quiz · ${formatDay(round.localDate)}`,
        description: `**${round.question.question}**\n\n${choiceLines(round.question)}`,
        color: quizColour,
        fields,
        footer: {
          text: `${state.storyTitle ? `${truncate(state.storyTitle, 120)} · ` : ''}${round.question.difficulty} · ${roundMarker(round.id)}`,
        },
      },
    ],
    rows,
    pingRoleIds: round.pingRoleId ? [round.pingRoleId] : [],
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
  /** A correction of the question made on or after the day it was asked (see `correctionSinceAsked`). */
  correction?: Correction | undefined;
}

/** The most of a correction's `right` that a results message quotes. */
const correctionNoteLength = 300;

/** `✏️ This question was corrected on 7 December 2026: <right> (see /summary's Corrections)`. */
export function correctionNote(correction: Correction): string {
  const right = toSafeDisplay(truncateAtWord(cleanText(correction.right), correctionNoteLength));
  return `✏️ This question was corrected on ${formatDay(correction.date.iso)}: ${right} (see /summary's Corrections)`;
}

export function resultsMessage(round: QuizRound, input: ResultsMessageInput): QuizMessage {
  const question = round.question;
  const total = input.distribution.reduce((sum, count) => sum + count, 0);
  const bars = question.choices
    .map((_, index) => {
      const count = input.distribution[index] ?? 0;
      const share = total === 0 ? 0 : count / total;
      const mark = index === question.answerIndex ? ' ✅' : '';
      return `\`${choiceLetter(index)}\` \`${bar(share)}\` ${Math.round(share * 100)}% (${count})${mark}`;
    })
    .join('\n');
  const fields: QuizEmbedField[] = [
    { name: 'Answers', value: bars },
    { name: 'Players', value: String(input.players), inline: true },
    { name: 'Source', value: sourceLink(question), inline: true },
  ];
  if (input.streaks.length > 0) {
    fields.push({
      name: 'Streaks',
      value: input.streaks.map((entry) => `<@${entry.userId}>: ${entry.streak} in a row`).join('\n'),
    });
  }
  if (input.correction)
    fields.push({ name: 'Correction', value: truncate(correctionNote(input.correction), 1024) });
  const link = input.questionUrl ? `[Question](${input.questionUrl}) · ` : '';
  return {
    content: '',
    embeds: [
      {
        title: `Quiz results · ${formatDay(round.localDate)}`,
        description: truncate(
          `${link}**${question.question}**\n\nAnswer: **${rightAnswer(question)}**\n\n${question.explanation}`,
          4000,
        ),
        color: quizColour,
        fields,
        footer: {
          text: `Correct answers score ${scoringRule.pointsPerCorrectAnswer} points plus a streak bonus · ${roundMarker(round.id)}`,
        },
      },
    ],
    rows: [],
    pingRoleIds: [],
  };
}
