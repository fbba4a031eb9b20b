import type { ThreadActionOutcome } from '../core/outcomes.js';
import { threadTasks } from '../messages/moderation-log.js';
import { auditReasons } from '../messages/notices.js';
import { changeThread } from './change-thread.js';
import type { DebateDeps } from './deps.js';
import { debateEntry } from './log-moderation.js';
import { okValue } from './thread-access.js';

export interface LockRequest {
  debateId: number;
  locked: boolean;
  actorId: string;
}

/** Locks the debate thread so only moderators can post, or unlocks it; the close restores it. */
export function setLocked(deps: DebateDeps, request: LockRequest): Promise<ThreadActionOutcome> {
  const { locked, actorId } = request;
  return changeThread(deps, request.debateId, {
    task: threadTasks.lock(locked),
    async apply(thread, debate) {
      const edit = {
        locked,
        ...(thread.archived ? { archived: false } : {}),
        reason: auditReasons.lock(debate.id, locked, actorId),
      };
      okValue(await thread.edit(edit));
      deps.debates.recordApplied(debate.id, { locked });
    },
    entry: (debate) => debateEntry(debate, locked ? 'lock' : 'unlock', { actorId }),
  });
}
