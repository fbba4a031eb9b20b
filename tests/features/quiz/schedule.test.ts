import { describe, expect, test } from 'vitest';
import {
  isLatePost,
  nextWindow,
  openWindows,
  type QuizSchedule,
  roundWindow,
} from '../../../src/features/quiz/core/schedule.js';
import {
  addDays,
  checkTimeZone,
  instantOfLocalTime,
  isValidTimeZone,
  localDateAt,
  localPartsAt,
  minuteMs,
  parseLocalTime,
  startOfMonth,
  startOfWeek,
} from '../../../src/features/quiz/core/time.js';

const iso = (instant: number) => new Date(instant).toISOString();

function schedule(postTime: string, timeZone: string, durationMinutes = 12 * 60): QuizSchedule {
  return { postTime, timeZone, durationMinutes, activeSince: 0 };
}

/** Ticks a scheduler every minute from `from` to `to` and returns the instants at which a round would post. */
function simulatePosts(plan: QuizSchedule, from: number, to: number): Map<string, number> {
  const posted = new Map<string, number>();
  for (let now = from; now <= to; now += minuteMs) {
    for (const window of openWindows(plan, now)) {
      if (!posted.has(window.localDate)) posted.set(window.localDate, now);
    }
  }
  return posted;
}

describe('local time to instant', () => {
  test.each([
    ['America/New_York', '2026-03-07', '09:00', '2026-03-07T14:00:00.000Z'],
    ['America/New_York', '2026-03-08', '09:00', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-11-01', '09:00', '2026-11-01T14:00:00.000Z'],
    ['Europe/London', '2026-03-28', '08:00', '2026-03-28T08:00:00.000Z'],
    ['Europe/London', '2026-03-29', '08:00', '2026-03-29T07:00:00.000Z'],
    ['Europe/London', '2026-10-25', '08:00', '2026-10-25T08:00:00.000Z'],
    ['Asia/Tokyo', '2026-11-25', '09:00', '2026-11-25T00:00:00.000Z'],
    ['Asia/Tokyo', '2026-01-01', '07:30', '2025-12-31T22:30:00.000Z'],
    ['Pacific/Auckland', '2026-01-15', '09:00', '2026-01-14T20:00:00.000Z'],
    ['Pacific/Auckland', '2026-07-15', '09:00', '2026-07-14T21:00:00.000Z'],
    ['America/Los_Angeles', '2026-12-31', '20:00', '2027-01-01T04:00:00.000Z'],
  ])('GIVEN %s on %s at %s THEN the instant is %s', (zone, date, time, expected) => {
    expect(iso(instantOfLocalTime(date, time, zone))).toBe(expected);
  });

  test.each([
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z', '03:00'],
    ['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z', '03:00'],
    ['America/New_York', '2026-03-08', '02:59', '2026-03-08T07:00:00.000Z', '03:00'],
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:00:00.000Z', '02:00'],
    ['Pacific/Auckland', '2026-09-27', '02:15', '2026-09-26T14:00:00.000Z', '03:00'],
  ])(
    'GIVEN a spring-forward day in %s on %s WHEN %s does not exist THEN it resolves to the next valid minute',
    (zone, date, time, expected, wall) => {
      const instant = instantOfLocalTime(date, time, zone);
      expect(iso(instant)).toBe(expected);
      const parts = localPartsAt(instant, zone);
      expect(`${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`).toBe(wall);
      expect(localDateAt(instant, zone)).toBe(date);
    },
  );

  test.each([
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['Pacific/Auckland', '2026-04-05', '02:30', '2026-04-04T13:30:00.000Z'],
  ])(
    'GIVEN a fall-back day in %s on %s WHEN %s occurs twice THEN it resolves to the first occurrence',
    (zone, date, time, expected) => {
      expect(iso(instantOfLocalTime(date, time, zone))).toBe(expected);
    },
  );
});

describe('posting across daylight-saving changes', () => {
  test.each([
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:00:00.000Z'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['Pacific/Auckland', '2026-09-27', '02:30', '2026-09-26T14:00:00.000Z'],
    ['Pacific/Auckland', '2026-04-05', '02:30', '2026-04-04T13:30:00.000Z'],
  ])(
    'GIVEN a minute tick through %s on %s with the post at %s THEN exactly one post per local date, the DST day at %s',
    (zone, date, time, expected) => {
      const plan = schedule(time, zone, 60);
      const from = instantOfLocalTime(addDays(date, -2), '00:00', zone);
      const to = instantOfLocalTime(addDays(date, 2), '00:00', zone);
      const posts = simulatePosts(plan, from, to);
      expect([...posts.keys()]).toEqual([addDays(date, -2), addDays(date, -1), date, addDays(date, 1)]);
      expect(iso(posts.get(date) ?? 0)).toBe(expected);
      for (const [localDate, at] of posts) {
        expect(localDateAt(at, zone)).toBe(localDate);
        expect(at).toBe(instantOfLocalTime(localDate, time, zone));
      }
    },
  );

  test('GIVEN New York at 09:00 THEN the post moves from 14:00 UTC to 13:00 UTC on 2026-03-08 and back on 2026-11-01', () => {
    const plan = schedule('09:00', 'America/New_York');
    expect(iso(roundWindow(plan, '2026-03-07').postAt)).toBe('2026-03-07T14:00:00.000Z');
    expect(iso(roundWindow(plan, '2026-03-08').postAt)).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(roundWindow(plan, '2026-10-31').postAt)).toBe('2026-10-31T13:00:00.000Z');
    expect(iso(roundWindow(plan, '2026-11-01').postAt)).toBe('2026-11-01T14:00:00.000Z');
  });

  test('GIVEN Tokyo at 09:00 THEN the round of a local date opens the previous UTC evening', () => {
    const plan = schedule('09:00', 'Asia/Tokyo', 120);
    const windows = openWindows(plan, Date.parse('2026-11-25T00:30:00Z'));
    expect(windows.map((window) => window.localDate)).toEqual(['2026-11-25']);
    expect(openWindows(plan, Date.parse('2026-11-25T02:00:00Z'))).toEqual([]);
  });

  test('GIVEN Auckland at 23:00 with 12 hours open THEN after local midnight yesterday’s round is still open', () => {
    const plan = schedule('23:00', 'Pacific/Auckland', 12 * 60);
    const now = Date.parse('2026-06-15T14:00:00Z');
    expect(localDateAt(now, 'Pacific/Auckland')).toBe('2026-06-16');
    expect(openWindows(plan, now).map((window) => window.localDate)).toEqual(['2026-06-15']);
  });

  test('GIVEN a schedule set up after today’s post time THEN today’s round is not posted and the next is tomorrow', () => {
    const setupAt = Date.parse('2026-11-25T12:00:00Z');
    const plan: QuizSchedule = { ...schedule('09:00', 'Europe/London'), activeSince: setupAt };
    expect(openWindows(plan, setupAt)).toEqual([]);
    const next = nextWindow(plan, setupAt, () => false);
    expect(next.localDate).toBe('2026-11-26');
    expect(iso(next.postAt)).toBe('2026-11-26T09:00:00.000Z');
  });

  test('GIVEN today’s round already recorded THEN the next window is tomorrow’s', () => {
    const plan = schedule('09:00', 'Europe/London');
    const now = Date.parse('2026-11-25T09:30:00Z');
    expect(nextWindow(plan, now, () => false).localDate).toBe('2026-11-25');
    expect(nextWindow(plan, now, (date) => date === '2026-11-25').localDate).toBe('2026-11-26');
  });

  test('GIVEN a post five minutes or more after its time THEN it is late, and not before', () => {
    const window = roundWindow(schedule('09:00', 'UTC'), '2026-11-25');
    expect(isLatePost(window, window.postAt + 59_000)).toBe(false);
    expect(isLatePost(window, window.postAt + 4 * minuteMs)).toBe(false);
    expect(isLatePost(window, window.postAt + 5 * minuteMs)).toBe(true);
  });
});

describe('calendar arithmetic', () => {
  test('GIVEN month and year ends THEN adding days rolls over', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  test('GIVEN times of day THEN HH:MM and H:MM are read and impossible times refused', () => {
    expect(parseLocalTime('09:00')).toEqual({ hour: 9, minute: 0 });
    expect(parseLocalTime('9:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseLocalTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const wrong of ['24:00', '12:60', '9am', '0900', '']) expect(parseLocalTime(wrong)).toBeUndefined();
  });

  test('GIVEN dates THEN weeks start on Monday and months on the 1st', () => {
    expect(startOfWeek('2026-11-25')).toBe('2026-11-23');
    expect(startOfWeek('2027-01-03')).toBe('2026-12-28');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    expect(startOfMonth('2026-11-25')).toBe('2026-11-01');
  });
});

describe('time zone names', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');

  test.each([
    ['EST5', 'America/New_York'],
    ['Tokyo', 'Asia/Tokyo'],
    ['+09:00', 'Asia/Tokyo'],
    ['UTC-5', 'America/New_York'],
    ['new york', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
  ])('GIVEN %s THEN it is refused with %s among the suggestions', (input, suggestion) => {
    const check = checkTimeZone(input, now);
    expect(check.kind).toBe('invalid');
    if (check.kind === 'invalid') {
      expect(check.suggestions).toContain(suggestion);
      expect(check.reason).toContain(input);
    }
  });

  test.each([
    ['Asia/Tokyo', 'Asia/Tokyo'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['America/New_York', 'America/New_York'],
    ['utc', 'UTC'],
    ['Europe/London', 'Europe/London'],
  ])('GIVEN %s THEN it is accepted as %s', (input, expected) => {
    expect(checkTimeZone(input, now)).toEqual({ kind: 'valid', timeZone: expected });
    expect(isValidTimeZone(expected)).toBe(true);
  });

  test('GIVEN a zone-like name that does not exist THEN it is refused', () => {
    expect(checkTimeZone('Mars/Olympus_Mons', now).kind).toBe('invalid');
    expect(isValidTimeZone('Tokyo')).toBe(false);
  });
});
