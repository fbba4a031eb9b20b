import type { DiscordFailure } from '../../../platform/discord/failures.js';
import type { ThreadRefusal } from '../core/outcomes.js';
import { faultReasons } from '../messages/moderation-log.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateThread, DiscordFailed, DiscordResult } from './debate-discord.js';
import type { DebateDeps } from './deps.js';
import { recordFault } from './log-moderation.js';

type DebateThreadRef = Pick<DebateRecord, 'id' | 'guildId' | 'threadId'>;

/** A refusal from Discord that retrying will not fix: access removed or the thing deleted. */
export type PermanentFailure = { kind: 'forbidden'; reason: string } | { kind: 'gone'; reason: string };

/** Names a 403 or 404 answer for moderators; anything else (rate limits, outages) is worth retrying. */
export function permanentFailure(failure: DiscordFailure, task: string): PermanentFailure | undefined {
  if (failure.kind === 'gone') return { kind: 'gone', reason: faultReasons.gone(task, failure.message) };
  if (failure.kind === 'forbidden')
    return { kind: 'forbidden', reason: faultReasons.forbidden(task, failure.message) };
  return undefined;
}

/** A 403 or 404: retrying will not help. */
export function isPermanent(failure: DiscordFailure): boolean {
  return failure.kind === 'gone' || failure.kind === 'forbidden';
}

/** A failed request thrown out of work on a thread, for `onThread` or a finishing step to classify. */
class RequestFailed extends Error {
  constructor(readonly failed: DiscordFailed) {
    super(failed.failure.detail);
  }
}

/** Ends work on a thread with a failed request. */
export function failWith(failed: DiscordFailed): never {
  throw new RequestFailed(failed);
}

/** The value of a request made within work on a thread; a failure ends that work. */
export function okValue<T>(result: DiscordResult<T>): T {
  if (result.kind === 'failed') failWith(result);
  return result.value;
}

/**
 * What ended work on a thread, when Discord refused it for good; anything else is thrown again as it
 * came from Discord (or wherever), so the caller can retry.
 */
export function permanentFailureOf(thrown: unknown, task: string): PermanentFailure {
  if (!(thrown instanceof RequestFailed)) throw thrown;
  const failure = permanentFailure(thrown.failed.failure, task);
  if (!failure) throw thrown.failed.error;
  return failure;
}

/** The debate's thread, fetched afresh, within work on it. */
export async function fetchThread(
  deps: Pick<DebateDeps, 'discord'>,
  debate: DebateThreadRef,
): Promise<DebateThread> {
  const thread = okValue(await deps.discord.openThread(debate.threadId));
  if (!thread) throw new Error(`channel ${debate.threadId} of debate ${debate.id} is not a thread`);
  return thread;
}

export type ThreadResult<T> = { kind: 'ok'; value: T } | ThreadRefusal;

/**
 * Runs Discord work on the debate's thread. A 403 or 404 marks the debate with the reason and
 * becomes a refusal; other errors (outages) propagate so the caller can retry.
 */
export async function onThread<T>(
  deps: DebateDeps,
  debate: DebateThreadRef,
  task: string,
  action: (thread: DebateThread) => Promise<T>,
): Promise<ThreadResult<T>> {
  try {
    return { kind: 'ok', value: await action(await fetchThread(deps, debate)) };
  } catch (error) {
    const failure = permanentFailureOf(error, task);
    await recordFault(deps, debate, failure.reason);
    return {
      kind: 'refused',
      reason: failure.kind === 'gone' ? 'thread-gone' : 'thread-forbidden',
      threadId: debate.threadId,
    };
  }
}
