import type { CreditRefusal } from './credits.js';
import type { EscalationDecision, TimeoutPlan } from './escalation.js';
import type { ReportRefusal } from './reports.js';
import type { StanceClick } from './stances.js';

/**
 * What the debate use cases return: codes and plain values, never text. The messages module turns
 * them into what members and moderators read.
 */

/** Discord refused work on a debate's thread (403 or 404); the debate is marked with the reason. */
export interface ThreadRefusal {
  kind: 'refused';
  reason: 'thread-gone' | 'thread-forbidden';
  threadId: string;
}

/** The debate asked for is not stored (never expected: debates are not deleted). */
export interface DebateNotFound {
  kind: 'refused';
  reason: 'not-found';
}

export type StartNote = { kind: 'pin-failed' } | { kind: 'thread-refused'; refusal: ThreadRefusal };

export type StartOutcome =
  | { kind: 'started'; debateId: number; threadId: string; closesAt: number; notes: StartNote[] }
  | { kind: 'refused'; reason: 'thread-create-refused' | 'not-text-channel'; channelId: string };

/** The outcome of changing a running debate's thread: reopen, extend, slowmode, lock. */
export type ThreadActionOutcome =
  | { kind: 'done'; closesAt: number; notes: ThreadRefusal[] }
  | ThreadRefusal
  | DebateNotFound
  | { kind: 'refused'; reason: 'already-open' | 'closed' };

export type CloseOutcome = { kind: 'closed'; fault: string | null } | DebateNotFound;

export type TimeoutOutcome =
  | { kind: 'applied'; until: number; minutes: number }
  | { kind: 'refused' }
  | { kind: 'skipped'; reason: Extract<TimeoutPlan, { kind: 'skip' }>['reason'] };

export type RemovalOutcome = 'removed' | 'not-in-thread' | 'refused';

export interface Warned {
  kind: 'warned';
  count: number;
  decision: EscalationDecision;
  /** The timeout a member gets at the limit, as things stand. */
  timeoutAtLimit: TimeoutPlan;
  /** How the member learned of the warning. */
  notified: 'direct-message' | 'thread-notice' | 'not-reached';
  removal?: RemovalOutcome;
  timeout?: TimeoutOutcome;
}

export type WarnOutcome = Warned | DebateNotFound;

export type StanceOutcome =
  | { kind: 'recorded'; click: StanceClick }
  | { kind: 'refused'; reason: 'not-found' | 'closed' };

export type CreditOutcome =
  | { kind: 'credited'; shownInThread: boolean }
  | { kind: 'refused'; reason: CreditRefusal | 'message-gone' };

export type ReportOutcome =
  | { kind: 'reported' }
  | { kind: 'refused'; reason: ReportRefusal | 'channel-gone' | 'message-gone' };

export type ModLogOutcome = { kind: 'posted' } | { kind: 'no-mod-log' } | { kind: 'failed' };
