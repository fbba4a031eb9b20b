const minute = 60_000;
/** Discord refuses timeouts longer than 28 days. */
export const maximumTimeoutMinutes = 28 * 24 * 60;

export interface EscalationInput {
  /** Warnings of this member in this debate, including the one just given. */
  warningCount: number;
  limit: number;
  timeoutMinutes: number;
  /** Whether the bot has Moderate Members in the server. */
  botCanTimeOut: boolean;
}

export type TimeoutPlan =
  | { kind: 'apply'; minutes: number }
  | { kind: 'skip'; reason: 'no-permission' | 'disabled' };

export type EscalationDecision =
  | { kind: 'warning'; count: number; limit: number; remaining: number }
  | { kind: 'escalate'; count: number; limit: number; removeFromThread: true; timeout: TimeoutPlan };

/**
 * Below the limit a warning is only recorded. At the limit, and at every warning after it, the
 * member is removed from the thread and, where the bot may and the server wants it, timed out.
 */
export function decideEscalation(input: EscalationInput): EscalationDecision {
  const { warningCount: count, limit } = input;
  if (count < limit) return { kind: 'warning', count, limit, remaining: limit - count };
  return { kind: 'escalate', count, limit, removeFromThread: true, timeout: planTimeout(input) };
}

/** The timeout at the limit: none when the server sets none or the bot may not time members out. */
export function planTimeout(input: Pick<EscalationInput, 'timeoutMinutes' | 'botCanTimeOut'>): TimeoutPlan {
  if (input.timeoutMinutes <= 0) return { kind: 'skip', reason: 'disabled' };
  if (!input.botCanTimeOut) return { kind: 'skip', reason: 'no-permission' };
  return { kind: 'apply', minutes: Math.min(input.timeoutMinutes, maximumTimeoutMinutes) };
}

export function timeoutEndsAt(now: number, minutes: number): number {
  return now + Math.min(minutes, maximumTimeoutMinutes) * minute;
}

export type WarnTargetCheck = { kind: 'allowed' } | { kind: 'refused'; reason: 'self' | 'this-bot' | 'bot' };

/** Moderators cannot warn themselves, the bot, or any other bot account. */
export function checkWarnTarget(input: {
  moderatorId: string;
  targetId: string;
  targetIsBot: boolean;
  botId: string;
}): WarnTargetCheck {
  if (input.targetId === input.moderatorId) return { kind: 'refused', reason: 'self' };
  if (input.targetId === input.botId) return { kind: 'refused', reason: 'this-bot' };
  if (input.targetIsBot) return { kind: 'refused', reason: 'bot' };
  return { kind: 'allowed' };
}
