import { choiceLetter } from '../core/questions.js';
import type { RoundQuestion } from '../core/round.js';

/** Plain message parts: the discord/ adapter turns them into Discord payloads. */
export interface QuizEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface QuizEmbed {
  title: string;
  description: string;
  color: number;
  fields?: QuizEmbedField[];
  footer?: { text: string };
}

export interface QuizButton {
  customId: string;
  label: string;
  style: 'primary' | 'secondary';
  disabled?: boolean;
  emoji?: string;
}

/** One row of buttons under a message. */
export type QuizButtonRow = QuizButton[];

/** A message with embeds and buttons, as private replies and updates carry it. */
export interface QuizCard {
  embeds: QuizEmbed[];
  rows: QuizButtonRow[];
}

/** A message the bot posts in the quiz channel: text, embeds, buttons and the roles it may ping. */
export interface QuizMessage extends QuizCard {
  content: string;
  /** Roles the message may ping; nothing else ever pings. */
  pingRoleIds: string[];
}

export const quizColour = 0xdb2777;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A quiz day as every quiz message writes it: `7 December 2026`. */
export function formatDay(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** A duration in whole hours when it is one (`12 hours`, `1 hour`), else in minutes. */
export function formatDuration(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = minutes / 60;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

export function choiceLines(question: RoundQuestion): string {
  return question.choices.map((choice, index) => `**${choiceLetter(index)}.** ${choice}`).join('\n');
}

export function choiceButtons(
  question: RoundQuestion,
  customId: (index: number) => string,
  disabled: boolean,
): QuizButtonRow {
  return question.choices.map((choice, index) => ({
    customId: customId(index),
    label: truncate(`${choiceLetter(index)}: ${choice}`, 80),
    style: 'secondary',
    disabled,
  }));
}

/** The right answer as members read it: `B. Two`. */
export function rightAnswer(question: RoundQuestion): string {
  return `${choiceLetter(question.answerIndex)}. ${question.choices[question.answerIndex] ?? ''}`;
}

/** The source link, shortened to fit an embed field. */
export function sourceLink(question: RoundQuestion): string {
  return truncate(`[${question.source.name}](${question.source.url})`, 1024);
}
