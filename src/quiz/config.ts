import { z } from 'zod';
import { maximumDurationMinutes, minimumDurationMinutes, type QuizSchedule } from './schedule.js';
import { isValidTimeZone, parseLocalTime } from './time.js';

const snowflake = z.string().regex(/^\d{17,20}$/);

/** A server's quiz configuration, as stored in `quiz_configs` and checked on every read. */
export const quizConfigSchema = z.object({
  guildId: snowflake,
  channelId: snowflake,
  postTime: z.string().refine((value) => parseLocalTime(value) !== undefined, 'not a time of day (HH:MM)'),
  timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone name'),
  durationMinutes: z.number().int().min(minimumDurationMinutes).max(maximumDurationMinutes),
  pingRoleId: snowflake.nullable(),
  paused: z.boolean(),
  activeSince: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

export type QuizConfig = z.infer<typeof quizConfigSchema>;

export const defaultDurationMinutes = 12 * 60;

export function scheduleOf(config: QuizConfig): QuizSchedule {
  return {
    postTime: config.postTime,
    timeZone: config.timeZone,
    durationMinutes: config.durationMinutes,
    activeSince: config.activeSince,
  };
}
