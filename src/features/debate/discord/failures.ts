import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

/** A refusal from Discord that retrying will not fix: access removed or the thing deleted. */
export type PermanentFailure = { kind: 'forbidden'; reason: string } | { kind: 'gone'; reason: string };

/** Classifies 403 and 404 answers; anything else (rate limits, outages) is worth retrying. */
export function classifyPermanentFailure(error: unknown, what: string): PermanentFailure | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (error.status === 404) {
    return { kind: 'gone', reason: `${what}: Discord says it no longer exists (${error.message}).` };
  }
  if (error.status === 403) {
    return {
      kind: 'forbidden',
      reason: `${what}: Discord refused (${error.message}); check my permissions there.`,
    };
  }
  return undefined;
}

export function isUnknownMember(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMember;
}

export function isCannotMessageUser(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser ||
      error.status === 404 ||
      error.status === 403)
  );
}
