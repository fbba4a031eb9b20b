// Guild resources: thread creation, channel edits and member edits (timeouts, nicknames, roles).

import { FormErrors } from '../errors.js';
import { isObject } from '../json.js';
import { outcome, type Validation, valid } from './common.js';

export const threadArchiveDurations = [60, 1440, 4320, 10080] as const;

/** Checks a thread creation body (with or without a starter message). */
export function validateThreadBody(body: unknown): Validation {
  const errors = new FormErrors();
  if (!isObject(body)) {
    errors.required(['name']);
    return outcome(errors);
  }
  if (typeof body.name !== 'string' || body.name.length === 0) errors.required(['name']);
  else errors.lengthBetween(['name'], body.name, 1, 100);
  errors.oneOf(['auto_archive_duration'], body.auto_archive_duration, threadArchiveDurations);
  errors.integerBetween(['rate_limit_per_user'], body.rate_limit_per_user, 0, 21600);
  if (body.type !== undefined && body.type !== null) errors.oneOf(['type'], body.type, [10, 11, 12]);
  return outcome(errors);
}

/** Checks a `PATCH /channels/:id` body. */
export function validateChannelPatch(body: unknown, isThread: boolean): Validation {
  const errors = new FormErrors();
  if (!isObject(body)) return valid;
  if (body.name !== undefined) {
    if (typeof body.name !== 'string') errors.required(['name']);
    else errors.lengthBetween(['name'], body.name, 1, 100);
  }
  errors.maxLength(['topic'], body.topic as string, 1024);
  errors.integerBetween(['rate_limit_per_user'], body.rate_limit_per_user, 0, 21600);
  if (isThread) errors.oneOf(['auto_archive_duration'], body.auto_archive_duration, threadArchiveDurations);
  for (const key of ['archived', 'locked', 'invitable'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'boolean') {
      errors.add([key], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
    }
  }
  return outcome(errors);
}

const maximumTimeoutMs = 28 * 24 * 60 * 60 * 1000;

/** Checks a `PATCH /guilds/:g/members/:u` body; `now` is the server clock. */
export function validateMemberPatch(body: unknown, now: number): Validation {
  const errors = new FormErrors();
  if (!isObject(body)) return valid;
  const until = body.communication_disabled_until;
  if (until !== undefined && until !== null) {
    const at = typeof until === 'string' ? Date.parse(until) : Number.NaN;
    if (Number.isNaN(at)) {
      errors.add(
        ['communication_disabled_until'],
        'DATE_TYPE_PARSE',
        'Could not parse ' + String(until) + '.',
      );
    } else if (at - now > maximumTimeoutMs) {
      errors.add(
        ['communication_disabled_until'],
        'INVALID_COMMUNICATION_DISABLED_TIMESTAMP',
        'Invalid communication disabled timestamp',
      );
    }
  }
  if (body.nick !== undefined && body.nick !== null) errors.maxLength(['nick'], body.nick as string, 32);
  if (body.roles !== undefined && !Array.isArray(body.roles))
    errors.add(['roles'], 'BASE_TYPE_LIST', 'Must be an array.');
  return outcome(errors);
}
