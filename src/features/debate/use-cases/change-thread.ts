import type { ThreadActionOutcome } from '../core/outcomes.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateThread } from './debate-discord.js';
import type { DebateDeps } from './deps.js';
import { logModeration, type NewModerationEntry } from './log-moderation.js';
import { onThread } from './thread-access.js';

export interface ThreadChange {
  /** Named in the fault when Discord refuses. */
  task: string;
  apply(thread: DebateThread, debate: DebateRecord): Promise<void>;
  /** Logged once the change is done. */
  entry(debate: DebateRecord): NewModerationEntry;
}

/** Reads the debate once under its lock, changes its thread and logs the change. */
export function changeThread(
  deps: DebateDeps,
  debateId: number,
  change: ThreadChange,
): Promise<ThreadActionOutcome> {
  return deps.lock.run(debateId, async () => {
    const debate = deps.debates.get(debateId);
    if (!debate) return { kind: 'refused', reason: 'not-found' };
    const result = await onThread(deps, debate, change.task, (thread) => change.apply(thread, debate));
    if (result.kind === 'refused') return result;
    await logModeration(deps, change.entry(debate));
    return { kind: 'done', closesAt: debate.closesAt, notes: [] };
  });
}
