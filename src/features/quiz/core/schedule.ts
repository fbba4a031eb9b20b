import {
  addDays,
  instantOfLocalTime,
  type LocalDate,
  type LocalTime,
  localDateAt,
  minuteMs,
} from './time.js';

/** When a server's question is posted and how long answers stay open. */
export interface QuizSchedule {
  postTime: LocalTime;
  timeZone: string;
  durationMinutes: number;
  /** Rounds scheduled before this instant (setup or resume) are never posted. */
  activeSince: number;
}

/** One day's round: posted at `postAt`, answers accepted until `closeAt` (exclusive). */
export interface RoundWindow {
  localDate: LocalDate;
  postAt: number;
  closeAt: number;
}

/** A round posted this long after its time carries a note saying it is late. */
export const latePostThresholdMs = 5 * minuteMs;

export const minimumDurationMinutes = 15;
/** Answers close before the next day's question at the latest, even on a 23-hour day. */
export const maximumDurationMinutes = 23 * 60;

const postInstants = new Map<string, number>();

function postInstant(localDate: LocalDate, postTime: LocalTime, timeZone: string): number {
  const key = `${timeZone}|${localDate}|${postTime}`;
  let instant = postInstants.get(key);
  if (instant === undefined) {
    instant = instantOfLocalTime(localDate, postTime, timeZone);
    if (postInstants.size >= 20_000) postInstants.clear();
    postInstants.set(key, instant);
  }
  return instant;
}

export function roundWindow(schedule: QuizSchedule, localDate: LocalDate): RoundWindow {
  const postAt = postInstant(localDate, schedule.postTime, schedule.timeZone);
  return { localDate, postAt, closeAt: postAt + schedule.durationMinutes * minuteMs };
}

/**
 * The rounds whose window holds `now` and which the schedule allows (posted at or after
 * `activeSince`): at most one for yesterday's and one for today's local date.
 */
export function openWindows(schedule: QuizSchedule, now: number): RoundWindow[] {
  const today = localDateAt(now, schedule.timeZone);
  return [addDays(today, -1), today]
    .map((date) => roundWindow(schedule, date))
    .filter(
      (window) => window.postAt >= schedule.activeSince && window.postAt <= now && now < window.closeAt,
    );
}

/** True when a round posted at `now` for `window` should say that it is late. */
export function isLatePost(window: RoundWindow, now: number): boolean {
  return now - window.postAt >= latePostThresholdMs;
}

/** The next round still to be posted after `now`: its window, which may already be open. */
export function nextWindow(
  schedule: QuizSchedule,
  now: number,
  hasRound: (localDate: LocalDate) => boolean,
): RoundWindow {
  const today = localDateAt(now, schedule.timeZone);
  for (let offset = -1; offset < 3; offset += 1) {
    const window = roundWindow(schedule, addDays(today, offset));
    if (window.postAt < schedule.activeSince || hasRound(window.localDate)) continue;
    if (window.closeAt > now) return window;
  }
  return roundWindow(schedule, addDays(today, 3));
}
