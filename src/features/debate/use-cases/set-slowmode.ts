import type { ThreadActionOutcome } from '../core/outcomes.js';
import { moderationDetails, threadTasks } from '../messages/moderation-log.js';
import { auditReasons } from '../messages/notices.js';
import { changeThread } from './change-thread.js';
import type { DebateDeps } from './deps.js';
import { debateEntry } from './log-moderation.js';
import { refreshOpeningCard } from './opening-card.js';
import { okValue } from './thread-access.js';

export interface SlowmodeRequest {
  debateId: number;
  seconds: number;
  actorId: string;
}

/** Sets the debate thread's slowmode for the rest of the debate; the opening card shows it. */
export function setSlowmode(deps: DebateDeps, request: SlowmodeRequest): Promise<ThreadActionOutcome> {
  const { seconds, actorId } = request;
  return changeThread(deps, request.debateId, {
    task: threadTasks.slowmode,
    async apply(thread, debate) {
      okValue(
        await thread.edit({ slowmodeSeconds: seconds, reason: auditReasons.slowmode(debate.id, actorId) }),
      );
      deps.debates.recordApplied(debate.id, { slowmodeSeconds: seconds, debateSlowmode: seconds });
      const updated = {
        ...debate,
        debateSlowmode: seconds,
        applied: { ...debate.applied, slowmodeSeconds: seconds },
      };
      await refreshOpeningCard(deps, updated, thread);
    },
    entry: (debate) =>
      debateEntry(debate, 'slowmode', { actorId, detail: moderationDetails.slowmode(seconds) }),
  });
}
