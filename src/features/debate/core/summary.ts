import { computeStanceShift, type StanceRecord, type StanceShift } from './stances.js';
import type { Stance } from './types.js';

export type MessageStance = Stance | 'none';

export interface MessageTally {
  userId: string;
  /** The author's current stance when the messages were posted. */
  stance: MessageStance;
  count: number;
}

export interface CreditTally {
  messageId: string;
  authorId: string;
  credits: number;
}

export interface DebateSummaryInput {
  startedAt: number;
  closedAt: number;
  /** The stance of each member who took one. */
  stances: ReadonlyArray<StanceRecord & { userId: string }>;
  messages: readonly MessageTally[];
  credits: readonly CreditTally[];
  warnings: number;
  reports: number;
}

export interface DebateSummary {
  durationMs: number;
  /** Members who posted or took a stance. */
  participants: number;
  posters: number;
  totalMessages: number;
  messagesByStance: Record<MessageStance, number>;
  shift: StanceShift;
  /** The most credited messages, most credits first, at most three. */
  topCredits: CreditTally[];
  totalCredits: number;
  warnings: number;
  reports: number;
}

export const topCreditCount = 3;

export function summariseDebate(input: DebateSummaryInput): DebateSummary {
  const messagesByStance: Record<MessageStance, number> = { for: 0, against: 0, undecided: 0, none: 0 };
  const posters = new Set<string>();
  let totalMessages = 0;
  for (const tally of input.messages) {
    if (tally.count <= 0) continue;
    messagesByStance[tally.stance] += tally.count;
    totalMessages += tally.count;
    posters.add(tally.userId);
  }
  const participants = new Set([...posters, ...input.stances.map((stance) => stance.userId)]);
  const topCredits = [...input.credits]
    .filter((credit) => credit.credits > 0)
    .sort((left, right) => right.credits - left.credits || left.messageId.localeCompare(right.messageId))
    .slice(0, topCreditCount);
  return {
    durationMs: Math.max(0, input.closedAt - input.startedAt),
    participants: participants.size,
    posters: posters.size,
    totalMessages,
    messagesByStance,
    shift: computeStanceShift(input.stances),
    topCredits,
    totalCredits: input.credits.reduce((sum, credit) => sum + credit.credits, 0),
    warnings: input.warnings,
    reports: input.reports,
  };
}
