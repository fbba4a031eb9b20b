import type { Client, ThreadChannel } from 'discord.js';
import type { ThreadRefusal } from '../core/outcomes.js';
import type { ThreadModeration } from '../core/types.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateDeps } from '../use-cases/deps.js';
import { recordFault } from '../use-cases/log-moderation.js';
import { classifyPermanentFailure } from './failures.js';

type DebateThread = Pick<DebateRecord, 'id' | 'guildId' | 'threadId'>;

export async function fetchThread(client: Client, debate: DebateThread): Promise<ThreadChannel> {
  const channel = await client.channels.fetch(debate.threadId, { force: true });
  if (!channel?.isThread())
    throw new Error(`channel ${debate.threadId} of debate ${debate.id} is not a thread`);
  return channel;
}

export function threadStateOf(thread: ThreadChannel): ThreadModeration {
  return { slowmodeSeconds: thread.rateLimitPerUser ?? 0, locked: thread.locked ?? false };
}

export type ThreadResult<T> = { kind: 'ok'; value: T } | ThreadRefusal;

/**
 * Runs a Discord action on the debate's thread. A 403 or 404 marks the debate with the reason and
 * becomes a refusal; other errors (outages) propagate so the caller can retry.
 */
export async function onThread<T>(
  deps: DebateDeps,
  debate: DebateThread,
  task: string,
  action: (thread: ThreadChannel) => Promise<T>,
): Promise<ThreadResult<T>> {
  try {
    return { kind: 'ok', value: await action(await fetchThread(deps.client, debate)) };
  } catch (error) {
    const failure = classifyPermanentFailure(error, task);
    if (!failure) throw error;
    await recordFault(deps, debate, failure.reason);
    return {
      kind: 'refused',
      reason: failure.kind === 'gone' ? 'thread-gone' : 'thread-forbidden',
      threadId: debate.threadId,
    };
  }
}
