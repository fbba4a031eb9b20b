/** The bot's source of time. Everything that schedules or stamps reads it from the context. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to, for tests and the sandbox. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | Date) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  set(time: number | Date): void {
    this.#now = typeof time === 'number' ? time : time.getTime();
  }

  advance(milliseconds: number): void {
    this.#now += milliseconds;
  }
}
