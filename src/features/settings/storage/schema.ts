import { z } from 'zod';
import { snowflakeSchema } from '../../../platform/ids/snowflake.js';

/** Per-server settings, stored as one JSON document and parsed with this schema on every read. */
export const guildSettingsSchema = z.object({
  modLogChannelId: snowflakeSchema.optional(),
  debateWarningLimit: z.number().int().min(1).max(10).default(3),
  debateTimeoutMinutes: z.number().int().min(0).max(40_320).default(60),
});

export type GuildSettings = z.infer<typeof guildSettingsSchema>;
export type GuildSettingsInput = z.input<typeof guildSettingsSchema>;

export const defaultGuildSettings: GuildSettings = guildSettingsSchema.parse({});
