import type { LocalDate } from './time.js';

/** A quiz question as the quiz uses it, taken from a story pack's `quiz.yaml`. */
export interface BankQuestion {
  id: string;
  storyId: string;
  question: string;
  choices: readonly string[];
  /** Index of the right choice (0 = A). */
  answerIndex: number;
  explanation: string;
  source: { name: string; url: string };
  difficulty: string;
  /** The last local date on which the question may be asked, or null when it does not expire. */
  validUntil: LocalDate | null;
}

export const choiceLetters = ['A', 'B', 'C', 'D', 'E'] as const;

export function choiceLetter(index: number): string {
  return choiceLetters[index] ?? String(index + 1);
}

/** 32-bit FNV-1a: a stable, well-spread order that differs from server to server. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** False once `localDate` is past the question's last day (`valid_until` in its pack). */
export function isAskable(question: BankQuestion, localDate: LocalDate): boolean {
  return question.validUntil === null || localDate <= question.validUntil;
}

export interface QuestionChoiceInput {
  bank: readonly BankQuestion[];
  /** Question id -> the last local date it was asked in this server. */
  history: ReadonlyMap<string, LocalDate>;
  guildId: string;
  localDate: LocalDate;
}

export type QuestionChoice =
  | { kind: 'new'; question: BankQuestion }
  | { kind: 'repeat'; question: BankQuestion; lastAsked: LocalDate }
  | { kind: 'empty' };

function byHash(guildId: string) {
  return (a: BankQuestion, b: BankQuestion) =>
    stableHash(`${guildId}:${a.id}`) - stableHash(`${guildId}:${b.id}`) || (a.id < b.id ? -1 : 1);
}

/**
 * Picks the question for a server's round, deterministically:
 * - questions past `valid_until` are never asked;
 * - questions not yet asked in the server come first, from the story asked least recently
 *   (a story never asked before first), so stories take turns; within a story, in an order fixed
 *   per server;
 * - once every question has been asked, the least recently asked comes back first.
 */
export function chooseQuestion(input: QuestionChoiceInput): QuestionChoice {
  const askable = input.bank.filter((question) => isAskable(question, input.localDate));
  if (askable.length === 0) return { kind: 'empty' };
  const order = byHash(input.guildId);
  const fresh = askable.filter((question) => !input.history.has(question.id));
  if (fresh.length > 0) {
    const storyLastAsked = new Map<string, LocalDate>();
    for (const question of input.bank) {
      const asked = input.history.get(question.id);
      if (asked === undefined) continue;
      const previous = storyLastAsked.get(question.storyId);
      if (previous === undefined || asked > previous) storyLastAsked.set(question.storyId, asked);
    }
    const stories = [...new Set(fresh.map((question) => question.storyId))].sort((a, b) => {
      const askedA = storyLastAsked.get(a) ?? '';
      const askedB = storyLastAsked.get(b) ?? '';
      if (askedA !== askedB) return askedA < askedB ? -1 : 1;
      return stableHash(`${input.guildId}:${a}`) - stableHash(`${input.guildId}:${b}`) || (a < b ? -1 : 1);
    });
    const story = stories[0];
    const question = fresh.filter((candidate) => candidate.storyId === story).sort(order)[0];
    if (question) return { kind: 'new', question };
  }
  const oldest = [...askable].sort((a, b) => {
    const askedA = input.history.get(a.id) ?? '';
    const askedB = input.history.get(b.id) ?? '';
    if (askedA !== askedB) return askedA < askedB ? -1 : 1;
    return order(a, b);
  })[0];
  if (!oldest) return { kind: 'empty' };
  return { kind: 'repeat', question: oldest, lastAsked: input.history.get(oldest.id) ?? '' };
}

/** How many askable questions the server has not been asked yet. */
export function questionsLeft(
  bank: readonly BankQuestion[],
  history: ReadonlyMap<string, LocalDate>,
  localDate: LocalDate,
): { unasked: number; askable: number } {
  const askable = bank.filter((question) => isAskable(question, localDate));
  return { unasked: askable.filter((question) => !history.has(question.id)).length, askable: askable.length };
}
