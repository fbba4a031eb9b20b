/**
 * Why a quiz message could not be posted, in the words admins read in `/quiz status` and the logs.
 * `permanent` failures end the round (or its results); `transient` ones are retried.
 */
export interface PostFailure {
  kind: 'permanent' | 'transient';
  reason: string;
}

/** A failed Discord request as the platform's classifier describes it (`classifyDiscordFailure`). */
export interface ClassifiedFailure {
  kind: 'gone' | 'forbidden' | 'refused' | 'transient';
  code: number | null;
  detail: string;
}

/** Discord's JSON error codes the quiz names in its own words. */
const unknownChannel = 10003;
const missingAccess = 50001;
const missingPermissions = 50013;

export function postFailureOf(failure: ClassifiedFailure): PostFailure {
  switch (failure.code) {
    case unknownChannel:
      return { kind: 'permanent', reason: `the quiz channel no longer exists: ${failure.detail}` };
    case missingAccess:
      return {
        kind: 'permanent',
        reason: `Roundtable cannot see the quiz channel any more: ${failure.detail}`,
      };
    case missingPermissions:
      return {
        kind: 'permanent',
        reason: `Roundtable lacks a permission in the quiz channel (it needs View Channel, Send Messages and Embed Links): ${failure.detail}`,
      };
  }
  if (failure.kind === 'transient') return { kind: 'transient', reason: failure.detail };
  return { kind: 'permanent', reason: `Discord refused the message: ${failure.detail}` };
}

export const notATextChannel: PostFailure = {
  kind: 'permanent',
  reason: 'the quiz channel is not a text channel',
};

export function missingPostingPermissions(missing: readonly string[], channelName: string): PostFailure {
  return { kind: 'permanent', reason: `Roundtable lacks ${missing.join(', ')} in #${channelName}` };
}

export function notPostedInTime(lastError: string | null): string {
  return `not posted before answers were due to close${lastError ? ` (last error: ${lastError})` : ''}`;
}
