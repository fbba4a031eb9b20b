import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/** The worker's code: its own connection to the same file, checkpointing the WAL on a timer. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpoint', result });
  } catch (error) {
    parentPort.postMessage({ kind: 'error', message: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ kind: 'stopped' });
});
`;

export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the bot's event loop: a worker thread with its own connection checkpoints
 * every `intervalMs` (PASSIVE: it never blocks writers), and the connection's automatic checkpoint, which
 * would otherwise run inside whichever write crosses 1,000 pages (an answer click), is pushed out to a
 * far larger WAL as a safety net. For file databases only.
 */
export function startBackgroundCheckpoints(
  db: Database,
  { intervalMs = 1_000, onError }: { intervalMs?: number; onError?: (message: string) => void } = {},
): BackgroundCheckpoints | null {
  if (db.memory) return null;
  db.pragma('wal_autocheckpoint = 20000');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { path: db.name, intervalMs, driver } });
  worker.unref();
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (message: { kind: string; message?: string }) => {
      if (message.kind === 'error') onError?.(message.message ?? 'checkpoint failed');
      if (message.kind === 'stopped') resolve();
    });
    worker.once('exit', () => resolve());
    worker.once('error', (error) => {
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
      onError?.(error.message);
      resolve();
    });
  });
  return {
    async stop() {
      worker.postMessage('stop');
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      await worker.terminate();
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
  };
}
