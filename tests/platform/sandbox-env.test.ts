import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('.');

/** Runs `npm run sandbox` with a script on stdin, from `cwd`, with exactly `env`. */
function runSandbox(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const child = spawn(tsx, [path.join(root, 'packages/sandbox/src/cli.ts')], {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(script);
  });
}

describe('npm run sandbox reads .env as the bot does', () => {
  it('GIVEN CONTENT_DIR and CONTENT_STALE_DAYS in .env and no token THEN the sandbox serves that folder with that limit', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'roundtable-sandbox-env-'));
    try {
      const fixtures = path.join(root, 'tests/fixtures/content/valid');
      await writeFile(path.join(folder, '.env'), `CONTENT_DIR=${fixtures}\nCONTENT_STALE_DAYS=3650\n`);
      const env = { ...process.env };
      for (const name of ['CONTENT_DIR', 'CONTENT_STALE_DAYS', 'DISCORD_TOKEN', 'LOG_LEVEL'])
        delete env[name];
      const { code, stdout } = await runSandbox('/summary story:treaty-history\n', folder, env);
      expect(code).toBe(0);
      expect(stdout).toMatch(/answering \/summary by you/);
      expect(stdout).not.toContain('could not find a story');
      expect(stdout).not.toContain('some may have changed');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
