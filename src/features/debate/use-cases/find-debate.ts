import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateDeps } from './deps.js';

/** The debate of a thread, when that thread holds one in this server. */
export function debateInThread(
  deps: Pick<DebateDeps, 'debates'>,
  guildId: string | null,
  threadId: string | null,
): DebateRecord | undefined {
  const debate = deps.debates.findByThread(threadId ?? '');
  return debate && debate.guildId === guildId ? debate : undefined;
}
