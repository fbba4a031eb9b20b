// What every validator returns, and small helpers they share.

import type { ErrorAnswer, FormErrors } from '../errors.js';

/** Result of checking a request body against Discord's documented limits. */
export type Validation = { ok: true } | { ok: false; answer: ErrorAnswer };

export const valid: Validation = { ok: true };

export function outcome(errors: FormErrors): Validation {
  return errors.isEmpty ? valid : { ok: false, answer: errors.toAnswer() };
}

export function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
