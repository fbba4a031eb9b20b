import { z } from 'zod';

/**
 * Component and modal ids follow one scheme: `rt1:<feature>:<action>[:<arg>...]`.
 * `rt1` is the scheme version; a message built by an older scheme is answered as stale.
 * Arguments are short tokens (ids, numbers, letters); `:` is not allowed inside them.
 */
export const customIdVersion = 'rt1';

const segment = /^[a-z][a-z0-9-]{0,23}$/;
const argument = /^[\w.+@-]{0,64}$/;

export const customIdSchema = z
  .string()
  .min(1)
  .max(100)
  .transform((value) => value.split(':'))
  .pipe(
    z.tuple([z.string(), z.string().regex(segment), z.string().regex(segment)], z.string().regex(argument)),
  )
  .transform(([version, feature, action, ...args]) => ({ version, feature, action, args }));

export type ParsedCustomId = z.infer<typeof customIdSchema>;

export type CustomIdParse =
  | { kind: 'ok'; feature: string; action: string; args: string[] }
  | { kind: 'stale'; version: string }
  | { kind: 'malformed' };

export function parseCustomId(raw: string): CustomIdParse {
  const parsed = customIdSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'malformed' };
  const { version, feature, action, args } = parsed.data;
  if (version !== customIdVersion) return { kind: 'stale', version };
  return { kind: 'ok', feature, action, args };
}

export function buildCustomId(
  feature: string,
  action: string,
  ...args: ReadonlyArray<string | number>
): string {
  if (!segment.test(feature) || !segment.test(action))
    throw new Error(`invalid custom id segment ${feature}:${action}`);
  const parts = [customIdVersion, feature, action, ...args.map(String)];
  for (const arg of parts.slice(3)) {
    if (!argument.test(arg)) throw new Error(`invalid custom id argument ${JSON.stringify(arg)}`);
  }
  const id = parts.join(':');
  if (id.length > 100) throw new Error(`custom id longer than 100 characters: ${id}`);
  return id;
}
