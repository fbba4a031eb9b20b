import type { RoundState } from './round.js';

/** What the answer rules need to know about a round: kept in memory per round on the answer path. */
export interface AnswerGate {
  guildId: string;
  state: RoundState;
  closesAt: number;
  choiceCount: number;
}

/** A member's click on an answer button, as the interaction says it: ids can be crafted. */
export interface AnswerClick {
  guildId: string | null;
  choice: number;
  at: number;
}

/** What storing an answer did: the first answer of a member stands. */
export type AnswerRecording =
  | { kind: 'recorded'; choice: number }
  | { kind: 'already-answered'; choice: number }
  | { kind: 'closed' };

/** What the member is told about a click. */
export type AnswerOutcome =
  | { kind: 'recorded'; choice: number; closesAt: number }
  | { kind: 'already-answered'; choice: number; closesAt: number }
  | { kind: 'closed'; closesAt: number; choice: number | null }
  | { kind: 'unknown-round' }
  | { kind: 'other-server' }
  | { kind: 'unknown-choice' };

/** Before anything is stored: whether the click may be recorded, and if not, why. */
export type AnswerCheck =
  | { kind: 'record'; closesAt: number }
  | { kind: 'closed'; closesAt: number }
  | { kind: 'unknown-round' }
  | { kind: 'other-server' }
  | { kind: 'unknown-choice' };

/**
 * The answer rules, in order: the round must be known and not failed; the click must come from the
 * round's server; the choice must be one of the round's; answers are taken until the round closes.
 */
export function checkAnswer(gate: AnswerGate | undefined, click: AnswerClick): AnswerCheck {
  if (!gate || gate.state === 'failed') return { kind: 'unknown-round' };
  if (gate.guildId !== click.guildId) return { kind: 'other-server' };
  if (!Number.isInteger(click.choice) || click.choice < 0 || click.choice >= gate.choiceCount)
    return { kind: 'unknown-choice' };
  if (gate.state === 'closed' || click.at >= gate.closesAt)
    return { kind: 'closed', closesAt: gate.closesAt };
  return { kind: 'record', closesAt: gate.closesAt };
}

/**
 * After the answer was stored (or not): a member who answered before is told their first choice, and
 * a round that closed meanwhile refuses the answer.
 */
export function answerOutcome(closesAt: number, recording: AnswerRecording): AnswerOutcome {
  if (recording.kind === 'closed') return { kind: 'closed', closesAt, choice: null };
  return { kind: recording.kind, choice: recording.choice, closesAt };
}
