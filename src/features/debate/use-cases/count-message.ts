import type { DebateDeps } from './deps.js';

/** Counts a message by `userId` in `threadId` when it holds an open debate; failures are only logged. */
export function countMessage(deps: DebateDeps, threadId: string, userId: string): void {
  if (!deps.openThreads.has(threadId)) return;
  try {
    deps.debates.countMessage(threadId, userId);
  } catch (error) {
    deps.logger.error({ err: error, threadId }, 'could not count a debate message');
  }
}
