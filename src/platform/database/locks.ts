import Database from 'better-sqlite3';

/**
 * SQLITE_BUSY (and its extended codes): another connection (another process, a backup tool, an operator's
 * sqlite3 shell) holds a lock this statement needs. SQLITE_LOCKED: a conflict inside this process's own
 * connection. Neither says anything is wrong with the data; the same statement works a moment later.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(error.code);
}

function isForeignLock(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_BUSY(_|$)/.test(error.code);
}

export type LockChange =
  | { kind: 'locked'; code: string }
  /** `refused`: statements that failed busy during the episode. */
  | { kind: 'released'; lockedMs: number; refused: number };

export interface LockGuardOptions {
  /** How long one statement may wait for another connection's lock while no lock has been seen (default 100). */
  busyTimeoutMs?: number;
  /** How often, while locked, a non-waiting `BEGIN IMMEDIATE` checks whether the lock is gone (default 50). */
  probeIntervalMs?: number;
  onChange?: (change: LockChange) => void;
}

export interface LockGuard {
  /** Whether another connection is known to hold the write lock right now. */
  readonly locked: boolean;
}

type AnyFunction = (...args: never[]) => unknown;

/**
 * Keeps another connection's lock from stalling the event loop. Every statement of this connection runs
 * synchronously, so SQLite's busy timeout is time the whole process stands still: a 5 s timeout froze the
 * bot for as long as another process held a write transaction. Here the first statement that meets a
 * foreign lock waits at most `busyTimeoutMs`; from then on the connection does not wait at all (busy
 * timeout 0: a write fails at once with SQLITE_BUSY, which the router answers "busy, try again in a moment"
 * and the scheduler retries at the next tick) until a successful write or a probe every `probeIntervalMs`
 * shows the lock is gone, when the short timeout comes back. Reads are unaffected in WAL mode.
 *
 * It works by wrapping this connection's `prepare`, `transaction`, `exec` and `pragma`, so it must be
 * installed before any statement is prepared.
 */
export function guardAgainstForeignLocks(db: Database.Database, options: LockGuardOptions = {}): LockGuard {
  const busyTimeoutMs = options.busyTimeoutMs ?? 100;
  const probeIntervalMs = options.probeIntervalMs ?? 50;
  const prepare = db.prepare.bind(db);
  const pragma = db.pragma.bind(db);
  const exec = db.exec.bind(db);
  const transaction = db.transaction.bind(db);
  const probeBegin = prepare('BEGIN IMMEDIATE');
  const probeRollback = prepare('ROLLBACK');
  let lockedSince: number | null = null;
  let refused = 0;
  let probe: NodeJS.Timeout | undefined;

  pragma(`busy_timeout = ${busyTimeoutMs}`);

  function release(): void {
    if (lockedSince === null) return;
    const lockedMs = Math.round(performance.now() - lockedSince);
    lockedSince = null;
    clearInterval(probe);
    probe = undefined;
    if (db.open) pragma(`busy_timeout = ${busyTimeoutMs}`);
    options.onChange?.({ kind: 'released', lockedMs, refused });
    refused = 0;
  }

  function tryProbe(): void {
    if (!db.open) {
      clearInterval(probe);
      return;
    }
    if (db.inTransaction) return;
    try {
      probeBegin.run();
    } catch (error) {
      if (isForeignLock(error)) return;
      release();
      return;
    }
    probeRollback.run();
    release();
  }

  function noteFailure(error: unknown): void {
    if (!isForeignLock(error)) return;
    refused += 1;
    if (lockedSince !== null) return;
    lockedSince = performance.now();
    pragma('busy_timeout = 0');
    probe = setInterval(tryProbe, probeIntervalMs);
    probe.unref();
    options.onChange?.({ kind: 'locked', code: (error as InstanceType<typeof Database.SqliteError>).code });
  }

  /** Calls `call`, noting a foreign lock it met; `writes` says whether success proves no lock is held. */
  function guarded<F extends AnyFunction>(call: F, self: unknown, writes: () => boolean): F {
    return function (this: unknown, ...args: Parameters<F>) {
      let result: unknown;
      try {
        result = call.apply(self ?? this, args);
      } catch (error) {
        noteFailure(error);
        throw error;
      }
      if (lockedSince !== null && writes()) release();
      return result;
    } as F;
  }

  db.prepare = ((source: string) => {
    const statement = prepare(source);
    const writes = () => !statement.readonly;
    for (const method of ['run', 'get', 'all'] as const) {
      const original = statement[method] as AnyFunction;
      Object.defineProperty(statement, method, {
        value: guarded(original, statement, writes),
        configurable: true,
        writable: true,
      });
    }
    return statement;
  }) as typeof db.prepare;

  db.transaction = ((fn: AnyFunction) => {
    const original = transaction(fn as Parameters<typeof transaction>[0]) as unknown as Record<
      'default' | 'deferred' | 'immediate' | 'exclusive',
      AnyFunction
    >;
    const never = () => false;
    const always = () => true;
    const variants = {
      default: guarded(original.default, undefined, never),
      deferred: guarded(original.deferred, undefined, never),
      immediate: guarded(original.immediate, undefined, always),
      exclusive: guarded(original.exclusive, undefined, always),
    };
    const properties = {
      default: { value: variants.default },
      deferred: { value: variants.deferred },
      immediate: { value: variants.immediate },
      exclusive: { value: variants.exclusive },
      database: { value: db, enumerable: true },
    };
    for (const variant of Object.values(variants)) Object.defineProperties(variant, properties);
    return variants.default;
  }) as typeof db.transaction;

  db.exec = guarded(exec, undefined, () => false) as unknown as typeof db.exec;
  db.pragma = guarded(pragma, undefined, () => false) as typeof db.pragma;

  return {
    get locked() {
      return lockedSince !== null;
    },
  };
}
