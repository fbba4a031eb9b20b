import type { ThreadActionOutcome } from '../core/outcomes.js';
import { moderationDetails, threadTasks } from '../messages/moderation-log.js';
import { extendedNotice } from '../messages/notices.js';
import type { DebateDeps } from './deps.js';
import { debateEntry, logModeration } from './log-moderation.js';
import { refreshOpeningCard } from './opening-card.js';
import { okValue, onThread } from './thread-access.js';

export interface ExtendRequest {
  debateId: number;
  /** The new closing time, checked by the caller. */
  closesAt: number;
  actorId: string;
}

/**
 * Moves an open debate's close to `closesAt`; rounds still to come move with it. The debate is read
 * once, as the repository returns it extended. A thread Discord refuses becomes a note: the new time stands.
 */
export function extendDebate(deps: DebateDeps, request: ExtendRequest): Promise<ThreadActionOutcome> {
  const { closesAt, actorId } = request;
  return deps.lock.run(request.debateId, async () => {
    const extended = deps.debates.extend(request.debateId, closesAt, deps.clock.now());
    if (!extended) return { kind: 'refused', reason: 'closed' };
    const result = await onThread(deps, extended, threadTasks.extend, async (thread) => {
      await refreshOpeningCard(deps, extended, thread);
      okValue(await thread.post({ content: extendedNotice(actorId, closesAt) }));
    });
    await logModeration(
      deps,
      debateEntry(extended, 'debate-extended', { actorId, detail: moderationDetails.extended(closesAt) }),
    );
    return { kind: 'done', closesAt: extended.closesAt, notes: result.kind === 'refused' ? [result] : [] };
  });
}
