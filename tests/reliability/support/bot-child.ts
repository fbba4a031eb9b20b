import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from './bot-process.js';

const entry = fileURLToPath(new URL('./bot-process.ts', import.meta.url));

export interface BotChildOptions {
  token: string;
  apiUrl: string;
  databasePath: string;
  clockStart: number;
  /** Everything the process writes to stdout and stderr, across restarts. */
  output: string[];
}

/** One run of the bot process: tick it, or kill it with SIGKILL. */
export interface BotChild {
  readonly pid: number;
  tick(now: number): Promise<void>;
  kill(): Promise<void>;
  /** Resolves when the process has exited, for whatever reason. */
  readonly exited: Promise<number | null>;
}

/** Starts `bot-process.ts` under tsx and resolves once the bot is connected and has caught up. */
export async function startBotChild(options: BotChildOptions): Promise<BotChild> {
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: options.token,
      DISCORD_API_URL: options.apiUrl,
      DATABASE_PATH: options.databasePath,
      CONTENT_DIR: 'content',
      LOG_LEVEL: 'info',
      BOT_CLOCK_START: String(options.clockStart),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk: Buffer) => options.output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => options.output.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waiting = new Map<number, () => void>();
  child.on('message', (message: ChildMessage) => {
    if (message.kind === 'ticked') {
      waiting.get(message.now)?.();
      waiting.delete(message.now);
    }
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bot process did not get ready in 30 s')), 30_000);
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(`the bot process exited with ${code} before it was ready:\n${options.output.join('')}`),
      );
    });
  });
  return {
    pid: child.pid ?? 0,
    exited,
    tick(now) {
      return new Promise<void>((resolve, reject) => {
        waiting.set(now, resolve);
        void exited.then(() => reject(new Error('the bot process exited during a tick')));
        child.send({ kind: 'tick', now });
      });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
