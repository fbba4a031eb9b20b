import type { Database } from 'better-sqlite3';
import type { Logger } from '../../../platform/logger.js';
import { defaultGuildSettings, type GuildSettings, guildSettingsSchema } from './schema.js';

export interface SettingsRepository {
  /** The server's settings; a stored row that fails its schema is logged and replaced by the defaults. */
  get(guildId: string): GuildSettings;
  update(guildId: string, change: Partial<GuildSettings>, now: number): GuildSettings;
}

export function createSettingsRepository(db: Database, logger: Logger): SettingsRepository {
  const select = db.prepare<[string], { settings: string }>(
    'SELECT settings FROM guild_settings WHERE guild_id = ?',
  );
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO guild_settings (guild_id, settings, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  );

  function get(guildId: string): GuildSettings {
    const row = select.get(guildId);
    if (!row) return { ...defaultGuildSettings };
    let raw: unknown;
    try {
      raw = JSON.parse(row.settings);
    } catch {
      logger.warn({ guildId }, 'stored guild settings are not JSON; using defaults');
      return { ...defaultGuildSettings };
    }
    const parsed = guildSettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    logger.warn(
      { guildId, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
      'stored guild settings fail their schema; using defaults',
    );
    return { ...defaultGuildSettings };
  }

  return {
    get,
    update(guildId, change, now) {
      const next = guildSettingsSchema.parse({ ...get(guildId), ...change });
      upsert.run(guildId, JSON.stringify(next), now);
      return next;
    },
  };
}
