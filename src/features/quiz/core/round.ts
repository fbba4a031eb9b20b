import { z } from 'zod';
import type { BankQuestion } from './questions.js';
import type { LocalDate } from './time.js';

/** The question as it was when the round was created, so later pack edits cannot change a round. */
export const roundQuestionSchema = z.object({
  id: z.string(),
  storyId: z.string(),
  question: z.string(),
  choices: z.array(z.string()).min(2).max(5),
  answerIndex: z.number().int().min(0).max(4),
  explanation: z.string(),
  source: z.object({ name: z.string(), url: z.string() }),
  difficulty: z.string(),
});

export type RoundQuestion = z.infer<typeof roundQuestionSchema>;

/** Reads a stored snapshot; undefined when it is not JSON or fails its schema. */
export function parseRoundQuestion(text: string): RoundQuestion | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = roundQuestionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function snapshotQuestion(question: BankQuestion): RoundQuestion {
  return {
    id: question.id,
    storyId: question.storyId,
    question: question.question,
    choices: [...question.choices],
    answerIndex: question.answerIndex,
    explanation: question.explanation,
    source: { name: question.source.name, url: question.source.url },
    difficulty: question.difficulty,
  };
}

/**
 * `posting`: recorded, message not confirmed yet; `open`: message posted, answers accepted until
 * `closesAt`; `closed`: scored; `failed`: never posted, with the reason in `failure`.
 */
export type RoundState = 'posting' | 'open' | 'closed' | 'failed';

export type ResultsState = 'pending' | 'published' | 'failed';

export interface QuizRound {
  id: number;
  guildId: string;
  localDate: LocalDate;
  channelId: string;
  question: RoundQuestion;
  state: RoundState;
  scheduledAt: number;
  closesAt: number;
  late: boolean;
  pingRoleId: string | null;
  messageId: string | null;
  postedAt: number | null;
  attempts: number;
  retryAt: number | null;
  lastError: string | null;
  failure: string | null;
  closedAt: number | null;
  players: number | null;
  resultsState: ResultsState | null;
  resultsMessageId: string | null;
  createdAt: number;
}

/** Deterministic message nonce for a round's question (Discord allows 25 characters). */
export function questionNonce(round: Pick<QuizRound, 'id' | 'localDate'>): string {
  return `rtq${round.id}-${round.localDate.replaceAll('-', '')}`;
}

export function resultsNonce(round: Pick<QuizRound, 'id' | 'localDate'>): string {
  return `rtr${round.id}-${round.localDate.replaceAll('-', '')}`;
}

/** Delay before the next attempt to post after `attempts` failed ones: 1, 2, 4, 8, then 15 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 15) * 60_000;
}
