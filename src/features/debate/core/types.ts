/** A member's side in a debate. */
export type Stance = 'for' | 'against' | 'undecided';

export const stanceValues = ['for', 'against', 'undecided'] as const satisfies readonly Stance[];

/** `open`: free discussion until the close; `rounds`: opening statements, rebuttals and closing statements. */
export type DebateFormat = 'open' | 'rounds';

export type DebateStatus = 'open' | 'closed';

/** A thread's moderation state that a debate changes and restores. */
export interface ThreadModeration {
  slowmodeSeconds: number;
  locked: boolean;
}

export const stanceLabels: Record<Stance, string> = {
  for: 'For',
  against: 'Against',
  undecided: 'Undecided',
};
