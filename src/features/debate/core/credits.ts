import { cleanText, neutraliseMentions } from '../../../platform/text.js';
import type { DebateStatus } from './types.js';

export const creditExplanationMinimum = 20;
export const creditExplanationMaximum = 500;

export type CreditRefusal =
  | 'not-debate-thread'
  | 'debate-closed'
  | 'own-message'
  | 'bot-message'
  | 'already-credited';

export type CreditCheck = { kind: 'allowed' } | { kind: 'refused'; reason: CreditRefusal };

export interface CreditAttempt {
  creditorId: string;
  authorId: string;
  authorIsBot: boolean;
  /** The debate of the thread the message is in, if any. */
  debate: { status: DebateStatus } | undefined;
  alreadyCredited: boolean;
}

/** "Changed my view": only in debate threads, while open, never your own or a bot's message, once per message. */
export function checkCredit(attempt: CreditAttempt): CreditCheck {
  if (!attempt.debate) return { kind: 'refused', reason: 'not-debate-thread' };
  if (attempt.authorIsBot) return { kind: 'refused', reason: 'bot-message' };
  if (attempt.authorId === attempt.creditorId) return { kind: 'refused', reason: 'own-message' };
  if (attempt.debate.status !== 'open') return { kind: 'refused', reason: 'debate-closed' };
  if (attempt.alreadyCredited) return { kind: 'refused', reason: 'already-credited' };
  return { kind: 'allowed' };
}

export type ExplanationCheck =
  | { kind: 'ok'; explanation: string }
  | { kind: 'too-short'; length: number; minimum: number }
  | { kind: 'too-long'; length: number; maximum: number };

/** The explanation is required: at least 20 characters once cleaned, at most 500. */
export function checkCreditExplanation(raw: string | null | undefined): ExplanationCheck {
  const explanation = neutraliseMentions(cleanText(raw ?? ''));
  if (explanation.length < creditExplanationMinimum)
    return { kind: 'too-short', length: explanation.length, minimum: creditExplanationMinimum };
  if (explanation.length > creditExplanationMaximum)
    return { kind: 'too-long', length: explanation.length, maximum: creditExplanationMaximum };
  return { kind: 'ok', explanation };
}
