import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotProcessConfig, BotReply, BotRequest } from './protocol.js';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
export const resultsDir = path.join(repositoryRoot, 'bench', 'results');

/**
 * How child processes run the TypeScript sources: `compiled` runs JavaScript built by tsc (as
 * production does with `node dist/index.js`); `tsx` transpiles on the fly (the smoke mode, no build).
 */
export type Runner = 'compiled' | 'tsx';

const scripts = {
  bot: { compiled: 'bench/results/build/bench/processes/bot.js', tsx: 'bench/processes/bot.ts' },
  main: { compiled: 'bench/results/build/src/index.js', tsx: 'src/index.ts' },
} as const;

export interface NodeOptions {
  runner: Runner;
  /** Run with --expose-gc so memory can be read after a full collection. */
  exposeGc?: boolean;
  /** Write a CPU profile (node --cpu-prof) into bench/results/profiles. */
  cpuProfile?: boolean;
}

export function nodeArguments(script: keyof typeof scripts, options: NodeOptions): string[] {
  const flags: string[] = [];
  if (options.exposeGc) flags.push('--expose-gc');
  if (options.cpuProfile) {
    const dir = path.join(resultsDir, 'profiles');
    mkdirSync(dir, { recursive: true });
    flags.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
  }
  const extra = process.env.BENCH_CHILD_FLAGS?.trim();
  if (extra) flags.push(...extra.split(/\s+/));
  if (options.runner === 'tsx') flags.push('--import', 'tsx');
  return [...flags, scripts[script][options.runner]];
}

/** Compiles Roundtable and the bench processes with tsc into bench/results/build (incremental). */
export async function compileForBenchmarks(): Promise<void> {
  const tsc = path.join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'bench/tsconfig.build.json'], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`tsc could not build the bench processes:\n${output}`);
}

function tailOf(text: string, length = 4_000): string {
  return text.length <= length ? text : `…${text.slice(-length)}`;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** A bot process (bench/processes/bot.ts) driven over IPC. */
export class BotProcess {
  #nextId = 1;
  readonly #pending = new Map<
    number,
    { resolve: (body: Record<string, unknown>) => void; reject: (error: Error) => void }
  >();
  #stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly variant: BotProcessConfig['variant'],
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = tailOf(this.#stderr + chunk.toString(), 64_000);
    });
    child.on('message', (raw) => {
      const message = raw as BotReply;
      if (message.kind !== 'reply') return;
      const waiting = this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${this.variant} process: ${message.error}`));
      else waiting.resolve(message.body ?? {});
    });
    child.on('exit', (code, signal) => {
      for (const waiting of this.#pending.values())
        waiting.reject(
          new Error(`${this.variant} process exited (${code ?? signal}):\n${tailOf(this.#stderr)}`),
        );
      this.#pending.clear();
    });
  }

  /** Starts the process and resolves once its client is ready. */
  static async start(
    config: BotProcessConfig,
    options: NodeOptions,
    timeoutMs = 120_000,
  ): Promise<BotProcess> {
    const child = spawn(process.execPath, nodeArguments('bot', options), {
      cwd: repositoryRoot,
      env: { ...process.env, BENCH_BOT: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    const bot = new BotProcess(child, config.variant);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(`${config.variant} process not ready within ${timeoutMs} ms:\n${tailOf(bot.#stderr)}`),
        );
      }, timeoutMs);
      const onMessage = (raw: unknown) => {
        const message = raw as BotReply;
        if (message.kind === 'ready') {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve();
        } else if (message.kind === 'failed') {
          clearTimeout(timer);
          reject(new Error(`${config.variant} process failed to start: ${message.error}`));
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${config.variant} process exited (${code}) before ready:\n${tailOf(bot.#stderr)}`));
      });
    });
    return bot;
  }

  get stderr(): string {
    return this.#stderr;
  }

  request<Body extends Record<string, unknown>>(request: BotRequest, timeoutMs = 300_000): Promise<Body> {
    const id = this.#nextId++;
    return new Promise<Body>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${this.variant} process did not answer ${request.kind} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (body) => {
          clearTimeout(timer);
          resolve(body as Body);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ ...request, id });
    });
  }

  /** Asks the bot to stop (disconnecting from the gateway) and waits for the process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await this.request({ kind: 'stop' }, 15_000).catch(() => undefined);
    if (!(await waitForExit(this.child, 10_000))) {
      this.child.kill('SIGKILL');
      await waitForExit(this.child, 5_000);
    }
  }
}

/**
 * Spawns `node <script>` and resolves with the milliseconds from spawn until a stdout line contains
 * `readyText`; then ends the process with SIGTERM (SIGKILL after 10 s).
 */
export async function timeToReadyLine(
  script: keyof typeof scripts,
  options: NodeOptions,
  env: Record<string, string>,
  readyText: string,
  timeoutMs = 60_000,
): Promise<number> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, nodeArguments(script, options), {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`${script} not ready within ${timeoutMs} ms:\n${tailOf(stdout)}\n${tailOf(stderr)}`),
          ),
        timeoutMs,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes(readyText)) {
          clearTimeout(timer);
          resolve(performance.now() - startedAt);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = tailOf(stderr + chunk.toString());
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited (${code}) before ready:\n${tailOf(stdout)}\n${tailOf(stderr)}`));
      });
    });
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
  }
}
