import { type ChildProcess, spawn } from 'node:child_process';

export interface EntryProcessOptions {
  token: string;
  apiUrl: string;
  databasePath: string;
  contentDir?: string;
  /** Modules loaded before the entry point (`node --import`), e.g. a clock preload. */
  preload?: string[];
  env?: Record<string, string>;
}

export interface EntryProcess {
  readonly child: ChildProcess;
  /** Everything written to stdout, line by line, and to stderr. */
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the first stdout line (parsed as JSON) that satisfies `predicate`. */
  waitForLog(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

/**
 * The production entry point, `src/index.ts` run by tsx (as `npm run dev` does), configured through the
 * environment like `npm start`.
 */
export function startEntryProcess(options: EntryProcessOptions): EntryProcess {
  const imports = ['tsx', ...(options.preload ?? [])].flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, [...imports, 'src/index.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: options.token,
      DISCORD_API_URL: options.apiUrl,
      DATABASE_PATH: options.databasePath,
      CONTENT_DIR: options.contentDir ?? 'tests/fixtures/content/valid',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      for (const listener of [...listeners]) listener(line);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout,
    stderr,
    exited,
    waitForLog(predicate, timeoutMs = 30_000) {
      const matches = (line: string) => {
        try {
          return predicate(JSON.parse(line) as Record<string, unknown>);
        } catch {
          return false;
        }
      };
      const found = stdout.find(matches);
      if (found) return Promise.resolve(JSON.parse(found) as Record<string, unknown>);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(
            new Error(`no such log line within ${timeoutMs} ms:\n${stdout.join('\n')}\n${stderr.join('')}`),
          );
        }, timeoutMs);
        const listener = (line: string) => {
          if (!matches(line)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(JSON.parse(line) as Record<string, unknown>);
        };
        listeners.add(listener);
        void exited.then(() => {
          if (!listeners.has(listener)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          reject(new Error(`the process exited first:\n${stdout.join('\n')}\n${stderr.join('')}`));
        });
      });
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
