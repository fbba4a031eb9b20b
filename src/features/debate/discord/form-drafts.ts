import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import type { Clock } from '../../../platform/clock.js';

/**
 * Forms a member submitted that were refused, kept for a while so they can open them again with what
 * they typed. Kept in memory only, by member and by the submit's interaction id: the button that reopens
 * a form carries that id, and only the member who submitted it gets the form back.
 */
export interface FormDrafts {
  keep(userId: string, interactionId: string, form: APIModalInteractionResponseCallbackData): void;
  /** The form, prefilled, while it is kept; it stays kept in case the member closes it unsent. */
  find(userId: string, interactionId: string): APIModalInteractionResponseCallbackData | undefined;
}

export const formDraftLifetimeMs = 15 * 60_000;
const defaultCapacity = 500;

interface Draft {
  form: APIModalInteractionResponseCallbackData;
  keptAt: number;
}

export function createFormDrafts(
  clock: Clock,
  options: { capacity?: number; lifetimeMs?: number } = {},
): FormDrafts {
  const capacity = options.capacity ?? defaultCapacity;
  const lifetimeMs = options.lifetimeMs ?? formDraftLifetimeMs;
  /** In the order kept, so the oldest come first. */
  const drafts = new Map<string, Draft>();
  const keyOf = (userId: string, interactionId: string) => `${userId}:${interactionId}`;

  function dropExpired(now: number): void {
    for (const [key, draft] of drafts) {
      if (draft.keptAt + lifetimeMs > now) break;
      drafts.delete(key);
    }
  }

  return {
    keep(userId, interactionId, form) {
      const now = clock.now();
      dropExpired(now);
      const key = keyOf(userId, interactionId);
      drafts.delete(key);
      drafts.set(key, { form, keptAt: now });
      while (drafts.size > capacity) {
        const oldest = drafts.keys().next().value;
        if (oldest === undefined) break;
        drafts.delete(oldest);
      }
    },
    find(userId, interactionId) {
      const now = clock.now();
      dropExpired(now);
      return drafts.get(keyOf(userId, interactionId))?.form;
    },
  };
}
