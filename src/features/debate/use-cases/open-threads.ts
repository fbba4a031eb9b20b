import type { DebateRepository } from '../storage/repository.js';

/**
 * Threads of open debates, mirroring the stored status: a message anywhere else costs no database
 * work. Reloaded on every closing run so debates changed by another process are picked up.
 */
export interface OpenThreads {
  has(threadId: string): boolean;
  add(threadId: string): void;
  remove(threadId: string): void;
  reload(): void;
}

export function createOpenThreads(debates: Pick<DebateRepository, 'listOpenThreadIds'>): OpenThreads {
  let threads = new Set(debates.listOpenThreadIds());
  return {
    has: (threadId) => threads.has(threadId),
    add(threadId) {
      threads.add(threadId);
    },
    remove(threadId) {
      threads.delete(threadId);
    },
    reload() {
      threads = new Set(debates.listOpenThreadIds());
    },
  };
}
