import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function runSandboxScript(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/sandbox/src/cli.ts'], {
      cwd: root,
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
