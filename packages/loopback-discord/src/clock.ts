/**
 * The server's own notion of "now": wall time plus an offset tests can move forward.
 * Interaction deadlines, token lifetimes, message timestamps, snowflakes, thread
 * auto-archiving and nonce windows all read this clock.
 */
export class LoopbackClock {
  #offsetMs = 0;
  readonly #listeners = new Set<(now: number) => void>();

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Moves the clock forward by `ms` milliseconds and notifies listeners. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot move the clock by ${ms} ms`);
    this.#offsetMs += ms;
    const now = this.now();
    for (const listener of this.#listeners) listener(now);
    return now;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  onAdvance(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
