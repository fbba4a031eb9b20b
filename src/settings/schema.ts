import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/);

/** Per-server settings, stored as one JSON document and parsed with this schema on every read. */
export const guildSettingsSchema = z.object({
  modLogChannelId: snowflake.optional(),
  debateWarningLimit: z.number().int().min(1).max(10).default(3),
  debateTimeoutMinutes: z.number().int().min(0).max(40_320).default(60),
});

export type GuildSettings = z.infer<typeof guildSettingsSchema>;
export type GuildSettingsInput = z.input<typeof guildSettingsSchema>;

export const defaultGuildSettings: GuildSettings = guildSettingsSchema.parse({});
