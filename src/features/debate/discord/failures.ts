import { RESTJSONErrorCodes } from 'discord.js';
import { classifyDiscordFailure, hasDiscordCode } from '../../../platform/discord/failures.js';

/** A refusal from Discord that retrying will not fix: access removed or the thing deleted. */
export type PermanentFailure = { kind: 'forbidden'; reason: string } | { kind: 'gone'; reason: string };

/** Names a 403 or 404 answer for moderators; anything else (rate limits, outages) is worth retrying. */
export function classifyPermanentFailure(error: unknown, what: string): PermanentFailure | undefined {
  const failure = classifyDiscordFailure(error);
  if (failure.kind === 'gone')
    return { kind: 'gone', reason: `${what}: Discord says it no longer exists (${failure.message}).` };
  if (failure.kind === 'forbidden')
    return {
      kind: 'forbidden',
      reason: `${what}: Discord refused (${failure.message}); check my permissions there.`,
    };
  return undefined;
}

export function isUnknownMember(error: unknown): boolean {
  return hasDiscordCode(error, RESTJSONErrorCodes.UnknownMember);
}

export function isCannotMessageUser(error: unknown): boolean {
  const failure = classifyDiscordFailure(error);
  return (
    hasDiscordCode(error, RESTJSONErrorCodes.CannotSendMessagesToThisUser) ||
    failure.kind === 'gone' ||
    failure.kind === 'forbidden'
  );
}

/** A 403 or 404: retrying will not help. */
export function isPermanentFailure(error: unknown): boolean {
  return classifyPermanentFailure(error, '') !== undefined;
}
