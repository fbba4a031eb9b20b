import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseEnv, readEnv } from '../../src/platform/env.js';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';

function problemsFor(source: Record<string, string | undefined>): string[] {
  const result = parseEnv(source);
  return result.kind === 'invalid' ? result.problems : [];
}

describe('parseEnv', () => {
  test('GIVEN only a token THEN every other variable takes its default', () => {
    const result = parseEnv({ DISCORD_TOKEN: token });
    expect(result).toEqual({
      kind: 'ok',
      env: {
        DISCORD_TOKEN: token,
        DISCORD_API_URL: 'https://discord.com/api',
        DATABASE_PATH: './data/roundtable.db',
        CONTENT_DIR: './content',
        LOG_LEVEL: 'info',
        CONTENT_STALE_DAYS: 30,
      },
    });
  });

  test('GIVEN no token THEN the message says how to get one and how to run offline', () => {
    const [problem] = problemsFor({});
    expect(problem).toMatch(/^DISCORD_TOKEN is missing/);
    expect(problem).toContain('https://discord.com/developers/applications');
    expect(problem).toContain('npm run sandbox');
  });

  test('GIVEN an empty token THEN it counts as missing', () => {
    expect(problemsFor({ DISCORD_TOKEN: '  ' })[0]).toMatch(/^DISCORD_TOKEN is missing/);
  });

  test('GIVEN a malformed token THEN the problem names the variable but never echoes the value', () => {
    const secret = 'not a token but a secret phrase';
    const problems = problemsFor({ DISCORD_TOKEN: secret });
    expect(problems[0]).toMatch(/^DISCORD_TOKEN is not a bot token/);
    expect(problems.join('\n')).not.toContain(secret);
  });

  test.each([
    ['DISCORD_DEV_GUILD_ID', 'abc', /^DISCORD_DEV_GUILD_ID .*Discord id/],
    ['DISCORD_API_URL', 'ftp://example.com', /^DISCORD_API_URL must be an http\(s\) URL/],
    ['DISCORD_API_URL', 'not a url', /^DISCORD_API_URL must be an http\(s\) URL/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of fatal, error/],
    ['CONTENT_STALE_DAYS', 'soon', /^CONTENT_STALE_DAYS must be a whole number of days/],
    ['CONTENT_STALE_DAYS', '0', /^CONTENT_STALE_DAYS must be at least 1/],
  ])('GIVEN %s=%s THEN start-up names the variable and what is expected', (name, value, expected) => {
    const problems = problemsFor({ DISCORD_TOKEN: token, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  test('GIVEN an API URL with a trailing slash THEN it is normalised', () => {
    const result = parseEnv({ DISCORD_TOKEN: token, DISCORD_API_URL: 'http://127.0.0.1:5000/api/' });
    expect(result.kind === 'ok' && result.env.DISCORD_API_URL).toBe('http://127.0.0.1:5000/api');
  });

  test('GIVEN several bad variables THEN each is reported at once', () => {
    const problems = problemsFor({ LOG_LEVEL: 'loud', DISCORD_DEV_GUILD_ID: 'x' });
    expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual([
      'DISCORD_DEV_GUILD_ID',
      'DISCORD_TOKEN',
      'LOG_LEVEL',
    ]);
  });
});

describe('readEnv, as every entry point reads its configuration', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'roundtable-dotenv-'));
  const dotEnvPath = path.join(folder, '.env');
  writeFileSync(dotEnvPath, 'CONTENT_DIR=./other-content\nCONTENT_STALE_DAYS=45\nLOG_LEVEL=\n');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('GIVEN .env and no token THEN the content part is read from the file, without DISCORD_TOKEN', () => {
    expect(readEnv(['CONTENT_DIR', 'CONTENT_STALE_DAYS'], { dotEnvPath, environment: {} })).toEqual({
      kind: 'ok',
      env: { CONTENT_DIR: './other-content', CONTENT_STALE_DAYS: 45 },
    });
  });

  test('GIVEN a variable set in the environment too THEN the environment wins over .env', () => {
    const result = readEnv(['CONTENT_DIR'], { dotEnvPath, environment: { CONTENT_DIR: './mine' } });
    expect(result).toEqual({ kind: 'ok', env: { CONTENT_DIR: './mine' } });
  });

  test('GIVEN an entry point default THEN it applies only where the variable is set nowhere', () => {
    const defaults = { LOG_LEVEL: 'warn' } as const;
    expect(readEnv(['LOG_LEVEL'], { dotEnvPath, environment: {}, defaults })).toEqual({
      kind: 'ok',
      env: { LOG_LEVEL: 'warn' },
    });
    expect(readEnv(['LOG_LEVEL'], { dotEnvPath, environment: { LOG_LEVEL: 'debug' }, defaults })).toEqual({
      kind: 'ok',
      env: { LOG_LEVEL: 'debug' },
    });
  });

  test('GIVEN the whole environment is asked for THEN a missing token is still reported', () => {
    const result = readEnv(['DISCORD_TOKEN', 'CONTENT_DIR'], { dotEnvPath, environment: {} });
    expect(result.kind === 'invalid' && result.problems[0]).toMatch(/^DISCORD_TOKEN is missing/);
  });

  test('GIVEN no .env file THEN the schema defaults apply', () => {
    const missing = path.join(folder, 'absent.env');
    expect(readEnv(['CONTENT_DIR'], { dotEnvPath: missing, environment: {} })).toEqual({
      kind: 'ok',
      env: { CONTENT_DIR: './content' },
    });
  });
});
