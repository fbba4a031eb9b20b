import { type QuizConfig, scheduleOf } from '../core/config.js';
import { nextWindow, type RoundWindow } from '../core/schedule.js';
import type { QuizReads } from './read-config.js';

/** The next round the server's schedule will post, which may be open already, and the time it was asked. */
export interface NextRound {
  next: RoundWindow;
  now: number;
}

export function nextRound(reads: QuizReads, config: QuizConfig, now = reads.clock.now()): NextRound {
  const next = nextWindow(scheduleOf(config), now, (date) =>
    Boolean(reads.storage.rounds.byDate(config.guildId, date)),
  );
  return { next, now };
}
