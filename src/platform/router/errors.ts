/**
 * An expected failure caused by what the member did or asked for. The router answers it with the
 * message, privately; it is not logged as an error.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}
