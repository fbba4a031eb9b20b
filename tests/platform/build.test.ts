import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = process.cwd();
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
let outDir = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier))
    return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

beforeAll(() => {
  outDir = mkdtempSync(join(root, '.build-check-'));
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      stdio: 'pipe',
    },
  );
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('production build', () => {
  test('GIVEN the compiled output THEN it imports only production dependencies and Node built-ins', () => {
    const imported = new Set<string>();
    for (const file of filesUnder(outDir).filter((name) => name.endsWith('.js'))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(
        /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
      )) {
        const name = packageOf(match[1] ?? match[2] ?? '');
        if (name) imported.add(`${name} (${relative(outDir, file)})`);
      }
    }
    const outsideProduction = [...imported].filter(
      (entry) => !(entry.split(' ')[0]! in manifest.dependencies),
    );
    expect(outsideProduction).toEqual([]);
    expect([...imported].some((entry) => entry.startsWith('discord.js'))).toBe(true);
  });

  test('GIVEN the compiled output THEN it holds nothing of the loopback Discord or the sandbox, nor imports them or ws', () => {
    const files = filesUnder(outDir).map((file) => relative(outDir, file));
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files.filter((file) => /loopback|sandbox/i.test(file))).toEqual([]);
    const testOnly: string[] = [];
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      const source = readFileSync(join(outDir, file), 'utf8');
      for (const match of source.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1] ?? '';
        if (
          specifier.startsWith('@roundtable/') ||
          specifier === 'ws' ||
          specifier.startsWith('ws/') ||
          /loopback|sandbox/i.test(specifier)
        ) {
          testOnly.push(`${specifier} (${file})`);
        }
      }
    }
    expect(testOnly).toEqual([]);
  });

  test('GIVEN no token THEN the built bot exits 1 explaining how to get one and how to run offline', () => {
    const result = spawnSync(process.execPath, [join(outDir, 'index.js')], {
      cwd: mkdtempSync(join(outDir, 'cwd-')),
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DISCORD_TOKEN is missing');
    expect(result.stderr).toContain('npm run sandbox');
  });

  test('GIVEN a malformed token THEN the error names the variable and never prints the value', () => {
    const secret = 'this is not a token, but a secret';
    const result = spawnSync(process.execPath, [join(outDir, 'index.js')], {
      cwd: mkdtempSync(join(outDir, 'cwd-')),
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: secret },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DISCORD_TOKEN is not a bot token');
    expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
  });
});

describe('start-up with invalid story packs', () => {
  test('GIVEN a pack with an error and a Discord that has not answered the login THEN the built bot prints the content report, never reports being connected, closes its database and exits 1', async () => {
    const contentDir = mkdtempSync(join(outDir, 'content-'));
    cpSync('tests/fixtures/content/valid', contentDir, { recursive: true });
    const [story] = readdirSync(join(contentDir, 'stories'));
    const quizFile = join(contentDir, 'stories', story ?? '', 'quiz.yaml');
    writeFileSync(quizFile, readFileSync(quizFile, 'utf8').replace(/answer: [A-E]/, 'answer: Z'));
    const heldRequests: IncomingMessage[] = [];
    const discord = createServer((request) => void heldRequests.push(request));
    await new Promise<void>((resolve) => discord.listen(0, '127.0.0.1', resolve));
    const { port } = discord.address() as AddressInfo;
    const databasePath = join(outDir, 'invalid-content.db');
    try {
      const child = spawn(process.execPath, [join(outDir, 'index.js')], {
        cwd: mkdtempSync(join(outDir, 'cwd-')),
        env: {
          PATH: process.env.PATH ?? '',
          DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnop',
          DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
          CONTENT_DIR: contentDir,
          DATABASE_PATH: databasePath,
          LOG_LEVEL: 'info',
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearTimeout(timer);
      expect(status).toBe(1);
      expect(stderr).toMatch(
        /okinawa-bases \(.*\): 1 error\n {2}quiz\.yaml: 1 error\n {4}line \d+ · questions\[0\]\.answer: /,
      );
      expect(stderr).toContain('refuses to start');
      expect(stdout).not.toContain('connected to Discord');
      expect(existsSync(databasePath)).toBe(true);
      expect(existsSync(`${databasePath}-wal`)).toBe(false);
    } finally {
      for (const request of heldRequests) request.socket.destroy();
      await new Promise((resolve) => discord.close(resolve));
    }
  }, 40_000);
});

describe('container image recipe', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const dockerignore = readFileSync('.dockerignore', 'utf8').split('\n');

  test('GIVEN the Dockerfile THEN the final stage installs production dependencies only and runs as non-root', () => {
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/VOLUME \["\/data"\]/);
    expect(finalStage).toMatch(/CMD \["node", "dist\/index\.js"\]/);
    expect(dockerfile).not.toMatch(/COPY[^\n]*\.env/);
  });

  test('GIVEN the build context rules THEN secrets, dependencies, data and tests stay out of the image', () => {
    for (const entry of ['.env', 'node_modules', 'data', 'tests']) expect(dockerignore).toContain(entry);
  });
});
