import type { InteractionRecord } from '../interactions/hub.js';
import { awaitOutcome, type InteractionOutcome } from '../interactions/outcomes.js';
import type { LoopbackMessage, LoopbackModal, MemberRef } from '../types.js';
import type { HarnessState } from './state.js';

/** Who performs a harness action. */
export interface ActorContext {
  as: MemberRef;
}

/** What a harness action waits for: a message (default) or a modal. */
export interface ExpectMessage {
  expect?: 'message';
}
export interface ExpectModal {
  expect: 'modal';
}
/** Accept either a message or a modal (the terminal sandbox does not know in advance). */
export interface ExpectAny {
  expect: 'any';
}

export type Expectation = 'message' | 'modal' | 'any';

/** Waits for the bot's answer and checks it is of the kind the action expects. */
export async function expectOutcome(
  state: HarnessState,
  record: InteractionRecord,
  expect: 'message' | 'modal' | 'choices',
): Promise<InteractionOutcome> {
  const outcome = await awaitOutcome(state.store, record, state.timeouts);
  if (outcome.kind !== expect) {
    const what =
      outcome.kind === 'modal'
        ? `a modal "${outcome.modal.title}"`
        : outcome.kind === 'message'
          ? 'a message'
          : 'autocomplete choices';
    throw new Error(
      `${record.label}: the bot answered with ${what}${expect === 'modal' ? '' : "; pass { expect: 'modal' } to receive modals"}`,
    );
  }
  return outcome;
}

/** The message or modal the bot answered with, as `expect` asks (default: a message). */
export async function answerOf(
  state: HarnessState,
  record: InteractionRecord,
  expect: Expectation | undefined,
): Promise<LoopbackMessage | LoopbackModal> {
  const outcome =
    expect === 'any'
      ? await awaitOutcome(state.store, record, state.timeouts)
      : await expectOutcome(state, record, expect ?? 'message');
  if (outcome.kind === 'message') return outcome.message;
  if (outcome.kind === 'modal') return outcome.modal;
  throw new Error(`${record.label}: unexpected autocomplete answer`);
}

/** The message the bot answered a modal submit with. */
export async function messageAnswerOf(
  state: HarnessState,
  record: InteractionRecord,
): Promise<LoopbackMessage> {
  const outcome = await expectOutcome(state, record, 'message');
  if (outcome.kind !== 'message') throw new Error('unexpected modal outcome');
  return outcome.message;
}
