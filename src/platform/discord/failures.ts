import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

/**
 * What a failed Discord request means for the work that made it, as a code: features turn it into
 * their own words. `gone` and `forbidden` will not heal by retrying; `transient` may.
 */
export interface DiscordFailure {
  kind: 'gone' | 'forbidden' | 'refused' | 'transient';
  /** Discord's JSON error code, when it sent one. */
  code: number | null;
  /** Discord's own message (or the error's, for a failure before any answer). */
  message: string;
  /** The message with status and code, for logs and moderators. */
  detail: string;
}

/** The one classifier of Discord failures: 404 gone, 403 forbidden, 429/5xx/network transient, other 4xx refused. */
export function classifyDiscordFailure(error: unknown): DiscordFailure {
  if (!(error instanceof DiscordAPIError)) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'transient', code: null, message: detail, detail };
  }
  const code = typeof error.code === 'number' ? error.code : null;
  const failure = {
    code,
    message: error.message,
    detail: `${error.message} (${error.status}${code === null ? '' : `, code ${code}`})`,
  };
  if (error.status === 404) return { kind: 'gone', ...failure };
  if (error.status === 403) return { kind: 'forbidden', ...failure };
  if (error.status === 429 || error.status >= 500) return { kind: 'transient', ...failure };
  return { kind: 'refused', ...failure };
}

/** Whether `error` is Discord's answer with one of these JSON error codes. */
export function hasDiscordCode(error: unknown, ...codes: readonly RESTJSONErrorCodes[]): boolean {
  return error instanceof DiscordAPIError && typeof error.code === 'number' && codes.includes(error.code);
}

/** Discord refused the acknowledgement: the interaction expired (10062) or was already answered (40060). */
export function isExpiredInteraction(error: unknown): boolean {
  return hasDiscordCode(
    error,
    RESTJSONErrorCodes.UnknownInteraction,
    RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  );
}
