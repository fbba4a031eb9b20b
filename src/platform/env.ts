import { existsSync, readFileSync } from 'node:fs';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';
import { snowflakeSchema } from './ids/snowflake.js';

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const envSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string({ error: 'is missing' })
      .regex(/^[\w.-]{10,}$/, 'is not a bot token (letters, digits, dots, dashes; at least 10 characters)'),
  ),
  DISCORD_DEV_GUILD_ID: z.preprocess(emptyAsUndefined, snowflakeSchema.optional()),
  DISCORD_API_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
      .default('https://discord.com/api')
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default('./data/roundtable.db')),
  CONTENT_DIR: z.preprocess(emptyAsUndefined, z.string().default('./content')),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  ),
  CONTENT_STALE_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(3650, 'must be at most 3650')
      .default(30),
  ),
});

/** The validated process environment. */
export type AppEnv = z.infer<typeof envSchema>;

/** Every variable, for the bot and `deploy-commands`. */
export const allEnvKeys = Object.keys(envSchema.shape) as (keyof AppEnv)[];

export type EnvResult<K extends keyof AppEnv = keyof AppEnv> =
  | { kind: 'ok'; env: Pick<AppEnv, K> }
  | { kind: 'invalid'; problems: string[] };

const hints: Partial<Record<keyof AppEnv, string>> = {
  DISCORD_TOKEN:
    'Create an application at https://discord.com/developers/applications, add a bot and copy its token into .env (see README). To try Roundtable without a token, run `npm run sandbox`.',
};

/**
 * Parses the variables `keys` names (every one by default) with the one schema; never echoes a
 * variable's value, so a secret cannot leak through an error.
 */
export function parseEnv<K extends keyof AppEnv = keyof AppEnv>(
  source: Record<string, string | undefined>,
  keys: readonly K[] = allEnvKeys as K[],
): EnvResult<K> {
  // The mask names exactly `keys`, so the parsed object holds exactly those variables.
  const mask = Object.fromEntries(keys.map((key) => [key, true])) as Record<keyof AppEnv, true>;
  const result = envSchema.pick(mask).safeParse(source);
  if (result.success) return { kind: 'ok', env: result.data as Pick<AppEnv, K> };
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment') as keyof AppEnv;
    const hint = hints[name];
    return `${name} ${issue.message}.${hint ? ` ${hint}` : ''}`;
  });
  return { kind: 'invalid', problems };
}

export interface ReadEnvOptions {
  /** The `.env` file; `.env` in the working folder by default. A missing file is no error. */
  readonly dotEnvPath?: string;
  /** The environment, `process.env` by default; its variables win over the file's. */
  readonly environment?: Record<string, string | undefined>;
  /** This entry point's own defaults for variables set nowhere (the sandbox logs at `warn`). */
  readonly defaults?: Partial<Record<keyof AppEnv, string>>;
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * How every entry point reads its configuration: `.env`, then the environment over it, then the
 * variables `keys` names parsed by the one schema. An entry point names only what it uses, so the
 * content scripts and the sandbox run without DISCORD_TOKEN.
 */
export function readEnv<K extends keyof AppEnv>(
  keys: readonly K[],
  options: ReadEnvOptions = {},
): EnvResult<K> {
  const path = options.dotEnvPath ?? '.env';
  const file = existsSync(path) ? parseDotEnv(readFileSync(path, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...file };
  for (const [name, value] of Object.entries(options.environment ?? process.env)) {
    if (value !== undefined) merged[name] = value;
  }
  for (const [name, value] of Object.entries(options.defaults ?? {})) {
    if (!isSet(merged[name])) merged[name] = value;
  }
  return parseEnv(merged, keys);
}

/**
 * {@link readEnv}, or, when a variable is wrong, prints each problem under `refusal` (such as
 * `Roundtable cannot start`) and exits with status 1.
 */
export function readEnvOrExit<K extends keyof AppEnv>(
  keys: readonly K[],
  refusal: string,
  options: ReadEnvOptions = {},
): Pick<AppEnv, K> {
  const parsed = readEnv(keys, options);
  if (parsed.kind === 'ok') return parsed.env;
  console.error(`${refusal}; fix the configuration (see .env.example):\n- ${parsed.problems.join('\n- ')}`);
  process.exit(1);
}
