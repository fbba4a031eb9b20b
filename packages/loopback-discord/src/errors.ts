/** One field error as Discord reports it inside `errors`. */
export interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested error tree: every level is keyed by field name or array index, leaves hold `_errors`. */
export interface ErrorTree {
  [key: string]: ErrorTree | FieldError[];
}

/** The JSON body of a Discord error response. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: ErrorTree;
  retry_after?: number;
  global?: boolean;
}

/** An HTTP status and Discord error body, ready to be written. */
export interface ErrorAnswer {
  status: number;
  body: DiscordErrorBody;
}

/** What a route answers: a status with an optional JSON body, or a Discord error. */
export type RouteAnswer = { status: number; body?: unknown } | ErrorAnswer;

export type FieldPath = ReadonlyArray<string | number>;

/** Collects field errors and renders Discord's `Invalid Form Body` answer. */
export class FormErrors {
  readonly #tree: ErrorTree = {};
  #count = 0;

  add(path: FieldPath, code: string, message: string): void {
    let node = this.#tree;
    for (const segment of path) {
      const key = String(segment);
      const next = node[key];
      if (next === undefined || Array.isArray(next)) {
        const created: ErrorTree = {};
        node[key] = created;
        node = created;
      } else {
        node = next;
      }
    }
    const existing = node._errors;
    if (Array.isArray(existing)) existing.push({ code, message });
    else node._errors = [{ code, message }];
    this.#count += 1;
  }

  get isEmpty(): boolean {
    return this.#count === 0;
  }

  get tree(): ErrorTree {
    return this.#tree;
  }

  toAnswer(): ErrorAnswer {
    return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: this.#tree } };
  }

  maxLength(path: FieldPath, value: string | undefined | null, max: number): void {
    if (typeof value === 'string' && value.length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  lengthBetween(path: FieldPath, value: string | undefined | null, min: number, max: number): void {
    if (typeof value === 'string' && (value.length < min || value.length > max)) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }

  required(path: FieldPath): void {
    this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  }

  maxItems(path: FieldPath, items: readonly unknown[] | undefined | null, max: number): void {
    if (Array.isArray(items) && items.length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  integerBetween(path: FieldPath, value: unknown, min: number, max: number): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
    } else if (value < min) {
      this.add(path, 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${min}.`);
    } else if (value > max) {
      this.add(path, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${max}.`);
    }
  }

  oneOf(path: FieldPath, value: unknown, choices: readonly number[]): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !choices.includes(value)) {
      this.add(path, 'BASE_TYPE_CHOICES', `Value must be one of {${choices.join(', ')}}.`);
    }
  }

  string(path: FieldPath, value: unknown): value is string {
    if (typeof value === 'string') return true;
    if (value !== undefined && value !== null) this.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
    return false;
  }
}

function answer(status: number, code: number, message: string): ErrorAnswer {
  return { status, body: { code, message } };
}

/** Discord's JSON error answers, by name. */
export const discordErrors = {
  notFound: () => answer(404, 0, '404: Not Found'),
  methodNotAllowed: () => answer(405, 0, '405: Method Not Allowed'),
  unauthorized: () => answer(401, 0, '401: Unauthorized'),
  unknownChannel: () => answer(404, 10003, 'Unknown Channel'),
  unknownGuild: () => answer(404, 10004, 'Unknown Guild'),
  unknownMember: () => answer(404, 10007, 'Unknown Member'),
  unknownMessage: () => answer(404, 10008, 'Unknown Message'),
  unknownRole: () => answer(404, 10011, 'Unknown Role'),
  unknownUser: () => answer(404, 10013, 'Unknown User'),
  unknownWebhook: () => answer(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => answer(404, 10062, 'Unknown interaction'),
  unknownCommand: () => answer(404, 10063, 'Unknown application command'),
  maximumPins: () => answer(400, 30003, 'Maximum number of pins reached (50)'),
  alreadyAcknowledged: () => answer(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => answer(403, 50001, 'Missing Access'),
  cannotEditOthersMessage: () => answer(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => answer(400, 50006, 'Cannot send an empty message'),
  missingPermissions: () => answer(403, 50013, 'Missing Permissions'),
  wrongChannelType: () => answer(400, 50024, 'Cannot execute action on this channel type'),
  invalidWebhookToken: () => answer(401, 50027, 'Invalid Webhook Token'),
  threadArchived: () => answer(400, 50083, 'Thread is archived'),
  threadAlreadyCreated: () => answer(400, 160004, 'A thread has already been created for this message'),
  threadLocked: () => answer(400, 160005, 'Thread is locked'),
  injected: (status: number) => answer(status, 0, statusMessage(status)),
} as const;

export function singleFieldError(path: FieldPath, code: string, message: string): ErrorAnswer {
  const errors = new FormErrors();
  errors.add(path, code, message);
  return errors.toAnswer();
}

function statusMessage(status: number): string {
  switch (status) {
    case 400:
      return '400: Bad Request';
    case 401:
      return '401: Unauthorized';
    case 403:
      return 'Missing Permissions';
    case 404:
      return '404: Not Found';
    case 500:
      return '500: Internal Server Error';
    case 502:
      return '502: Bad Gateway';
    case 503:
      return '503: Service Unavailable';
    default:
      return `${status}: Error`;
  }
}
