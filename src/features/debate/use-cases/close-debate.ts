import type { CloseOutcome } from '../core/outcomes.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateDeps } from './deps.js';
import { finishClosedDebate } from './finish-debate.js';
import { debateEntry, postModeration } from './log-moderation.js';

export interface CloseRequest {
  debateId: number;
  /** The moderator closing it, or `null` when it closes at its closing time. */
  by: string | null;
  reason: string | null;
}

/**
 * Closes an open debate (moderator or schedule) and finishes it: restore, card, summaries. The debate
 * is read once, in the transaction that closes it; a debate already closed is finished as it is.
 */
export function closeDebate(deps: DebateDeps, request: CloseRequest): Promise<CloseOutcome> {
  const { transaction, clock, debates, moderation, openThreads } = deps;
  return deps.lock.run(request.debateId, async () => {
    const now = clock.now();
    const closing = transaction(() => {
      const debate = debates.get(request.debateId);
      if (debate?.status !== 'open') return { debate, logged: undefined };
      const closedAt = request.by === null ? Math.min(now, debate.closesAt) : now;
      const closure = { closedAt, closedBy: request.by, reason: request.reason };
      if (!debates.close(debate.id, closure)) return { debate, logged: undefined };
      const entry = {
        ...debateEntry(debate, 'debate-closed', { actorId: request.by, detail: request.reason }),
        createdAt: now,
      };
      const closed: DebateRecord = {
        ...debate,
        status: 'closed',
        closedAt,
        closedBy: request.by,
        closeReason: request.reason,
      };
      return { debate: closed, logged: { id: moderation.log(entry), entry } };
    });
    const { debate, logged } = closing;
    if (debate === undefined) return { kind: 'refused', reason: 'not-found' };
    if (logged !== undefined) {
      openThreads.remove(debate.threadId);
      await postModeration(deps, logged.id, logged.entry);
    }
    if (debate.status !== 'closed') return { kind: 'closed', fault: debate.fault };
    return { kind: 'closed', fault: await finishClosedDebate(deps, debate) };
  });
}
