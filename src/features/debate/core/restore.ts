import type { ThreadModeration } from './types.js';

export type RestoreStep<Value> =
  | { kind: 'restore'; to: Value }
  | { kind: 'keep'; reason: 'changed-by-hand' | 'already-original' };

export interface RestorePlan {
  slowmode: RestoreStep<number>;
  locked: RestoreStep<boolean>;
}

function planOne<Value>(original: Value, applied: Value, current: Value): RestoreStep<Value> {
  if (current === original) return { kind: 'keep', reason: 'already-original' };
  if (current !== applied) return { kind: 'keep', reason: 'changed-by-hand' };
  return { kind: 'restore', to: original };
}

/**
 * What to put back when a debate ends. A value is restored only while it is still what the bot
 * last set; a value someone changed by hand in the meantime is theirs and stays.
 */
export function planRestore(input: {
  original: ThreadModeration;
  applied: ThreadModeration;
  current: ThreadModeration;
}): RestorePlan {
  return {
    slowmode: planOne(
      input.original.slowmodeSeconds,
      input.applied.slowmodeSeconds,
      input.current.slowmodeSeconds,
    ),
    locked: planOne(input.original.locked, input.applied.locked, input.current.locked),
  };
}
