import { z } from 'zod';
import { snowflakeSchema } from '../../../platform/ids/snowflake.js';
import { maximumDurationMinutes, minimumDurationMinutes, type QuizSchedule } from './schedule.js';
import { isValidTimeZone, parseLocalTime } from './time.js';

/** A server's quiz configuration, as stored in `quiz_configs` and checked on every read. */
export const quizConfigSchema = z.object({
  guildId: snowflakeSchema,
  channelId: snowflakeSchema,
  postTime: z.string().refine((value) => parseLocalTime(value) !== undefined, 'not a time of day (HH:MM)'),
  timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone name'),
  durationMinutes: z.number().int().min(minimumDurationMinutes).max(maximumDurationMinutes),
  pingRoleId: snowflakeSchema.nullable(),
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
