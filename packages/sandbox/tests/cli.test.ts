import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('the walkthrough script (tests/fixtures/walkthrough.txt)', () => {
  it('GIVEN a new admin’s first session THEN reading, the quiz round and its results, the export and the debate all work offline', async () => {
    const script = await readFile(new URL('./fixtures/walkthrough.txt', import.meta.url), 'utf8');
    const directory = await mkdtemp(join(tmpdir(), 'sandbox-walkthrough-'));
    try {
      const { code, stdout, stderr } = await runSandboxScript(`${script}:save ${directory}\n`);
      expect(stderr).not.toMatch(/"level":(50|60)/);
      expect(code).toBe(0);
      expect(stdout).not.toMatch(/^✗/m);
      // Reading: the summary, a page button, the timeline and the fact-check.
      expect(stdout).toContain('  ┌ The US-Japan alliance and the cost of hosting US forces in Japan');
      expect(stdout).toMatch(/Page 2 of 2/);
      expect(stdout).toContain('  ┌ Timeline: The US-Japan alliance');
      expect(stdout).toMatch(/answering \/factcheck by you/);
      // The quiz: set up for 09:00, posted in #quiz when the clock gets there, answered, closed with results.
      expect(stdout).toContain('    integer, 1 to 23');
      expect(stdout).toMatch(/#\d+ Roundtable \[bot\] · 09:00 · in #quiz\n {2}┌ Daily quiz · /);
      expect(stdout).toMatch(/Locked in A/);
      expect(stdout).toMatch(/Locked in B/);
      expect(stdout).toMatch(/#\d+ Roundtable \[bot\] · 10:00\n {2}┌ Quiz results · /);
      expect(stdout).toMatch(/📎 quiz-scores\.csv \(\d+ bytes, text\/csv\)\n {4}│ user_id,points,answered/);
      // The debate: the card prints whole once; closing it is one edited line, then the result.
      expect(stdout.match(/^ {2}┌ Debate$/gm)).toHaveLength(1);
      expect(stdout).toMatch(/edited \d\d:\d\d: title "Debate" → "Debate \(closed\)"/);
      expect(stdout).toContain('  ┌ Debate result');
      expect(stdout).toMatch(/How the room moved/);
      expect((await readdir(directory)).sort()).toEqual(['quiz-answers-by-round.csv', 'quiz-scores.csv']);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
