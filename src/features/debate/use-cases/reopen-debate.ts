import type { ThreadActionOutcome } from '../core/outcomes.js';
import type { ThreadModeration } from '../core/types.js';
import { moderationDetails, threadTasks } from '../messages/moderation-log.js';
import { auditReasons, reopenedNotice } from '../messages/notices.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateDeps } from './deps.js';
import { debateEntry, logModeration } from './log-moderation.js';
import { refreshOpeningCard } from './opening-card.js';
import { okValue, onThread } from './thread-access.js';

/** The debate as the repository's `reopen` leaves it: open again, finishing work and fault cleared. */
function reopenedRecord(debate: DebateRecord, closesAt: number, original: ThreadModeration): DebateRecord {
  return {
    ...debate,
    status: 'open',
    closesAt,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    original,
    applied: original,
    restoredAt: null,
    cardClosedAt: null,
    threadSummaryAt: null,
    parentSummaryAt: null,
    fault: null,
    faultAt: null,
  };
}

export interface ReopenRequest {
  debateId: number;
  actorId: string;
}

/** Opens a closed debate again for its original length, with the thread's state now as the one to restore. */
export function reopenDebate(deps: DebateDeps, request: ReopenRequest): Promise<ThreadActionOutcome> {
  const { clock, debates, openThreads } = deps;
  return deps.lock.run(request.debateId, async () => {
    const current = debates.get(request.debateId);
    if (!current) return { kind: 'refused', reason: 'not-found' };
    if (current.status === 'open') return { kind: 'refused', reason: 'already-open' };
    const result = await onThread(deps, current, threadTasks.reopen, async (thread) => {
      const closesAt = clock.now() + current.durationMs;
      const original = thread.moderation;
      if (debates.reopen(current.id, { closesAt, original })) openThreads.add(current.threadId);
      const reopened = reopenedRecord(current, closesAt, original);
      if (reopened.debateSlowmode !== reopened.original.slowmodeSeconds) {
        const slowmode = {
          slowmodeSeconds: reopened.debateSlowmode,
          reason: auditReasons.reopened(current.id),
        };
        okValue(await thread.edit(slowmode));
        debates.recordApplied(current.id, { slowmodeSeconds: reopened.debateSlowmode });
      }
      await refreshOpeningCard(deps, reopened, thread);
      okValue(await thread.post({ content: reopenedNotice(request.actorId, closesAt) }));
      return reopened;
    });
    if (result.kind === 'refused') return result;
    const { closesAt } = result.value;
    await logModeration(
      deps,
      debateEntry(current, 'debate-reopened', {
        actorId: request.actorId,
        detail: moderationDetails.reopened(closesAt),
      }),
    );
    return { kind: 'done', closesAt, notes: [] };
  });
}
