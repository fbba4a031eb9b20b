/** A JSON object as received in a request body. */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value if it is an array, else an empty one. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A timestamp as Discord's JSON carries it (ISO 8601). */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
