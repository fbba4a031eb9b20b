import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function runSandboxScript(
  script: string,
  where: { cwd: string; env?: NodeJS.ProcessEnv } = { cwd: root },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const child = spawn(tsx, [path.join(root, 'packages/sandbox/src/cli.ts')], {
      cwd: where.cwd,
      ...(where.env === undefined ? {} : { env: where.env }),
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

describe('npm run sandbox with a script on stdin', () => {
  it('GIVEN piped commands THEN Roundtable answers them offline, the transcript is printed and the process exits 0', async () => {
    const { code, stdout, stderr } = await runSandboxScript(
      '/summary story:us-japan-alliance\n:click Next\n:who\n',
    );
    expect(stderr).not.toMatch(/"level":(50|60)/);
    expect(code).toBe(0);
    expect(stdout).toContain('you in #politics> /summary story:us-japan-alliance');
    expect(stdout).toMatch(/#1 Roundtable \[bot\] · \d\d:\d\d · answering \/summary by you/);
    expect(stdout).toContain('you in #politics> :click Next');
    expect(stdout).toMatch(/#1 Roundtable \[bot\] · \d\d:\d\d · answering \/summary by you · edited/);
    expect(stdout).toContain('  mod: roles mod');
  }, 30_000);
});

describe('npm run sandbox reads .env as the bot does', () => {
  it('GIVEN CONTENT_DIR in .env and no token THEN the sandbox serves the packs of that folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'roundtable-sandbox-env-'));
    try {
      const fixtures = path.join(root, 'tests/fixtures/content/valid');
      await writeFile(path.join(folder, '.env'), `CONTENT_DIR=${fixtures}\nCONTENT_STALE_DAYS=3650\n`);
      const env = { ...process.env };
      for (const name of ['CONTENT_DIR', 'CONTENT_STALE_DAYS', 'DISCORD_TOKEN', 'LOG_LEVEL'])
        delete env[name];
      const { code, stdout } = await runSandboxScript('/summary story:treaty-history\n', {
        cwd: folder,
        env,
      });
      expect(code).toBe(0);
      expect(stdout).toMatch(/answering \/summary by you/);
      expect(stdout).not.toContain('could not find a story');
      expect(stdout).not.toContain('some may have changed');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
