/** Runs work for one debate after any work already running for it, so a close never races a close. */
export interface DebateLock {
  run<T>(debateId: number, work: () => Promise<T>): Promise<T>;
}

export function createDebateLock(): DebateLock {
  const running = new Map<number, Promise<unknown>>();
  return {
    run(debateId, work) {
      const previous = running.get(debateId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(work);
      running.set(debateId, next);
      void next
        .catch(() => undefined)
        .finally(() => {
          if (running.get(debateId) === next) running.delete(debateId);
        });
      return next;
    },
  };
}
