import { existsSync } from 'node:fs';
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

export type EnvResult = { kind: 'ok'; env: AppEnv } | { kind: 'invalid'; problems: string[] };

const hints: Partial<Record<keyof AppEnv, string>> = {
  DISCORD_TOKEN:
    'Create an application at https://discord.com/developers/applications, add a bot and copy its token into .env (see README). To try Roundtable without a token, run `npm run sandbox`.',
};

/** Parses the environment once; never echoes a variable's value, so a secret cannot leak through an error. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { kind: 'ok', env: result.data };
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment') as keyof AppEnv;
    const hint = hints[name];
    return `${name} ${issue.message}.${hint ? ` ${hint}` : ''}`;
  });
  return { kind: 'invalid', problems };
}

/** Reads `.env` into process.env when the file exists; variables already set win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
