import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');

function run(script: string, args: readonly string[], contentDir: string) {
  const child = spawnSync(TSX, [script, ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('npm run content:check', () => {
  test('GIVEN valid packs THEN it prints one line per pack and exits 0', () => {
    const result = run('src/features/story-packs/cli/check.ts', [], 'tests/fixtures/content/valid');
    expect(result.stdout).toContain(
      'treaty-history: 4 events, 2 fact-checks, 2 updates, 2 prompts, 3 questions',
    );
    expect(result.stdout).toContain('oldest as_of 2026-10-01 (okinawa-bases)');
    expect(result.status).toBe(0);
  });

  test('GIVEN a folder without packs THEN it prints the error and exits 1', async () => {
    const emptyDir = await mkdtemp(path.join(tmpdir(), 'roundtable-check-'));
    try {
      const result = run('src/features/story-packs/cli/check.ts', [], emptyDir);
      expect(result.stderr).toContain('/stories: folder not found');
      expect(result.status).toBe(1);
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});

describe('npm run content:new', () => {
  test('GIVEN an id THEN the pack is created, and a second run refuses to overwrite it', async () => {
    const contentDir = await mkdtemp(path.join(tmpdir(), 'roundtable-new-'));
    try {
      const first = run('src/features/story-packs/cli/new.ts', ['fresh-story'], contentDir);
      expect(first.status).toBe(0);
      expect((await readdir(path.join(contentDir, 'stories', 'fresh-story'))).sort()).toEqual([
        'debates.yaml',
        'factchecks.yaml',
        'quiz.yaml',
        'story.yaml',
        'timeline.yaml',
      ]);
      const second = run('src/features/story-packs/cli/new.ts', ['fresh-story'], contentDir);
      expect(second.stderr).toContain('already exists; nothing was written');
      expect(second.status).toBe(1);
    } finally {
      await rm(contentDir, { recursive: true, force: true });
    }
  });
});
