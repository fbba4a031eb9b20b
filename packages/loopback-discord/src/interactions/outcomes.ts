import type { LoopbackStore } from '../store.js';
import type { AutocompleteChoice, LoopbackMessage, LoopbackModal } from '../types.js';
import { loadingFlag, toLoopbackMessage } from '../views.js';
import type { InteractionRecord } from './hub.js';

/** What the bot's answer to an interaction amounts to, from the member's point of view. */
export type InteractionOutcome =
  | { kind: 'message'; message: LoopbackMessage }
  | { kind: 'modal'; modal: LoopbackModal }
  | { kind: 'choices'; choices: AutocompleteChoice[] };

export interface OutcomeTimeouts {
  /** Wall-clock ms to wait for an acknowledgement (default 3 500). */
  acknowledgeMs: number;
  /** Wall-clock ms to wait for the edit after a deferred reply (default 5 000). */
  replyMs: number;
  /** Wall-clock ms to wait for an edit after a deferred update before returning the message as is (default 300). */
  settleMs: number;
}

/** The outcome so far, or `null` while the bot has not (fully) answered. */
function currentOutcome(
  store: LoopbackStore,
  record: InteractionRecord,
  settled: boolean,
): InteractionOutcome | null {
  const messageView = (id: string | null | undefined): InteractionOutcome | null => {
    const message = id ? store.messages.get(id) : undefined;
    return message ? { kind: 'message', message: toLoopbackMessage(store, message) } : null;
  };
  switch (record.responseType) {
    case 4:
    case 7:
      return messageView(record.originalMessageId);
    case 5: {
      const original = record.originalMessageId ? store.messages.get(record.originalMessageId) : undefined;
      if (original && ((original.flags & loadingFlag) === 0 || original.deleted))
        return messageView(original.id);
      return record.followUpIds.length > 0 ? messageView(record.followUpIds[0]) : null;
    }
    case 6: {
      const source = record.sourceMessageId ? store.messages.get(record.sourceMessageId) : undefined;
      if (record.followUpIds.length > 0) return messageView(record.followUpIds[0]);
      if (
        source &&
        source.editedAt !== null &&
        record.acknowledgedAt !== null &&
        source.editedAt >= record.acknowledgedAt
      ) {
        return messageView(source.id);
      }
      return settled ? messageView(source?.id) : null;
    }
    case 8:
      return { kind: 'choices', choices: record.choices ?? [] };
    case 9:
      return record.modal ? { kind: 'modal', modal: structuredClone(record.modal.view) } : null;
    default:
      return null;
  }
}

/** Waits until the bot answered the interaction as a member would see it (following defer then edit). */
export function awaitOutcome(
  store: LoopbackStore,
  record: InteractionRecord,
  timeouts: OutcomeTimeouts,
): Promise<InteractionOutcome> {
  return new Promise<InteractionOutcome>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    let done = false;
    let settled = false;
    let replyTimersArmed = false;
    const finish = (): void => {
      done = true;
      record.listeners.delete(onChange);
      for (const timer of timers) clearTimeout(timer);
    };
    const fail = (problem: string): void => {
      if (done) return;
      finish();
      const refusals = record.refusals
        .map((refusal) => `\n  ${refusal.route} answered ${refusal.status}: ${JSON.stringify(refusal.body)}`)
        .join('');
      reject(new Error(`${record.label}: ${problem}${refusals}`));
    };
    const onChange = (): void => {
      if (done) return;
      if (record.responseType !== null && !replyTimersArmed) {
        replyTimersArmed = true;
        if (record.responseType === 6) {
          timers.push(
            setTimeout(() => {
              settled = true;
              onChange();
            }, timeouts.settleMs),
          );
        }
        timers.push(
          setTimeout(
            () =>
              fail(
                `the bot acknowledged (type ${String(record.responseType)}) but did not answer within ${timeouts.replyMs} ms`,
              ),
            timeouts.replyMs,
          ),
        );
      }
      const outcome = currentOutcome(store, record, settled);
      if (outcome) {
        finish();
        resolve(outcome);
        return;
      }
      const refusedWith = (code: number) =>
        record.refusals.some((refusal) => (refusal.body as { code?: number }).code === code);
      if (record.responseType === null && refusedWith(10062)) {
        fail('the interaction expired before the bot acknowledged it');
      } else if (refusedWith(50027)) {
        fail('the interaction token expired (15 minutes) before the bot answered');
      }
    };
    record.listeners.add(onChange);
    timers.push(
      setTimeout(() => {
        if (record.responseType === null)
          fail(`the bot did not acknowledge within ${timeouts.acknowledgeMs} ms`);
      }, timeouts.acknowledgeMs),
    );
    onChange();
  });
}
