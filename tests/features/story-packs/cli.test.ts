import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
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

/** Runs a script in a fresh folder holding only `.env`, with no CONTENT_* or DISCORD_TOKEN in the environment. */
async function runWithDotEnv(script: string, args: readonly string[], dotEnv: string) {
  const folder = await mkdtemp(path.join(tmpdir(), 'roundtable-env-'));
  try {
    await writeFile(path.join(folder, '.env'), dotEnv);
    const environment = { ...process.env };
    for (const name of ['CONTENT_DIR', 'CONTENT_STALE_DAYS', 'DISCORD_TOKEN']) delete environment[name];
    const child = spawnSync(TSX, [path.resolve(script), ...args], {
      cwd: folder,
      env: environment,
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { status: child.status, stdout: child.stdout, stderr: child.stderr, folder };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('the content scripts read .env as the bot does', () => {
  const fixtures = path.resolve('tests/fixtures/content/valid');

  test('GIVEN CONTENT_DIR and CONTENT_STALE_DAYS in .env and no token THEN content:check checks that folder and notes stale packs', async () => {
    const result = await runWithDotEnv(
      'src/features/story-packs/cli/check.ts',
      [],
      `CONTENT_DIR=${fixtures}\nCONTENT_STALE_DAYS=3650\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('treaty-history: 4 events');
    expect(result.stdout).not.toContain('readers see a warning');
    expect(result.status).toBe(0);
    const stale = await runWithDotEnv(
      'src/features/story-packs/cli/check.ts',
      [],
      `CONTENT_DIR=${fixtures}\nCONTENT_STALE_DAYS=1\n`,
    );
    expect(stale.stdout).toMatch(
      /treaty-history: .*; as_of \S+ \(\d+ days old: readers see a warning after CONTENT_STALE_DAYS=1\)/,
    );
  });

  test('GIVEN a bad CONTENT_STALE_DAYS in .env THEN content:check names it and exits 1', async () => {
    const result = await runWithDotEnv(
      'src/features/story-packs/cli/check.ts',
      [],
      `CONTENT_DIR=${fixtures}\nCONTENT_STALE_DAYS=soon\n`,
    );
    expect(result.stderr).toContain('The story packs were not checked; fix the configuration');
    expect(result.stderr).toContain('CONTENT_STALE_DAYS must be a whole number of days');
    expect(result.stderr).not.toContain('DISCORD_TOKEN');
    expect(result.status).toBe(1);
  });

  test('GIVEN CONTENT_DIR in .env THEN content:new writes the pack there', async () => {
    const contentDir = await mkdtemp(path.join(tmpdir(), 'roundtable-new-env-'));
    try {
      const result = await runWithDotEnv(
        'src/features/story-packs/cli/new.ts',
        ['env-story'],
        `CONTENT_DIR=${contentDir}\n`,
      );
      expect(result.status).toBe(0);
      expect(await readdir(path.join(contentDir, 'stories'))).toEqual(['env-story']);
    } finally {
      await rm(contentDir, { recursive: true, force: true });
    }
  });
});

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
  test('GIVEN a fresh scaffold THEN content:check says first how many placeholders are left, under a heading per pack and file', async () => {
    const contentDir = await mkdtemp(path.join(tmpdir(), 'roundtable-fresh-'));
    try {
      expect(run('src/features/story-packs/cli/new.ts', ['fresh-story'], contentDir).status).toBe(0);
      const check = run('src/features/story-packs/cli/check.ts', [], contentDir);
      expect(check.status).toBe(1);
      const lines = check.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^The story packs are not valid: \d+ placeholders \(TODO\) left to replace, no other errors, 0 warnings\.$/,
      );
      const headings = lines.filter((line) => line !== '' && !line.startsWith('    '));
      expect(headings.slice(1)).toEqual([
        expect.stringMatching(/^fresh-story \(.*fresh-story[/\\]\): \d+ placeholders$/),
        ...['story.yaml', 'timeline.yaml', 'factchecks.yaml', 'debates.yaml', 'quiz.yaml'].map((file) =>
          expect.stringMatching(new RegExp(`^  ${file.replace('.', '\\.')}: \\d+ placeholders?$`)),
        ),
      ]);
      expect(check.stderr).not.toContain('still holds the placeholder');
      expect(check.stderr).toContain('    line 4 · title: placeholder "TODO story title"');
    } finally {
      await rm(contentDir, { recursive: true, force: true });
    }
  });

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
